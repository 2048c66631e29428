"""The rule index (proofer/grammar/rule_index.py) only leaves out starts where a rule
cannot match: on generated token sequences, GrammarRuleSet.matches must give exactly
what trying every rule at every token gives (find_matches without starts).

The tokens are made from the words, lemmas and tags the shipped rules (and a few
rules written here to reach the corners: a boundary inside a pattern, any_of, an
optional or negated first element, skip, sentence_start) ask for, so that rules do
match; no Apertium needed.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofer.grammar import GrammarRuleSet, load_grammar_files, load_grammar_rules
from proofer.grammar.matcher import find_matches, prepare
from proofer.grammar.model import GrammarRule, TokenSpec
from proofer.grammar.rule_index import ParagraphIndex, plan
from tests.handmade_tokens import R, T

CORNERS = """
defaults: {category: grammar, severity: error, source: test}
rules:
  - id: t.across
    message: 'x'
    pattern:
      - {tags: n}
      - {tags: sent}
      - {word: [han, de], sentence_start: true}
    examples: [{wrong: '«x»', correction: null}]
    correct: ['y']
  - id: t.any-of-first
    message: 'x'
    pattern:
      - {any_of: [{word: att}, {tags: pr}], skip: 2}
      - {tags: vblex, mark: true}
    antipatterns: [[{word: och}, {tags: adv}]]
    examples: [{wrong: '«x»', correction: null}]
    correct: ['y']
  - id: t.optional-first
    message: 'x'
    pattern:
      - {tags: adv, optional: true}
      - {word: inte, mark: true}
      - {tags: vblex, negate: true, repeat: 3}
    examples: [{wrong: '«x»', correction: null}]
    correct: ['y']
  - id: t.negated-first
    message: 'x'
    pattern:
      - {tags: det, negate: true}
      - {tags: adj, reading: all}
      - {tags: [n sg, np], reading: any}
    examples: [{wrong: '«x»', correction: null}]
    correct: ['y']
  - id: t.ends-at-boundary
    message: 'x'
    pattern:
      - {word: [sedan, då], sentence_start: true}
      - {tags: prn nom, reading: any, mark: true}
      - {tags: vblex, reading: any, optional: true, repeat: 4}
      - {word: ['.', '!']}
    examples: [{wrong: '«x»', correction: null}]
    correct: ['y']
  - id: t.same-word-repeated
    message: 'x'
    pattern:
      - {regex: '\\w+', not_word: [och]}
      - {regex: '\\w+', repeat: 2, mark: true}
      - {tags: vblex, reading: any, optional: true}
    agree:
      - {tokens: [1, 0], features: [word]}
    examples: [{wrong: '«x»', correction: null}]
    correct: ['y']
  - id: t.same-word-optional
    message: 'x'
    pattern:
      - {tags: [n, adj], reading: any}
      - {tags: adv, optional: true}
      - {regex: '\\w+'}
    agree:
      - {tokens: [0, 1], features: [word]}
    examples: [{wrong: '«x»', correction: null}]
    correct: ['y']
"""


def _corner_rules(tmp_path: Path) -> list[GrammarRule]:
    path = tmp_path / "corners.yaml"
    path.write_text(CORNERS, encoding="utf-8")
    rules, errors = load_grammar_rules([path])
    assert errors == []
    return rules


def _specs(spec: TokenSpec):
    yield spec
    for alt in spec.alternatives:
        yield from _specs(alt)


def _vocabulary(rules: list[GrammarRule]) -> tuple[list[str], list[str], list[str]]:
    words, lemmas, tags = {"x", "huset", "Han", "De", ","}, {"x"}, {"n", "vblex", "adj"}
    for rule in rules:
        for pattern in (rule.pattern, *rule.antipatterns):
            for top in pattern:
                for spec in _specs(top):
                    words |= set(spec.words or ()) | set(spec.not_words)
                    lemmas |= set(spec.lemmas or ()) | set(spec.not_lemmas)
                    for expr in (spec.tags or (), spec.not_tags, spec.no_reading):
                        for alt in expr:
                            tags |= alt
    tags.discard("sent")
    return sorted(words), sorted(lemmas), sorted(tags)


def _tokens(rng: random.Random, vocab: tuple[list[str], list[str], list[str]],
            size: int) -> list[T]:
    words, lemmas, tags = vocab
    out: list[T] = []
    pos = 0
    for _ in range(size):
        if rng.random() < 0.12:
            text, readings = rng.choice(".!?"), (R(".", ("sent",)),)
        else:
            # a word written twice now and then (rules that compare two words' texts)
            doubled = out and out[-1].text.isalpha() and rng.random() < 0.15
            text = out[-1].text if doubled else rng.choice(words)
            if rng.random() < 0.3:
                text = text.capitalize()
            readings = tuple(
                R(rng.choice(lemmas) if rng.random() < 0.5 else text.lower(),
                  tuple(rng.sample(tags, rng.randint(1, 5))))
                for _ in range(rng.choice((0, 1, 1, 1, 2, 3))))
        out.append(T(pos, pos + len(text), text, readings))
        pos += len(text) + 1
    return out


def _naive(rules: list[GrammarRule], tokens: list[T]) -> list[tuple[str, object]]:
    prepared = prepare(tokens)
    return [(rule.id, m.elements) for rule in rules for m in find_matches(rule, prepared)]


def _indexed(rules: list[GrammarRule], tokens: list[T]) -> list[tuple[str, object]]:
    return [(m.rule.id, m.elements) for m in GrammarRuleSet(rules).matches(tokens)]


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> list[GrammarRule]:
    shipped, _ = load_grammar_files()
    return shipped + _corner_rules(tmp_path_factory.mktemp("rules"))


def test_indexed_matches_equal_trying_every_token(rules: list[GrammarRule]) -> None:
    vocab = _vocabulary(rules)
    rng = random.Random(12)
    total = 0
    for _ in range(400):
        tokens = _tokens(rng, vocab, rng.randint(0, 40))
        naive = _naive(rules, tokens)
        assert _indexed(rules, tokens) == naive
        total += len(naive)
    assert total > 50  # the generated text does exercise the rules


def test_long_paragraph_bits_equal_trying_every_token(
        rules: list[GrammarRule], monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph longer than rule_index._FEW_TOKENS has its tokens' bits made
    through bytes and read back through the int's binary digits: here every
    paragraph takes that way."""
    from proofer.grammar import rule_index

    monkeypatch.setattr(rule_index, "_FEW_TOKENS", 0)
    vocab = _vocabulary(rules)
    rng = random.Random(5)
    total = 0
    for _ in range(60):
        tokens = _tokens(rng, vocab, rng.randint(0, 120))
        naive = _naive(rules, tokens)
        assert _indexed(rules, tokens) == naive
        total += len(naive)
    assert total > 20


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(0, 60))
def test_indexed_matches_equal_trying_every_token_hypothesis(rules: list[GrammarRule],
                                                              seed: int, size: int) -> None:
    tokens = _tokens(random.Random(seed), _vocabulary(rules), size)
    assert _indexed(rules, tokens) == _naive(rules, tokens)


def test_a_rule_is_not_tried_in_a_sentence_without_its_words(tmp_path: Path) -> None:
    """What the index is for: a rule that needs "inte" is not tried in a sentence
    without it, whatever else the paragraph holds."""
    rule = next(r for r in _corner_rules(tmp_path) if r.id == "t.optional-first")
    adv, inte, verb = (T(0, 0, "ofta", (R("ofta", ("adv",)),)),
                       T(0, 0, "inte", (R("inte", ("adv",)),)),
                       T(0, 0, "gick", (R("gå", ("vblex", "past")),)))
    stop = T(0, 0, ".", (R(".", ("sent",)),))
    index = ParagraphIndex(prepare([adv, verb, stop, adv, inte, stop]))
    assert list(index.starts(plan(rule.pattern))) == [3, 4, 5]
