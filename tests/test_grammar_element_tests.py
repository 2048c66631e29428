"""Each pattern element's compiled test (proofer.grammar.matcher._compile, shortened
for speed per kind of element) answers what the element means (TokenSpec's
documentation, written out plainly here): for every element of the shipped rules
and the index test's corner rules, on generated tokens of the words, lemmas and
tags the rules ask for, the readings it keeps, or None, are the same."""

from __future__ import annotations

import random

import pytest

from proofer.grammar import load_grammar_files
from proofer.grammar.matcher import Prepared, _compile, prepare
from proofer.grammar.model import GrammarRule, TagExpr, TokenSpec
from tests.test_grammar_index import _corner_rules, _specs, _tokens, _vocabulary


def _has(expr: TagExpr, tags: tuple[str, ...]) -> bool:
    return any(alt <= set(tags) for alt in expr)


def _reading_fits(spec: TokenSpec, lemma: str, tags: tuple[str, ...]) -> bool:
    lemma = lemma.lower()
    return ((spec.lemmas is None or lemma in spec.lemmas)
            and lemma not in spec.not_lemmas
            and (spec.tags is None or _has(spec.tags, tags))
            and not (spec.not_tags and _has(spec.not_tags, tags)))


def _meaning(spec: TokenSpec, token: Prepared) -> tuple | None:
    """What the element answers for the token, from its definition."""
    readings = token.readings
    if readings and "sent" in readings[0].tags and not spec.names_boundary:
        return None
    text = token.text if spec.case_sensitive else token.text.lower()
    ok = ((spec.words is None or text in spec.words) and text not in spec.not_words
          and (spec.regex is None or spec.regex.fullmatch(token.text) is not None)
          and (spec.sources is None or token.source in spec.sources)
          and (spec.known is None or spec.known == bool(readings))
          and not any(_has(spec.no_reading, r.tags) for r in readings))
    chosen = readings[:1]
    if ok and spec.reads_tags:
        fits = [_reading_fits(spec, r.lemma, r.tags) for r in readings]
        if not readings:
            ok = False
        elif spec.reading == "first":
            ok = fits[0]
        elif spec.reading == "all":
            ok, chosen = all(fits), readings
        else:
            chosen = tuple(r for r, f in zip(readings, fits, strict=True) if f)
            ok = bool(chosen)
    if spec.negate:
        return None if ok else readings
    return chosen if ok else None


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> list[GrammarRule]:
    shipped, _ = load_grammar_files()
    return shipped + _corner_rules(tmp_path_factory.mktemp("rules"))


def test_every_element_test_answers_what_the_element_means(rules: list[GrammarRule]) -> None:
    specs = {id(s): s for r in rules for p in (r.pattern, *r.antipatterns)
             for top in p for s in _specs(top) if not s.alternatives}
    rng = random.Random(7)
    vocab = _vocabulary(rules)
    tokens = prepare(_tokens(rng, vocab, 500))
    kinds = {(s.reading, s.lemmas is None, bool(s.not_tags), s.tags is not None
              and len(s.tags) > 1) for s in specs.values()}
    assert len(kinds) >= 8  # the rules do use the kinds the tests are shortened for
    matched = 0
    for spec in specs.values():
        test = _compile(spec)
        for token in tokens:
            got = test(token)
            assert got == _meaning(spec, token), (spec, token.text, token.readings)
            matched += got is not None
    assert matched > 2_000
