"""Which tokens of a paragraph a rule can start at, worked out from what the rule's
elements require, so that most rules are never tried at most tokens.

Every element that must be present (not optional, not negated) names at least one
key a matching token has: a word, a lemma or a tag (`element_keys`). A match never
runs across a sentence boundary unless an element before the last can match the
boundary token itself (the pattern language promises this; resources/grammar/rules/
README.md), so a rule is only tried in the sentences that hold a token for each of
its required elements, and there only at the tokens its first element can match.
This only leaves out starts at which the rule cannot match: the matcher's results
are the same as trying every rule at every token (tests/test_grammar_index.py
compares the two on generated token sequences).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from proofer.grammar.matcher import Key, Prepared
from proofer.grammar.model import GrammarRule, TokenSpec

#: Tags most tokens have: an index by them would narrow nothing.
_COMMON_TAGS = frozenset({"n", "vblex", "adj", "sg", "pl", "ut", "nt", "un", "ind", "def",
                          "actv", "pst", "sint", "pres", "past"})


def element_keys(spec: TokenSpec) -> frozenset[Key] | None:
    """Keys one of which every token matching `spec` has (Prepared.keys), or None
    when the element can match without any (optional, negated, only exceptions)."""
    if spec.min == 0 or spec.negate:
        return None
    if spec.alternatives:
        keys: set[Key] = set()
        for alt in spec.alternatives:
            got = element_keys(alt)
            if got is None:
                return None
            keys |= got
        return frozenset(keys)
    if spec.words is not None:
        return frozenset(("w", w) for w in spec.words)
    if spec.lemmas is not None:
        return frozenset(("l", lem) for lem in spec.lemmas)
    if spec.tags is not None:
        # Every reading the element looks at has all tags of one alternative, and
        # the token's keys hold the tags of all its readings: one tag per
        # alternative, the rarest, is enough.
        return frozenset(("t", min(alt, key=lambda t: (t in _COMMON_TAGS, t)))
                         for alt in spec.tags)
    return None


def can_match_boundary(spec: TokenSpec) -> bool:
    if spec.alternatives:
        return any(can_match_boundary(a) for a in spec.alternatives)
    return spec.names_boundary


@dataclass(frozen=True, slots=True)
class RulePlan:
    """What the index asks of a paragraph before a rule is tried in it."""

    first: frozenset[Key] | None
    required: tuple[frozenset[Key], ...]
    #: an element before the last can match a sentence boundary: the rule may run
    #: into the next sentence, so it is filtered by the paragraph, not the sentence
    crosses: bool


def plan(pattern: Sequence[TokenSpec]) -> RulePlan:
    required = {k for k in (element_keys(s) for s in pattern) if k is not None}
    crosses = any(can_match_boundary(s) for s in pattern[:-1])
    # Words and lemmas rule out more sentences than tags: tested first.
    order = sorted(required, key=lambda ks: (any(k[0] == "t" for k in ks), len(ks), sorted(ks)))
    return RulePlan(element_keys(pattern[0]), tuple(order), crosses)


def plan_keys(plans: Iterable[RulePlan]) -> frozenset[Key]:
    """Every key some plan looks up: the only ones a paragraph is indexed by."""
    keys: set[Key] = set()
    for p in plans:
        keys.update(*p.required)
        if p.first is not None:
            keys |= p.first
    return frozenset(keys)


def rule_plan(rule: GrammarRule) -> RulePlan:
    return plan(rule.pattern)


def _wanted_keys(token: Prepared, wanted: frozenset[Key]) -> frozenset[Key]:
    form = token.form
    if form.indexed is None or form.indexed[0] is not wanted:
        form.indexed = (wanted, form.keys & wanted)
    return form.indexed[1]


class ParagraphIndex:
    """A paragraph's prepared tokens by key, and the sentence each token is in (a
    boundary token belongs to the sentence it ends)."""

    def __init__(self, tokens: Sequence[Prepared], wanted: frozenset[Key] | None = None) -> None:
        """`wanted`: the keys to index (all of each token's when None)."""
        self.size = len(tokens)
        self._tokens = tokens
        where: dict[Key, list[int]] = {}
        sentence: list[int] = []
        spans: list[tuple[int, int]] = []
        sid, lo = 0, 0
        for i, token in enumerate(tokens):
            for key in token.keys() if wanted is None else _wanted_keys(token, wanted):
                hits = where.get(key)
                if hits is None:
                    where[key] = [i]
                else:
                    hits.append(i)
            sentence.append(sid)
            if token.boundary:
                spans.append((lo, i + 1))
                sid, lo = sid + 1, i + 1
        if lo < len(tokens):
            spans.append((lo, len(tokens)))
        self._where = where
        self._wanted = wanted
        self._sentence = sentence
        self._spans = spans
        self._sentences_with: dict[frozenset[Key], set[int]] = {}
        #: antipattern (by id, kept) -> its plan and its starts in the whole paragraph
        self._antiplans: dict[int, tuple[Sequence[TokenSpec], RulePlan, Sequence[int]]] = {}

    def keys(self) -> Iterable[Key]:
        """The keys some token of the paragraph has (of those indexed)."""
        return self._where.keys()

    def starts(self, p: RulePlan) -> Sequence[int]:
        """The tokens a rule with this plan can start a match at, in order."""
        if p.crosses:
            if any(all(k not in self._where for k in req) for req in p.required):
                return ()
            return self._first(p.first) if p.first is not None else range(self.size)
        sentences: set[int] | None = None
        for req in p.required:
            have = self._sentences_with.get(req)
            if have is None:
                have = self._sentences_with[req] = {
                    self._sentence[i] for k in req for i in self._where.get(k, ())}
            sentences = have if sentences is None else sentences & have
            if not sentences:
                return ()
        if p.first is not None:
            starts = self._first(p.first)
            if sentences is None:
                return starts
            return [i for i in starts if self._sentence[i] in sentences]
        if sentences is None:
            return range(self.size)
        return [i for s in sorted(sentences) for i in range(*self._spans[s])]

    def pattern_starts(self, pattern: Sequence[TokenSpec],
                       window: tuple[int, int] | None = None) -> Sequence[int]:
        """starts() for an antipattern (planned when needed: they run only where a
        rule matched), in an index of its own when this one left out its keys. With
        a window (the first and last token of a match), only the starts in the
        sentences of the window: a match of an antipattern that cannot run across a
        sentence boundary lies in the sentence it starts in, so only those can cover
        a token of the window (in a huge paragraph, every rule that matched once
        tried its antipatterns at every token)."""
        got = self._antiplans.get(id(pattern))
        if got is None or got[0] is not pattern:
            p = plan(pattern)
            if self._wanted is not None and not plan_keys([p]) <= self._wanted:
                all_starts = ParagraphIndex(self._tokens).starts(p)
            else:
                all_starts = self.starts(p)
            got = self._antiplans[id(pattern)] = (pattern, p, all_starts)
        _, p, starts = got
        if window is None or p.crosses:
            return starts
        lo = self._spans[self._sentence[window[0]]][0]
        hi = self._spans[self._sentence[window[1]]][1]
        return starts[bisect_left(starts, lo):bisect_left(starts, hi)]

    def _first(self, keys: frozenset[Key]) -> list[int]:
        hits = [self._where[k] for k in keys if k in self._where]
        if len(hits) == 1:
            return hits[0]
        return sorted({i for h in hits for i in h})
