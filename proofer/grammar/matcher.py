"""Matching a rule's token pattern against a paragraph's tagged tokens.

A small backtracking matcher, in the manner of LanguageTool's pattern rules:
elements may be optional or repeated and may allow a skip of tokens after them;
an agreement constraint that fails makes the matcher try the next way to match,
and an antipattern cancels a match it overlaps (only its marked elements count
when it marks some: "an adjective before a noun" can then cancel a predicative
adjective without also cancelling the subject's own attribute).
Readings are kept per matched token (those that satisfied the element) so that
agreement and re-inflection use what the pattern actually matched.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from proofer.grammar.features import agree
from proofer.grammar.model import Constraint, GrammarRule, TokenSpec


class Reading(Protocol):
    @property
    def lemma(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


class Token(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def readings(self) -> tuple[Reading, ...]: ...


#: element -> the (token index, readings that matched) it took, in order
Assignment = tuple[tuple[tuple[int, tuple[Reading, ...]], ...], ...]


@dataclass(frozen=True, slots=True)
class Match:
    rule: GrammarRule
    tokens: Sequence[Token]
    elements: Assignment

    @property
    def first_token(self) -> int:
        return next(hits[0][0] for hits in self.elements if hits)

    @property
    def last_token(self) -> int:
        return next(hits[-1][0] for hits in reversed(self.elements) if hits)

    def token(self, element: int) -> tuple[int, tuple[Reading, ...]] | None:
        hits = self.elements[element]
        return hits[0] if hits else None

    def marked_tokens(self) -> tuple[int, int]:
        """The first and last token of the marked elements (the whole match when
        none is marked)."""
        marked = [i for spec, hits in zip(self.rule.pattern, self.elements, strict=True)
                  if spec.mark for i, _ in hits]
        if not marked:
            return self.first_token, self.last_token
        return min(marked), max(marked)

    def span(self) -> tuple[int, int]:
        first, last = self.marked_tokens()
        return self.tokens[first].start, self.tokens[last].end


def is_boundary(token: Token) -> bool:
    return bool(token.readings) and "sent" in token.readings[0].tags


def _reading_ok(spec: TokenSpec, r: Reading) -> bool:
    if spec.lemmas is not None and r.lemma.lower() not in spec.lemmas:
        return False
    if r.lemma.lower() in spec.not_lemmas:
        return False
    tags = r.tags
    if spec.tags is not None and not any(alt.issubset(tags) for alt in spec.tags):
        return False
    return not any(alt.issubset(tags) for alt in spec.not_tags)


def _plain_ok(spec: TokenSpec, token: Token) -> bool:
    text = token.text if spec.case_sensitive else token.text.lower()
    if spec.words is not None and text not in spec.words:
        return False
    if text in spec.not_words:
        return False
    if spec.regex is not None and spec.regex.fullmatch(token.text) is None:
        return False
    return spec.known is None or spec.known == bool(token.readings)


def token_matches(spec: TokenSpec, tokens: Sequence[Token], i: int) -> tuple[Reading, ...] | None:
    """The readings of tokens[i] that satisfy `spec`, or None when it does not match."""
    token = tokens[i]
    if spec.alternatives:
        if spec.sentence_start and not _starts_sentence(tokens, i):
            return None
        for alt in spec.alternatives:
            got = token_matches(alt, tokens, i)
            if got is not None:
                return got
        return None
    if is_boundary(token) and not spec.names_boundary:
        return None
    if spec.sentence_start and not _starts_sentence(tokens, i):
        return None
    readings = token.readings
    ok = _plain_ok(spec, token) and not any(
        alt.issubset(r.tags) for r in readings for alt in spec.no_reading)
    chosen: tuple[Reading, ...] = readings[:1]
    if ok and spec.reads_tags:
        if not readings:
            ok = False
        elif spec.reading == "first":
            ok = _reading_ok(spec, readings[0])
        elif spec.reading == "all":
            ok = all(_reading_ok(spec, r) for r in readings)
        else:
            chosen = tuple(r for r in readings if _reading_ok(spec, r))
            ok = bool(chosen)
    if spec.negate:
        return None if ok else readings
    return chosen if ok else None


def _starts_sentence(tokens: Sequence[Token], i: int) -> bool:
    """Only punctuation (a quote, a reply dash) between tokens[i] and the previous
    sentence boundary or the paragraph's start."""
    for j in range(i - 1, -1, -1):
        if is_boundary(tokens[j]):
            return True
        if any(c.isalnum() for c in tokens[j].text):
            return False
    return True


def _walk(pattern: Sequence[TokenSpec], tokens: Sequence[Token], k: int, i: int,
          done: tuple) -> Iterator[Assignment]:
    if k == len(pattern):
        yield done
        return
    spec = pattern[k]

    def repeat(count: int, at: int, got: tuple) -> Iterator[Assignment]:
        # Greedy, like a regex: the longest repetition first.
        if count < spec.max and at < len(tokens):
            readings = token_matches(spec, tokens, at)
            if readings is not None:
                yield from repeat(count + 1, at + 1, got + ((at, readings),))
        if count >= spec.min:
            step = spec.skip if got else 0
            nxt = at
            for _ in range(step + 1):
                yield from _walk(pattern, tokens, k + 1, nxt, done + (got,))
                if nxt >= len(tokens) or is_boundary(tokens[nxt]):
                    break
                nxt += 1

    yield from repeat(0, i, ())


def _holds(c: Constraint, elements: Assignment) -> bool:
    a, b = elements[c.first], elements[c.second]
    if not a or not b:
        return True  # an optional element that is absent constrains nothing
    ra, rb = a[0][1], b[0][1]
    if not ra or not rb:
        return not c.differ  # an unknown word agrees with anything, differs from nothing
    together = any(agree(x.tags, y.tags, c.features) for x in ra for y in rb)
    return not together if c.differ else together


def pattern_matches(pattern: Sequence[TokenSpec], tokens: Sequence[Token],
                    start: int) -> Iterator[Assignment]:
    for elements in _walk(pattern, tokens, 0, start, ()):
        if any(elements):
            yield elements


def find_matches(rule: GrammarRule, tokens: Sequence[Token]) -> Iterator[Match]:
    """Every match of the rule, at most one per start token; matches an antipattern
    covers are dropped."""
    anti: list[tuple[int, int]] | None = None
    for start in range(len(tokens)):
        for elements in pattern_matches(rule.pattern, tokens, start):
            if not all(_holds(c, elements) for c in rule.constraints):
                continue
            m = Match(rule, tokens, elements)
            if anti is None:
                anti = _antipattern_ranges(rule, tokens)
            if not any(lo <= m.last_token and m.first_token <= hi for lo, hi in anti):
                yield m
            break


def _antipattern_ranges(rule: GrammarRule, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    ranges = []
    for pattern in rule.antipatterns:
        for start in range(len(tokens)):
            for elements in pattern_matches(pattern, tokens, start):
                marked = [i for spec, hits in zip(pattern, elements, strict=True)
                          if spec.mark for i, _ in hits]
                hit = marked or [i for hits in elements for i, _ in hits]
                ranges.append((min(hit), max(hit)))
                break
    return ranges
