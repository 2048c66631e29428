"""Running all grammar rules over one paragraph's tagged tokens."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from proofer.finding import Finding
from proofer.grammar.inflect import Generate, suggestions
from proofer.grammar.matcher import Match, Token, find_matches, first_matches, prepare
from proofer.grammar.model import GrammarRule, TagExpr, TokenSpec, WordCheck
from proofer.grammar.rule_index import (
    ParagraphIndex,
    RequiredSets,
    plan,
    plan_keys,
    rule_plan,
)

#: the morphology's analyse(): a paragraph (here one word) to its tagged tokens
Analyse = Callable[[str], Sequence[Token]]
#: the speller's corrections of a word one likely misspelling away, best first
Candidates = Callable[[str], Sequence[str]]

_PLACEHOLDER = re.compile(r"\{(\d+|suggestion)\}")


class GrammarRuleSet:
    def __init__(self, rules: Iterable[GrammarRule]) -> None:
        self.rules = _shared_elements(rules)
        # What each rule needs of a sentence and of its first token: most rules are
        # never tried in most sentences (proofer.grammar.rule_index).
        self._required = RequiredSets([rule_plan(r) for r in self.rules])
        self._plans = self._required.plans
        self._keys = plan_keys(self._plans + [plan(a) for r in self.rules for a in r.antipatterns])
        # What each rule requires, as bits of the numbered sets: a rule that needs a
        # set none of whose keys a paragraph has cannot start anywhere in it
        # (ParagraphIndex.starts would say so), and is not even asked about. (Asking
        # starts() of every rule with a key of its first set present was a quarter
        # of the matcher's cold time; six in ten of them lacked another set.)
        self._needs = self._required.needs

    def __len__(self) -> int:
        return len(self.rules)

    def matches(self, tokens: Sequence[Token]) -> Iterator[Match]:
        """Every rule's matches, rule by rule: the same as find_matches of each rule
        at every token, with the starts where it cannot match left out."""
        tokens = prepare(tokens)
        index = ParagraphIndex(tokens, self._keys, self._required)
        rules, plans = self.rules, self._plans
        for i in index.plans_to_try():
            starts = index.starts(plans[i])
            if starts:
                starts = first_matches(rules[i], tokens, starts)
                if starts:
                    yield from find_matches(rules[i], tokens, starts, index.pattern_starts,
                                            first_tested=True)

    def check(self, paragraph: str, tokens: Sequence[Token], generate: Generate,
              analyse: Analyse | None = None,
              candidates: Candidates | None = None) -> list[Finding]:
        """Findings of every rule (or of `only`); where two rules mark the same
        span, the earlier rule speaks. `candidates` (the speller's) serve the
        rules that respell a word; without them, or without `analyse`, those
        rules find nothing."""
        found: list[Finding] = []
        spans: set[tuple[int, int]] = set()
        respell = None
        if candidates is not None and analyse is not None:
            def respell(word: str, tags: TagExpr, refused: TagExpr) -> list[str]:
                return [c for c in candidates(word) if " " not in c
                        and _reads_as(c, tags, ("apertium",), analyse)
                        and not (refused and _reads_as(c, refused, ("apertium",), analyse))]
        for m in self.matches(tokens):
            rule = m.rule
            start, end = m.span()
            if (start, end) in spans:
                continue
            fixes = suggestions(m, paragraph, generate, respell)
            if rule.suggestions and not fixes:
                continue  # a rule that corrects only claims what it can correct
            if rule.suggestion_is is not None and not _is_word(
                    fixes[0], rule.suggestion_is, analyse):
                continue
            spans.add((start, end))
            found.append(Finding(start, end, paragraph[start:end], rule.category, rule.id,
                                 _message(rule, m, paragraph, fixes), tuple(fixes),
                                 rule.severity, "grammar"))
        found.sort(key=lambda f: (f.start, f.end))
        return found


def _shared_elements(rules: Iterable[GrammarRule]) -> list[GrammarRule]:
    """The rules with every element and pattern that equals another one made the
    same object: the matcher remembers what an element answered for a word form by
    the element's identity, and the index an antipattern's starts by the pattern's,
    and the rules repeat both (4,000 elements, 1,300 of them different; "{tags: n}"
    in dozens of rules), so a form is asked each question once."""
    elements: dict[TokenSpec, TokenSpec] = {}
    patterns: dict[tuple[TokenSpec, ...], tuple[TokenSpec, ...]] = {}

    def element(spec: TokenSpec) -> TokenSpec:
        if spec.alternatives:
            spec = replace(spec, alternatives=tuple(map(element, spec.alternatives)))
        return elements.setdefault(spec, spec)

    def pattern(specs: tuple[TokenSpec, ...]) -> tuple[TokenSpec, ...]:
        shared = tuple(map(element, specs))
        return patterns.setdefault(shared, shared)

    return [replace(r, pattern=pattern(r.pattern),
                    antipatterns=tuple(map(pattern, r.antipatterns))) for r in rules]


def _message(rule: GrammarRule, m: Match, paragraph: str, fixes: list[str]) -> str:
    def fill(x: re.Match[str]) -> str:
        key = x.group(1)
        if key == "suggestion":
            return fixes[0] if fixes else ""
        hits = m.elements[int(key)] if int(key) < len(m.elements) else ()
        if not hits:
            return ""
        return paragraph[m.tokens[hits[0][0]].start:m.tokens[hits[-1][0]].end]
    return _PLACEHOLDER.sub(fill, rule.message)


def _is_word(text: str, check: WordCheck, analyse: Analyse | None) -> bool:
    if analyse is None:
        return False
    return _reads_as(text, check.tags, check.sources, analyse)


def _reads_as(text: str, tags: TagExpr, sources: Iterable[str], analyse: Analyse) -> bool:
    """`text` is one word, from one of `sources`, with a reading that has one of
    the tag sets (out of context: every reading the analyser gives)."""
    tokens = [t for t in analyse(text) if t.text.strip()]
    if len(tokens) != 1 or tokens[0].text != text:
        return False
    token = tokens[0]
    if getattr(token, "source", "apertium") not in sources:
        return False
    return any(alt.issubset(r.tags) for r in token.readings for alt in tags)
