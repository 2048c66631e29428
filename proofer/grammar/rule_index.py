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
from collections.abc import Iterable, Iterator, Sequence
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
        return frozenset("w" + w for w in spec.words)
    if spec.lemmas is not None:
        return frozenset("l" + lem for lem in spec.lemmas)
    if spec.tags is not None:
        # Every reading the element looks at has all tags of one alternative, and
        # the token's keys hold the tags of all its readings: one tag per
        # alternative, the rarest, is enough.
        return frozenset("t" + min(alt, key=lambda t: (t in _COMMON_TAGS, t))
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
    #: the rule's first two elements are one token each and must be the same word
    #: (an agreement in "word"): it can only start where a word is written twice
    same_word: bool = False
    #: `required` as numbers in a RequiredSets (a rule set's plans have them)
    required_ids: tuple[int, ...] | None = None
    #: (offset, keys) of the elements after the first that take the token `offset`
    #: places after the start: every element before them takes exactly one token
    #: and allows no skip. A start whose token there has none of the keys cannot
    #: begin a match (follow_keys)
    follow: tuple[tuple[int, frozenset[Key]], ...] = ()
    #: `required_ids` as bits of an int (RequiredSets.needs)
    needs: int = 0


def plan(pattern: Sequence[TokenSpec]) -> RulePlan:
    required = {k for k in (element_keys(s) for s in pattern) if k is not None}
    crosses = any(can_match_boundary(s) for s in pattern[:-1])
    # Words and lemmas rule out more sentences than tags: tested first.
    order = sorted(required, key=lambda ks: (any(k[0] == "t" for k in ks), len(ks), sorted(ks)))
    return RulePlan(element_keys(pattern[0]), tuple(order), crosses,
                    follow=follow_keys(pattern))


def follow_keys(pattern: Sequence[TokenSpec]) -> tuple[tuple[int, frozenset[Key]], ...]:
    """The elements after the first whose token lies a fixed number of places after
    the start, with the keys one of which that token must have (RulePlan.follow).

    Element k takes the token k places after the start while every element before
    it takes exactly one token (min = max = 1) and allows no skip after it (the
    matcher's _walk). Of 16,000 starts at which a rule's first element matched in
    bench_check's draft, 10,000 had no token with the second (or third) element's
    keys where it had to be: tried, each walk failed there."""
    out = []
    for k, spec in enumerate(pattern):
        if k:
            keys = element_keys(spec)
            if keys is not None:
                out.append((k, keys))
        if not (spec.min == spec.max == 1 and not spec.skip):
            break
    return tuple(out)


def plan_keys(plans: Iterable[RulePlan]) -> frozenset[Key]:
    """Every key some plan looks up: the only ones a paragraph is indexed by."""
    keys: set[Key] = set()
    for p in plans:
        keys.update(*p.required)
        if p.first is not None:
            keys |= p.first
    return frozenset(keys)


def rule_plan(rule: GrammarRule) -> RulePlan:
    p = plan(rule.pattern)
    pattern = rule.pattern
    if len(pattern) > 1 and pattern[0].min == pattern[0].max == 1 and not pattern[0].skip \
            and pattern[1].min >= 1 and any(
                not c.differ and "word" in c.features and {c.first, c.second} == {0, 1}
                for c in rule.constraints):
        # Element 0 is the start token and element 1 begins right after it, and the
        # matcher compares those two tokens' lower-cased texts (matcher._holds).
        p = RulePlan(p.first, p.required, p.crosses, same_word=True, follow=p.follow)
    return p


class RequiredSets:
    """The distinct required sets of keys of a rule set's plans, numbered, and which
    of them each key is in: a paragraph works out the sentences that hold each set
    from the keys it has (a few dozen), not from every key of every set (a set of
    words or lemmas may name dozens the paragraph lacks)."""

    def __init__(self, plans: Sequence[RulePlan]) -> None:
        number: dict[frozenset[Key], int] = {}
        by_key: dict[Key, list[int]] = {}
        self.plans: list[RulePlan] = []
        #: per plan, its required sets as bits of an int (bit n: set number n): a
        #: paragraph that lacks one of them cannot hold a match, and an AND of two
        #: ints says so for every rule of the set at a fraction of asking starts()
        self.needs: list[int] = []
        for p in plans:
            ids = []
            for req in p.required:
                got = number.get(req)
                if got is None:
                    got = number[req] = len(number)
                    for k in req:
                        by_key.setdefault(k, []).append(got)
                ids.append(got)
            needs = sum(1 << n for n in set(ids))
            self.plans.append(RulePlan(p.first, p.required, p.crosses, p.same_word,
                                       tuple(ids), p.follow, needs))
            self.needs.append(needs)
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        #: key -> the sets it is in, as bits
        self.bits_by_key = {k: sum(1 << n for n in v) for k, v in self.by_key.items()}
        # Each plan filed under one of its sets, the first of its order (words and
        # lemmas before tags): a paragraph only looks at the plans filed under a
        # set it has (candidates), some 130 of 560, not at every plan.
        anchored: dict[int, list[int]] = {}
        unanchored: list[int] = []
        for i, p in enumerate(self.plans):
            if p.required_ids:
                anchored.setdefault(p.required_ids[0], []).append(i)
            else:
                unanchored.append(i)
        self._anchored = {n: tuple(v) for n, v in anchored.items()}
        self._unanchored = tuple(unanchored)
        #: key -> the plans filed under a set that has it
        self.anchored_by_key: dict[Key, tuple[int, ...]] = {}
        for k, ns in self.by_key.items():
            got = tuple(i for n in ns for i in self._anchored.get(n, ()))
            if got:
                self.anchored_by_key[k] = got

    def candidates(self, keys: Iterable[Key], present: int) -> list[int]:
        """The plans (by number, in order) whose every required set is in `present`
        (bits; `keys`: the keys the paragraph has): what testing each plan's
        `needs` against `present` gives, without looking at the plans filed under
        a set the paragraph lacks."""
        found = set(self._unanchored)
        by_key = self.anchored_by_key
        for k in by_key.keys() & keys:  # (the keys some plan is filed under, in C)
            found.update(by_key[k])
        needs = self.needs
        return sorted([i for i in found if needs[i] & present == needs[i]])


class ParagraphIndex:
    """A paragraph's prepared tokens by key, and the sentence each token is in (a
    boundary token belongs to the sentence it ends)."""

    def __init__(self, tokens: Sequence[Prepared], wanted: frozenset[Key] | None = None,
                 required: RequiredSets | None = None) -> None:
        """`wanted`: the keys to index (all of each token's when None); `required`:
        the numbered sets of the plans that starts() will be asked about."""
        self.size = len(tokens)
        self._tokens = tokens
        where: dict[Key, list[int]] = {}
        # key -> the sentences holding a token with it, as bits of an int: a rule's
        # sentence filter is then an AND of a few ints, not an intersection of sets
        # built per rule (it runs for most rules in every paragraph)
        masks: dict[Key, int] = {}
        sentence: list[int] = []
        spans: list[tuple[int, int]] = []
        # per sentence, the numbered required sets it has a key of, as bits
        # (RequiredSets.bits_by_key): a plan's sentences are those whose bits hold
        # all of its `needs`
        held: list[int] = []
        bits_of = required.bits_by_key.get if required is not None else {}.get
        sid, lo, bit, sets = 0, 0, 1, 0
        for i, token in enumerate(tokens):
            if wanted is None:
                keys = token.keys()
            else:  # the form's wanted keys, kept on the form for the next token
                f = token.form
                got = f.indexed
                if got is None or got[0] is not wanted:
                    got = f.indexed = (wanted, f.keys & wanted)
                keys = got[1]
            for key in keys:
                hits = where.get(key)
                if hits is None:
                    where[key] = [i]
                    masks[key] = bit
                else:
                    hits.append(i)
                    masks[key] |= bit
                sets |= bits_of(key, 0)
            sentence.append(sid)
            if token.boundary:
                spans.append((lo, i + 1))
                held.append(sets)
                sid, lo, bit, sets = sid + 1, i + 1, bit << 1, 0
        if lo < len(tokens):
            spans.append((lo, len(tokens)))
            held.append(sets)
        self._where = where
        self._masks = masks
        self._wanted = wanted
        self._sentence = sentence
        self._spans = spans
        self._held = held
        self._sentences_with: dict[frozenset[Key], int] = {}
        # keys -> the tokens having one of them (RulePlan.follow), made when asked
        self._tokens_with: dict[frozenset[Key], set[int]] = {}
        # keys -> the tokens having one of them, in order (_first)
        self._firsts: dict[frozenset[Key], list[int]] = {}
        self._doubled: set[int] | None = None
        #: every sentence of the paragraph, as bits
        self._all = (1 << len(spans)) - 1
        #: the numbered required sets some token of the paragraph has a key of, as
        #: bits (RequiredSets.needs)
        self.present = 0
        for sets in held:
            self.present |= sets
        self._sets = required
        #: antipattern (by id, kept) -> its plan and its starts in the whole paragraph
        self._antiplans: dict[int, tuple[Sequence[TokenSpec], RulePlan, Sequence[int]]] = {}

    def keys(self) -> Iterable[Key]:
        """The keys some token of the paragraph has (of those indexed)."""
        return self._where.keys()

    def plans_to_try(self) -> list[int]:
        """The plans of the RequiredSets this index was made with (by number, in
        order) whose every required set has a key in the paragraph."""
        if self._sets is None:
            raise ValueError("an index made without the rule set's required sets")
        return self._sets.candidates(self._where.keys(), self.present)

    def _sentences_needing(self, needs: int) -> int:
        """The sentences (as bits) that hold a key of every required set in
        `needs` (bits of set numbers)."""
        held = self._held
        if len(held) == 1:  # (a third of the paragraphs of a news text)
            return 1 if held[0] & needs == needs else 0
        sentences, bit = 0, 1
        for sets in held:
            if sets & needs == needs:
                sentences |= bit
            bit <<= 1
        return sentences

    def starts(self, p: RulePlan) -> Sequence[int]:
        """The tokens a rule with this plan can start a match at, in order."""
        if p.crosses or p.first is None or p.required_ids is None or self._sets is None:
            starts = self._starts(p)
        else:
            # _starts for most plans (one per rule tried in each paragraph), inlined
            sentences = self._sentences_needing(p.needs)
            if not sentences:
                return ()
            starts = self._first(p.first)
            if sentences != self._all:
                sentence = self._sentence
                starts = [i for i in starts if sentences >> sentence[i] & 1]
        if p.same_word and starts:
            doubled = self._words_written_twice()
            starts = [i for i in starts if i in doubled]
        if p.follow:
            tokens_with = self._tokens_with
            for offset, keys in p.follow:
                if not starts:
                    break
                having = tokens_with.get(keys)
                if having is None:
                    having = self._tokens_having(keys)
                starts = [i for i in starts if i + offset in having]
        return starts

    def _tokens_having(self, keys: frozenset[Key]) -> set[int]:
        """The tokens with one of these keys (indexed ones), worked out once per
        paragraph."""
        got = self._tokens_with.get(keys)
        if got is None:
            where = self._where
            hits = [where[k] for k in where.keys() & keys]  # (the keys present, in C)
            got = self._tokens_with[keys] = (
                set().union(*hits) if len(hits) > 1 else set(hits[0]) if hits else set())
        return got

    def _words_written_twice(self) -> set[int]:
        """The tokens followed by the same word (in any case)."""
        if self._doubled is None:
            lower = [t.lower for t in self._tokens]
            self._doubled = {i for i in range(len(lower) - 1) if lower[i] == lower[i + 1]}
        return self._doubled

    def _starts(self, p: RulePlan) -> Sequence[int]:
        if p.crosses:
            if p.required_ids is not None and self._sets is not None:
                if p.needs & self.present != p.needs:
                    return ()
            elif any(all(k not in self._where for k in req) for req in p.required):
                return ()
            return self._first(p.first) if p.first is not None else range(self.size)
        sentences = -1  # every sentence, as bits
        if p.required_ids is not None and self._sets is not None:
            if p.required_ids:
                sentences = self._sentences_needing(p.needs)
                if not sentences:
                    return ()
        else:
            sentences = self._sentences_holding(p.required)
            if not sentences:
                return ()
        if p.first is not None:
            starts = self._first(p.first)
            if sentences == -1:
                return starts
            sentence = self._sentence
            return [i for i in starts if sentences >> sentence[i] & 1]
        if sentences == -1:
            return range(self.size)
        spans = self._spans
        return [i for s in _bits(sentences) for i in range(*spans[s])]

    def _sentences_holding(self, required: tuple[frozenset[Key], ...]) -> int:
        """The sentences (as bits; -1: all) that hold a key of each set."""
        sentences = -1
        for req in required:
            have = self._sentences_with.get(req)
            if have is None:
                have = 0
                for k in req:
                    have |= self._masks.get(k, 0)
                self._sentences_with[req] = have
            sentences &= have
            if not sentences:
                return 0
        return sentences

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
        """The tokens with one of these keys, in order; worked out once per
        paragraph and set of keys (rules share first elements)."""
        got = self._firsts.get(keys)
        if got is None:
            where = self._where
            if len(keys) > 2:
                hits = [where[k] for k in where.keys() & keys]
            else:
                hits = []
                for k in keys:
                    h = where.get(k)
                    if h is not None:
                        hits.append(h)
            got = self._firsts[keys] = (
                hits[0] if len(hits) == 1 else sorted(set().union(*hits)) if hits else [])
        return got


def _bits(mask: int) -> Iterator[int]:
    """The positions of the set bits of a non-negative int, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low
