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

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress
from typing import Protocol

from proofer.grammar.features import agree
from proofer.grammar.model import Constraint, GrammarRule, TagExpr, TokenSpec


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


#: What an index of rules looks a token up by: "w" + word form, "l" + lemma, "t" + tag
#: (a string, not a pair: a string keeps its hash, and the index hashes each key of
#: every token of a check several times).
Key = str

class Form:
    """What the rules ask of a word form with its readings, worked out once: the
    lower-cased text, each reading's lemma (lower-cased) and tags as a set, and the
    keys an index of rules looks it up by. A text repeats its forms, so they are
    shared between tokens and paragraphs."""

    __slots__ = ("boundary", "indexed", "keys", "lemmas", "lower", "matched", "readings",
                 "source", "tagsets", "text")

    def __init__(self, text: str, readings: tuple[Reading, ...], source: str) -> None:
        self.text = text
        self.readings = readings
        self.source = source
        self.lower = lower = text.lower()
        self.lemmas = lemmas = tuple([r.lemma.lower() for r in readings])
        facts = [_tag_facts(r.tags) for r in readings]
        self.tagsets = tuple([tags for tags, _ in facts])
        self.boundary = bool(readings) and "sent" in facts[0][0]
        keys = {"w" + lower, "w" + text}
        keys.update(["l" + lem for lem in lemmas])
        for _, tag_keys in facts:
            keys |= tag_keys
        self.keys: frozenset[Key] = frozenset(keys)
        #: (the keys an index wanted, those of them this form has), kept for reuse
        self.indexed: tuple[frozenset[Key], frozenset[Key]] | None = None
        #: id of an element -> (that element, what _own_match answered): a form
        #: recurs all through a text, and each rule element that is tried on it asks
        #: the same question every time
        self.matched: dict[int, tuple[TokenSpec, tuple[Reading, ...] | None]] = {}


#: a reading's tags -> (them as a set, their keys): the analyser's tag sequences are
#: few (a few thousand in a long text), and most forms' readings repeat one
_TAG_FACTS: dict[tuple[str, ...], tuple[frozenset[str], frozenset[Key]]] = {}
_TAG_FACTS_MAX = 50_000


def _tag_facts(tags: tuple[str, ...]) -> tuple[frozenset[str], frozenset[Key]]:
    got = _TAG_FACTS.get(tags)
    if got is None:
        if len(_TAG_FACTS) >= _TAG_FACTS_MAX:
            _TAG_FACTS.clear()
        got = _TAG_FACTS[tags] = (frozenset(tags), frozenset(["t" + t for t in tags]))
    return got


_FORMS: dict[tuple[str, int, str], Form] = {}
_FORMS_MAX = 200_000


def form(text: str, readings: tuple[Reading, ...], source: str = "apertium") -> Form:
    """The prepared form of a token's text, readings and source. Looked up by the
    readings' identity, not their value: the morphology hands out one tuple per
    word form and analysis (hashing the readings was a tenth of the matcher's
    time), and a form keeps its readings alive, so their id is not reused while
    it is here; equal readings in another tuple only get a second, equal form."""
    key = (text, id(readings), source)
    got = _FORMS.get(key)
    if got is None or got.readings is not readings:
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        got = _FORMS[key] = Form(text, readings, source)
    return got


class Prepared:
    """A token with its form's prepared facts (Form) and its offsets."""

    __slots__ = ("boundary", "end", "form", "lemmas", "lower", "readings", "source", "start",
                 "tagsets", "text")

    def __init__(self, token: Token) -> None:
        self.start, self.end = token.start, token.end
        self.source = source = str(getattr(token, "source", "apertium"))
        self.form = f = form(token.text, tuple(token.readings), source)
        self.text, self.readings, self.lower = f.text, f.readings, f.lower
        self.lemmas, self.tagsets, self.boundary = f.lemmas, f.tagsets, f.boundary

    def keys(self) -> frozenset[Key]:
        """What an index of rules by their elements looks this token up by
        (proofer.grammar.rule_index)."""
        return self.form.keys


class PreparedTokens(list[Prepared]):
    """A paragraph's tokens, all prepared (so that no rule prepares them again)."""


def prepare(tokens: Sequence[Token]) -> PreparedTokens:
    if isinstance(tokens, PreparedTokens):
        return tokens
    return PreparedTokens([t if isinstance(t, Prepared) else Prepared(t) for t in tokens])


def is_boundary(token: Token) -> bool:
    if isinstance(token, Prepared):
        return token.boundary
    return bool(token.readings) and "sent" in token.readings[0].tags


def token_matches(spec: TokenSpec, tokens: Sequence[Prepared],
                  i: int) -> tuple[Reading, ...] | None:
    """The readings of tokens[i] that satisfy `spec`, or None when it does not match.
    The sentence-start test looks back through the paragraph, so it comes last."""
    token = tokens[i]
    if spec.alternatives:
        got = None
        for alt in spec.alternatives:
            got = token_matches(alt, tokens, i)
            if got is not None:
                break
    else:
        # _own_match, inlined: this runs for every element tried at every token
        hit = token.form.matched.get(id(spec))
        got = hit[1] if hit is not None and hit[0] is spec else _own_match(spec, token)
    if got is not None and spec.sentence_start and not _starts_sentence(tokens, i):
        return None
    return got


def _own_match(spec: TokenSpec, token: Prepared) -> tuple[Reading, ...] | None:
    """What the element asks of the token's own form, remembered with the form (the
    element is kept beside the answer, so a new element that happens to get a freed
    one's id is never answered for it). The test is the element's own
    (_element_test), made once per element."""
    memo = token.form.matched
    key = id(spec)
    hit = memo.get(key)
    if hit is not None and hit[0] is spec:
        return hit[1]
    got_test = _TESTS.get(key)
    if got_test is None or got_test[0] is not spec:
        got_test = _element_test(spec)
    got = got_test[1](token)
    # Most answers are "no": the element's one (element, None) pair is kept for all
    # of them (a cold check made ~26,000 such pairs, a tenth of what the cyclic
    # collector then walks).
    memo[key] = got_test[2] if got is None else (spec, got)
    return got


Test = Callable[[Prepared], tuple[Reading, ...] | None]
#: id of an element -> (that element, its test, (that element, None)): as
#: Form.matched, the element is kept beside the test, so a new element that gets a
#: freed one's id is never tested by it
_TESTS: dict[int, tuple[TokenSpec, Test, tuple[TokenSpec, None]]] = {}
_TESTS_MAX = 50_000  # a rule set has a few thousand elements; reloads make new ones


def _element_test(spec: TokenSpec) -> tuple[TokenSpec, Test, tuple[TokenSpec, None]]:
    if len(_TESTS) >= _TESTS_MAX:
        _TESTS.clear()
    got = _TESTS[id(spec)] = (spec, _compile(spec), (spec, None))
    return got


def _tags_test(alts: TagExpr | None) -> Callable[[frozenset[str]], bool] | None:
    """A reading's tags hold every tag of one alternative (None: no condition)."""
    if not alts:
        return None if alts is None else _never
    if len(alts) == 1:
        return alts[0].issubset
    return partial(_any_subset, alts)


def _any_subset(alts: TagExpr, tags: frozenset[str]) -> bool:
    """Some alternative's tags are all in `tags` (no generator: this runs for many
    of a check's element tests)."""
    return any(map(tags.issuperset, alts))


def _never(_tags: frozenset[str]) -> bool:
    return False


def _none_of(not_tags: Callable[[frozenset[str]], bool], tags: frozenset[str]) -> bool:
    return not not_tags(tags)


def _one_but_not(tags_ok: Callable[[frozenset[str]], bool],
                 not_tags: Callable[[frozenset[str]], bool], tags: frozenset[str]) -> bool:
    return tags_ok(tags) and not not_tags(tags)


def _compile(spec: TokenSpec) -> Test:
    """The element's test of a token's form, with the conditions the element sets
    looked up once: a cold check asks tens of thousands of (element, form) questions,
    and reading each of the element's twenty fields and computing its properties
    for each of them was most of their cost. The answer is what the conditions say
    together: the form's text (words, not_words, regex, case, source, known), no
    reading with `no_reading`'s tags, then per `reading` mode the readings whose
    lemma and tags fit; `negate` turns the whole answer round; a sentence boundary
    only matches an element that names one."""
    names_boundary = spec.names_boundary
    case_sensitive = spec.case_sensitive
    words, not_words, regex = spec.words, spec.not_words, spec.regex
    sources, known = spec.sources, spec.known
    plain = not (words is None and not not_words and regex is None and sources is None
                 and known is None)
    no_reading = _tags_test(spec.no_reading) if spec.no_reading else None
    lemmas, not_lemmas = spec.lemmas, spec.not_lemmas
    tags_ok = _tags_test(spec.tags)
    not_tags = _tags_test(spec.not_tags) if spec.not_tags else None
    reads_tags = spec.reads_tags
    mode = spec.reading
    negate = spec.negate
    # Most elements ask nothing of the lemma: their reading test is one of the tags
    # alone, a C call when it is one tag set (frozenset.issubset), mapped over the
    # readings' tag sets without a Python call per reading.
    tag_ok: Callable[[frozenset[str]], bool] | None = None
    if lemmas is None and not not_lemmas:
        if not_tags is None:
            tag_ok = tags_ok
        elif tags_ok is None:
            tag_ok = partial(_none_of, not_tags)
        else:
            tag_ok = partial(_one_but_not, tags_ok, not_tags)

    # What the element sets is bound as the functions' defaults, not as closure
    # cells: one tuple per function instead of a cell per condition (the rule set's
    # compiled tests were ~11,000 cells for the cyclic collector to walk).
    def reading_ok(lemma: str, tags: frozenset[str], lemmas: frozenset[str] | None = lemmas,
                   not_lemmas: frozenset[str] = not_lemmas,
                   tags_ok: Callable[[frozenset[str]], bool] | None = tags_ok,
                   not_tags: Callable[[frozenset[str]], bool] | None = not_tags) -> bool:
        if lemmas is not None and lemma not in lemmas:
            return False
        if not_lemmas and lemma in not_lemmas:
            return False
        if tags_ok is not None and not tags_ok(tags):
            return False
        return not_tags is None or not not_tags(tags)

    def test(token: Prepared, names_boundary: bool = names_boundary,
             case_sensitive: bool = case_sensitive, plain: bool = plain,
             words: frozenset[str] | None = words, not_words: frozenset[str] = not_words,
             regex: re.Pattern[str] | None = regex, sources: frozenset[str] | None = sources,
             known: bool | None = known,
             no_reading: Callable[[frozenset[str]], bool] | None = no_reading,
             reads_tags: bool = reads_tags, mode: str = mode, negate: bool = negate,
             reading_ok: Callable[[str, frozenset[str]], bool] = reading_ok,
             tag_ok: Callable[[frozenset[str]], bool] | None = tag_ok
             ) -> tuple[Reading, ...] | None:
        if token.boundary and not names_boundary:
            return None
        readings = token.readings
        ok = True
        if plain:
            text = token.text if case_sensitive else token.lower
            if ((words is not None and text not in words) or text in not_words
                    or (regex is not None and regex.fullmatch(token.text) is None)
                    or (sources is not None and token.source not in sources)
                    or (known is not None and known != bool(readings))):
                ok = False
        if ok and no_reading is not None and any(map(no_reading, token.tagsets)):
            ok = False
        chosen: tuple[Reading, ...] = readings[:1]
        if ok and reads_tags:
            if not readings:
                ok = False
            elif tag_ok is not None:  # (reading_ok of the tags alone)
                if mode == "first":
                    ok = tag_ok(token.tagsets[0])
                elif mode == "all":
                    ok = all(map(tag_ok, token.tagsets))
                    chosen = readings
                else:
                    chosen = tuple(compress(readings, map(tag_ok, token.tagsets)))
                    ok = bool(chosen)
            elif mode == "first":
                ok = reading_ok(token.lemmas[0], token.tagsets[0])
            elif mode == "all":
                ok = all(map(reading_ok, token.lemmas, token.tagsets))
                chosen = readings
            else:
                # (no generator here: it would make reading_ok a cell of every call)
                chosen = tuple(compress(readings, map(reading_ok, token.lemmas,
                                                      token.tagsets)))
                ok = bool(chosen)
        if negate:
            return None if ok else readings
        return chosen if ok else None

    return test


def _starts_sentence(tokens: Sequence[Prepared], i: int) -> bool:
    """Only punctuation (a quote, a reply dash) between tokens[i] and the previous
    sentence boundary or the paragraph's start."""
    for j in range(i - 1, -1, -1):
        if tokens[j].boundary:
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
    if spec.min == spec.max == 1 and not spec.skip:
        # Most elements: exactly this token, then the rest of the pattern (what
        # _repeat() does for them, without its generators).
        if i < len(tokens):
            if spec.alternatives or spec.sentence_start:
                readings = token_matches(spec, tokens, i)
            else:  # token_matches without its tests, the form's memo looked up here
                token = tokens[i]
                hit = token.form.matched.get(id(spec))
                readings = (hit[1] if hit is not None and hit[0] is spec
                            else _own_match(spec, token))
            if readings is not None:
                yield from _walk(pattern, tokens, k + 1, i + 1, done + (((i, readings),),))
        return

    yield from _repeat(pattern, tokens, k, spec, 0, i, (), done)


def _repeat(pattern: Sequence[TokenSpec], tokens: Sequence[Token], k: int, spec: TokenSpec,
            count: int, at: int, got: tuple, done: tuple) -> Iterator[Assignment]:
    """Element k repeated (count times so far, `got` its tokens), then the rest of
    the pattern. Greedy, like a regex: the longest repetition first. (A module
    function: as a closure calling itself it made a reference cycle per call that
    kept the paragraph's tokens until the cyclic collector ran, which the engine
    pauses during a check.)"""
    if count < spec.max and at < len(tokens):
        readings = token_matches(spec, tokens, at)
        if readings is not None:
            yield from _repeat(pattern, tokens, k, spec, count + 1, at + 1,
                               got + ((at, readings),), done)
    if count >= spec.min:
        step = spec.skip if got else 0
        nxt = at
        for _ in range(step + 1):
            yield from _walk(pattern, tokens, k + 1, nxt, done + (got,))
            if nxt >= len(tokens) or is_boundary(tokens[nxt]):
                break
            nxt += 1


def _holds(c: Constraint, elements: Assignment, tokens: Sequence[Prepared]) -> bool:
    a, b = elements[c.first], elements[c.second]
    if not a or not b:
        return True  # an optional element that is absent constrains nothing
    if "word" in c.features:  # the same word: compared on the text, not the tags
        same = tokens[a[0][0]].lower == tokens[b[0][0]].lower
        return not same if c.differ else same
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


#: A pattern to the tokens it can start at (proofer.grammar.rule_index); with a
#: window (first, last token of a match), only those an antipattern covering some
#: token of the window can start at.
Starts = Callable[[Sequence[TokenSpec], "tuple[int, int] | None"], Sequence[int]]


def find_matches(rule: GrammarRule, tokens: Sequence[Token],
                 starts: Iterable[int] | None = None,
                 pattern_starts: Starts | None = None,
                 first_tested: bool = False) -> Iterator[Match]:
    """Every match of the rule, at most one per start token; matches an antipattern
    covers are dropped. `starts` and `pattern_starts` may leave out tokens where a
    pattern cannot start (the default tries every token); `first_tested`: the
    starts are those first_matches() gives."""
    tokens = prepare(tokens)
    # The tokens some antipattern covers, around a match's tokens (all of the
    # paragraph's without an index: a huge paragraph's were worked out per rule).
    covered: dict[tuple[int, int] | None, set[int]] = {}
    first = rule.pattern[0]
    if starts is None:
        starts = range(len(tokens))
    if first.min and not first_tested:
        # The first element on its own before the backtracking starts (a generator
        # per token costs more than this).
        starts = _first_matches(first, tokens, starts)
    for start in starts:
        for elements in pattern_matches(rule.pattern, tokens, start):
            if not all(_holds(c, elements, tokens) for c in rule.constraints):
                continue
            m = Match(rule, tokens, elements)
            window = None if pattern_starts is None else (m.first_token, m.last_token)
            anti = covered.get(window)
            if anti is None:
                anti = covered[window] = {
                    i for lo, hi in _antipattern_ranges(rule, tokens, pattern_starts, window)
                    for i in range(lo, hi + 1)}
            if anti.isdisjoint(range(m.first_token, m.last_token + 1)):
                yield m
            break


def first_matches(rule: GrammarRule, tokens: PreparedTokens,
                  starts: Iterable[int]) -> Sequence[int]:
    """The starts at which the rule's first element matches (all of them when it
    is optional): what find_matches tries (with first_tested) after it. A rule
    tried in a paragraph most often ends here, without a generator made for it."""
    first = rule.pattern[0]
    return _first_matches(first, tokens, starts) if first.min else list(starts)


def _first_matches(spec: TokenSpec, tokens: Sequence[Prepared],
                   starts: Iterable[int]) -> list[int]:
    """The starts at which `spec` matches: token_matches at each, its answers for
    the token's form looked up here (most starts of most rules end here)."""
    if spec.sentence_start or any(a.alternatives or a.sentence_start
                                  for a in spec.alternatives):
        return [i for i in starts if token_matches(spec, tokens, i) is not None]
    if spec.alternatives:  # one of them, each answered from the form's memo
        out = []
        for i in starts:
            token = tokens[i]
            memo = token.form.matched
            for alt in spec.alternatives:
                hit = memo.get(id(alt))
                got = hit[1] if hit is not None and hit[0] is alt else _own_match(alt, token)
                if got is not None:
                    out.append(i)
                    break
        return out
    key = id(spec)
    out = []
    for i in starts:
        token = tokens[i]
        hit = token.form.matched.get(key)
        got = hit[1] if hit is not None and hit[0] is spec else _own_match(spec, token)
        if got is not None:
            out.append(i)
    return out


def _antipattern_ranges(rule: GrammarRule, tokens: Sequence[Prepared],
                        pattern_starts: Starts | None,
                        window: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    ranges = []
    for pattern in rule.antipatterns:
        starts = (range(len(tokens)) if pattern_starts is None
                  else pattern_starts(pattern, window))
        for start in starts:
            for elements in pattern_matches(pattern, tokens, start):
                marked = [i for spec, hits in zip(pattern, elements, strict=True)
                          if spec.mark for i, _ in hits]
                hit = marked or [i for hits in elements for i, _ in hits]
                ranges.append((min(hit), max(hit)))
                break
    return ranges
