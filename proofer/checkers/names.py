"""Names and titles against the dictionaries: near-misses, known wrong forms, a title
or party letter that does not fit the person, and unknown names to verify.

A near-miss needs two things, never one: a dictionary form within a small edit
distance, AND evidence that the written word is not an ordinary word spelt right:
Hunspell does not know it, it is (nearly) absent from Swedish text frequency lists,
and for names it has a capital letter. That keeps "höll" from becoming a surname
while "Frderik Johanssomn" becomes "Fredrik Johansson": one finding over the whole
name, in the inflection the writer used ("Mikaesl" -> "Mikaels", "chfeen" -> "chefen").

Category choice: a title near-miss and a title the person does not hold are `title`;
a name near-miss and a wrong party letter after a name are `name` (the party letter
identifies the person, like the name does).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from math import prod
from pathlib import Path

from rapidfuzz.distance import OSA

from proofer.checkers.base import ParagraphChecker
from proofer.checkers.genitive_apostrophe import APOSTROPHES
from proofer.checkers.spelling import rank_suggestions
from proofer.finding import Category, Finding, Severity
from proofer.frequency import is_listed, zipf
from proofer.names.index import max_distance
from proofer.names.inflect import PRIOR, genitive, title_forms
from proofer.names.keyboard import slip_cost
from proofer.names.loader import Problem
from proofer.names.model import Entry
from proofer.names.store import TITLE, WRONG, NameStore, normalise, place_bit
from proofer.settings import Settings, config_dir
from proofer.speller import Speller
from proofer.suggestions import too_long_to_edit
from proofer.tokens import Token, other_script, starts_sentence, words

# Word frequency (wordfreq Zipf) at or above which a word is a real word or name in
# its own right, not a slip: alone, and inside a longer name whose other words match.
ATTESTED_ALONE = 2.5
ATTESTED_IN_NAME = 3.5
UNSEEN = 2.0  # a 4-letter word may stand alone as a near-miss only below this
MAX_WINDOW = 8  # words in a name we try to match with typos
# Candidate strength of a word: may it be a misspelt name (or title)?
NONE, IN_NAME, ALONE = 0, 1, 2
# The nine (name, title) strength pairs, shared: a cached pair per word would be a
# new tuple for the garbage collector to walk after every cold check.
_PAIRS = tuple(tuple((a, b) for b in (NONE, IN_NAME, ALONE)) for a in (NONE, IN_NAME, ALONE))
FUZZY_PER_WORD = 6  # closest dictionary words tried per misspelt word
# The second slip a 4-letter word may carry inside a name: two cheap keyboard slips
# at most (a neighbouring key, a dropped or swapped one; see names.keyboard.slip_cost).
TWO_CHEAP_SLIPS = 1.25  # (two neighbouring keys cost 1.2)
MAX_COMBOS = 400  # word combinations tried for one window
STRENGTH_CACHE = 100_000  # words whose candidate strength is kept
_PARTY = re.compile(r"\s*\(([A-ZÅÄÖ]{1,3}(?:/[A-ZÅÄÖ]{1,3})?)\)")


@dataclass
class _Match:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    text: str  # the correct text for the span
    entry: int
    title: bool
    dist: int = 0  # 0: written exactly so
    wrong: bool = False  # a known wrong form
    paradigm: int = -1
    surname_only: bool = False
    prior: float = 0.0  # how much rarer the matched inflection is (see inflect.PRIOR)


def _with_case(suggestion: str, written: str) -> str:
    if written[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


@lru_cache(maxsize=4096)
def _letter_bag_diff(a: str, b: str) -> int:
    """How many letters the two do not share, order ignored: tells a swap
    ("Mikaesl" ~ "Mikaels") from a stray key ("Beustg" ~ "Beust", not "Beusts").
    Remembered: every near-miss is ranked, and a long text repeats its pairs."""
    a, b = a.lower(), b.lower()
    return sum(abs(a.count(c) - b.count(c)) for c in set(a) | set(b))


def _suffix_len(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


class _Reach:
    """How many tokens from token s on may form one name: up to a token inside a
    known multi-word name or a gap with more than a space or a full stop, at most
    `longest`. Worked out per start when first asked (a near-miss tries every
    window around its word; the paragraph may be 300 kB long)."""

    def __init__(self, text: str, toks: list[Token], blocked: list[bool], longest: int) -> None:
        self._text, self._toks, self._blocked, self._longest = text, toks, blocked, longest
        self._known: dict[int, int] = {}

    def __call__(self, s: int) -> int:
        hit = self._known.get(s)
        if hit is None:
            text, toks, blocked = self._text, self._toks, self._blocked
            stop = min(s + self._longest, len(toks))
            k = s
            while k < stop and not blocked[k]:
                k += 1
                if k < stop and text[toks[k - 1].end:toks[k].start].strip() not in ("", "."):
                    break
            hit = self._known[s] = k - s
        return hit


class NameChecker(ParagraphChecker):
    name = "names"
    engine = "names"

    def __init__(self, store: NameStore, speller: Speller) -> None:
        self.store = store
        self.speller = speller
        speller.add_lookup(store.knows_word)  # a dictionary name is never a typo
        # Candidate strengths by word: an article repeats its words, and each answer
        # costs frequency and speller look-ups. Valid while the speller knows the
        # same words (its generation).
        self._strengths: dict[str, tuple[int, int]] = {}
        self._strengths_generation = speller.generation

    @classmethod
    def from_settings(cls, settings: Settings, speller: Speller) -> NameChecker:
        """Load every dictionary in merge order (cached); broken entries are reported
        on stderr by file and line and skipped, the rest loads."""
        store = NameStore.load(settings.dictionary_files(), config_dir() / "cache")
        # A shared folder or file the settings name that is not there (a network
        # share not mounted): its names would go unchecked without a word.
        missing = [Problem(p, 0, "finns inte (en delad mapp som inte är monterad?); "
                                 "dess namn kontrolleras inte")
                   for p in settings.dictionary_paths if not Path(p).exists()]
        for p, explicit in [*((p, False) for p in settings.dictionary_paths),
                            *((p, True) for p in settings.extra_dictionaries)]:
            problem = _folder_without_dictionaries(p, explicit)
            if problem is not None:
                missing.append(problem)
        if missing:
            store.problems = [*missing, *store.problems]
        for problem in store.problems:
            print(f"proofer: namnordlista: {problem}", file=sys.stderr)
        return cls(store, speller)

    def status(self) -> str:
        return "ok" if len(self.store) else "unavailable: inga namnordlistor inlästa"

    def invalidate(self) -> None:
        """Forget the cached candidate strengths (the engine calls this when
        dictionaries or settings change)."""
        self._strengths.clear()

    # -- evidence --------------------------------------------------------------
    def _known(self, word: str) -> bool:
        """Known to the speller (Hunspell, personal list or a dictionary word)."""
        base = word.split(":")[0]
        if "-" in base:
            return all(p.isupper() or self.speller.check(p) for p in base.split("-") if p)
        # Either form known will do, so the cheaper question goes first. A listed
        # word: the lower-case form, answered from the word table (a capitalised
        # one may cost a Hunspell compound search). A word the list lacks: both go
        # to Hunspell, and the form as written mostly has its answer already (the
        # spelling checker asked it at a sentence start) or is a name Hunspell
        # knows only capitalised; it settles the question with one call.
        low = base.lower()
        if is_listed(low):
            return self.speller.check(low) or self.speller.check(base)
        return self.speller.check(base) or self.speller.check(low)

    def _strengths_for(self, toks: list[Token], covered: list[_Match | None]
                       ) -> list[tuple[int, int]]:
        """(name strength, title strength) of each token not inside an exact match,
        cached by word."""
        if self._strengths_generation != self.speller.generation:
            self._strengths.clear()
            self._strengths_generation = self.speller.generation
        cache = self._strengths
        if len(cache) > STRENGTH_CACHE:
            cache.clear()
        none = (NONE, NONE)
        out = []
        append = out.append
        get = cache.get
        for t, c in zip(toks, covered, strict=True):
            if c is not None:
                append(none)
                continue
            word = t.text
            hit = get(word)
            if hit is None:
                if too_long_to_edit(word):
                    # No name or title is this long, and the word must not stay in a
                    # word cache: a fuzzed text's 10,000-letter words filled them.
                    append(none)
                    continue
                hit = cache[word] = _PAIRS[self._name_strength(word)][
                    self._title_strength(word)]
            append(hit)
        return out

    def _name_strength(self, w: str) -> int:
        """ALONE: a capitalised word nobody knows may be a misspelt name by itself.
        IN_NAME: a rarer-but-real or lower-case word only counts as a slip inside a
        longer name whose other words match ("Janne Karlson", "Vita huser")."""
        base = w.split(":")[0]
        if len(base) < 4 or base.isupper():
            return NONE
        # The frequency list first: a dict look-up settles most words, where the
        # speller would ask Hunspell (both answers give NONE, so the order is free).
        z = zipf(base.lower())
        if z >= ATTESTED_IN_NAME:
            return NONE
        if self._known(w):
            return ALONE if "-" in base and self._hyphen_slip(base) else NONE
        if base[0].isupper() and z < ATTESTED_ALONE and (len(base) > 4 or z < UNSEEN):
            return ALONE
        return IN_NAME

    def _hyphen_slip(self, word: str) -> bool:
        """A hyphenated name compared part by part: "Barometern-OF" for
        "Barometern-OT". Each part is a word or capitals, so the speller knows the
        whole; one edit from a dictionary name whose every other part is written
        exactly makes it a slip. A genitive s on the part is none ("Barometern-OTs"),
        nor is the name without one."""
        if not word[:1].isupper() or self.store.knows_word(word):
            return False  # "Barometern-OT:s" is the name with its ending
        parts = word.lower().split("-")
        for cand, _ in self.store.name_index.lookup(word.lower(), FUZZY_PER_WORD, 1):
            theirs = cand.split("-")
            if len(theirs) != len(parts):
                continue
            differ = [(a, b) for a, b in zip(parts, theirs, strict=True) if a != b]
            if len(differ) == 1 and differ[0][0] != differ[0][1] + "s" \
                    and differ[0][1] != differ[0][0] + "s":
                return True
        return False

    def _title_strength(self, w: str) -> int:
        if (len(w) < 5 or w.isupper() or ":" in w or "-" in w
                or zipf(w.lower()) >= ATTESTED_ALONE or self._known(w)):
            return NONE
        return ALONE

    # -- exact matches ---------------------------------------------------------
    def _exact(self, text: str, toks: list[Token], low: list[str]) -> list[_Match]:
        store, out, i, n = self.store, [], 0, len(toks)
        first_max = store.first_max
        while i < n:
            longest = first_max.get(low[i], 0)
            m = self._exact_at(text, toks, low, i, longest) if longest else None
            # (A name's every key is indexed under its first word: no entry there,
            # no genitive to look up.)
            if m is None and len(low[i]) > 2 and low[i][-1] == "s" and low[i][:-1] in first_max:
                m = self._exact_at(text, toks, low, i, 1, genitive_s=True)
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.end
        return out

    def _exact_at(self, text: str, toks: list[Token], low: list[str], i: int, longest: int,
                  genitive_s: bool = False) -> _Match | None:
        store = self.store
        for size in range(min(longest, len(toks) - i), 0, -1):
            key = tuple(low[i:i + size])
            if genitive_s:
                key = key[:-1] + (key[-1][:-1],)
            forms = store.forms_for(key)
            if not forms:
                continue
            span = normalise(text[toks[i].start:toks[i + size - 1].end])
            best: _Match | None = None
            for f in forms:
                title = bool(f.flags & TITLE)
                if genitive_s and (title or f.flags & WRONG or f.text[-1] in "sxzSXZ"):
                    continue
                target = genitive(f.text) if genitive_s else f.text
                if f.flags & WRONG or title:
                    ok = True  # already equal ignoring case
                else:
                    ok = span == target or (span[1:] == target[1:] and
                                            starts_sentence(text, toks[i].start))
                if not ok:
                    continue
                m = _Match(i, i + size, target, f.entry, title, 0, bool(f.flags & WRONG),
                           f.paradigm)
                if best is None or (best.wrong and not m.wrong):
                    best = m
            if best is not None:
                return best
        return None

    # -- near-misses -----------------------------------------------------------
    def _options(self, i: int, low: list[str], title: bool, cache: dict,
                 k: int | None = None) -> list[tuple[str, int]]:
        """Dictionary words this token may stand for, with their distance (within k,
        default: what the word's length allows alone). Cached by word, not by
        position: a long paragraph repeats its words."""
        key = (low[i], title, k)
        if key not in cache:
            index = self.store.title_index if title else self.store.name_index
            cache[key] = index.lookup(low[i], FUZZY_PER_WORD, k)
        return cache[key]

    def _fuzzy(self, text: str, toks: list[Token], low: list[str], i: int,
               reach: _Reach, cands: list[int], title: bool, cache: dict
               ) -> list[_Match]:
        """Near-misses driven by token i: the name alone, or a longer name around it.

        Inside a longer name the evidence of the other words allows more: a 4-letter
        or rarer-but-real word may carry a slip ("Adnan Z. Amim", "Janne Karlson"),
        a slip may even make a real word ("Ginnar Stäng"), and next to a word written
        exactly the misspelt word may carry one slip more ("Fgrerik Lindström")."""
        store = self.store
        out: list[_Match] = []
        alone = cands[i] == ALONE
        # The word's own options, alone and inside a longer name, once per word (most
        # candidates of a long paragraph are repeats, and most have none).
        # Where in a form each can stand (_places) goes with them.
        head_key = ("head", low[i], title, alone)
        head = cache.get(head_key)
        if head is None:
            limit = max(1, max_distance(low[i]))
            mine = self._options(i, low, title, cache, limit) if alone else []
            wider = self._wider(i, low, title, cache, limit)
            head = cache[head_key] = (limit, mine, wider, self._places(mine),
                                      self._places(wider))
        limit, mine, wider, alone_at, wider_at = head
        if not mine and not wider:
            return out
        n = len(toks)
        first_max = store.first_max
        # (No option stands anywhere in a form: no window to try.)
        sizes = range(1 if alone else 2, min(MAX_WINDOW, store.max_words) + 1) \
            if alone_at != (0, 0) or wider_at != (0, 0) else range(0)
        for size in sizes:
            at, genitive_at = alone_at if size == 1 else wider_at
            if not ((at | genitive_at) >> (size * (size - 1) // 2)) & ((1 << size) - 1):
                continue  # (place_bit: no option at any place of a form this long)
            for s in range(max(0, i - size + 1), min(i, n - size) + 1):
                # No form of `size` words has one of the word's options at its place
                # here (the last may be a genitive): nothing to match in this window.
                bit = place_bit(size, i - s)
                if not (at & bit or (i - s == size - 1 and genitive_at & bit)):
                    continue
                if size > reach(s):
                    continue
                choices = [(mine if size == 1 else wider) if k == i
                           else self._around(k, toks, low, cands, title, cache)
                           for k in range(s, s + size)]
                if size > 1:
                    if prod(len(c) for c in choices) > MAX_COMBOS:
                        continue
                    # Every name of `size` words is filed under its first word: a
                    # first word that begins none that long matches nothing.
                    firsts = [o for o in choices[0] if first_max.get(o[0], 0) >= size]
                    if not firsts:
                        continue
                    combos = product(firsts, *choices[1:])
                else:
                    combos = product(*choices)
                for combo in combos:
                    if size > 1 and not self._plausible(combo, choices, i - s, limit):
                        continue
                    out.extend(self._combo(text, toks, s, size, combo, title))
        if not title and not out and alone:
            for w, d in mine:
                if w in store.surnames and not store.surnames[w].lower() == low[i]:
                    out.append(_Match(i, i + 1, store.surnames[w], -1, False, d,
                                      surname_only=True))
                elif w[-1:] == "s" and w[:-1] in store.surnames:
                    out.append(_Match(i, i + 1, genitive(store.surnames[w[:-1]]), -1, False,
                                      d, surname_only=True, prior=PRIOR["gen"]))
        return out

    def _places(self, options: list[tuple[str, int]]) -> tuple[int, int]:
        """Where the options stand in the dictionary's forms (store.place_bit), as
        written and, for an option ending in s, as a genitive of a form's last word."""
        places = self.store.places
        at = genitive_at = 0
        for w, _ in options:
            at |= places.get(w, 0)
            if w[-1:] == "s":
                genitive_at |= places.get(w[:-1], 0)
        return at, genitive_at

    def _around(self, k: int, toks: list[Token], low: list[str], cands: list[int],
                title: bool, cache: dict) -> list[tuple[str, int]]:
        """What token k may stand for beside the driving word: itself, or a near
        dictionary word when it may be misspelt too (kept per paragraph: the token
        is in every window around each candidate near it)."""
        key = (k, title)
        hit = cache.get(key)
        if hit is None:
            hit = [(low[k], 0)]
            if cands[k]:
                hit += self._options(k, low, title, cache, max(1, max_distance(low[k])))
            elif not title and toks[k].text[:1].isupper() and len(low[k]) >= 4 \
                    and not toks[k].text.isupper():
                hit += self._options(k, low, title, cache, 1)[:3]
            cache[key] = hit
        return hit

    def _wider(self, i: int, low: list[str], title: bool, cache: dict,
               limit: int) -> list[tuple[str, int]]:
        """Options for token i inside a longer name: one slip more than alone
        (_plausible also wants a word written exactly beside it). A 4-letter word
        gets its second slip only as two cheap keyboard slips ("Ulla Brhj" for
        "Ulla Brehm"): many short names are two edits from anything."""
        n = len(low[i])
        if n >= 5:
            return self._options(i, low, title, cache, min(2, limit + 1))
        if n < 4:
            return self._options(i, low, title, cache, 1)
        key = (low[i], title, "wider")
        if key not in cache:
            index = self.store.title_index if title else self.store.name_index
            found = index.lookup(low[i], None, 2)
            near = [o for o in found if o[1] <= limit]
            far = sorted(((w, d) for w, d in found if d > limit
                          and slip_cost(low[i], w) <= TWO_CHEAP_SLIPS),
                         key=lambda o: (slip_cost(low[i], o[0]), o[0]))
            cache[key] = (near + far)[:FUZZY_PER_WORD]
        return cache[key]

    @staticmethod
    def _plausible(combo: tuple[tuple[str, int], ...], choices: list, pos: int,
                   limit: int) -> bool:
        """The extra slip allowed in the driving word needs a word written exactly
        beside it, and no name is more than three slips from what was written."""
        total = sum(d for _, d in combo)
        if total > 3:
            return False
        if combo[pos][1] > max(limit, 1):
            return any(d == 0 for j, (_, d) in enumerate(combo) if j != pos)
        return True

    def _combo(self, text: str, toks: list[Token], s: int, size: int,
               combo: tuple[tuple[str, int], ...], title: bool) -> list[_Match]:
        store = self.store
        dist = sum(d for _, d in combo)
        if not dist:
            return []
        key = tuple(w for w, _ in combo)
        out = []
        for genitive_s, k in ((False, key), (True, key[:-1] + (key[-1][:-1],))):
            if genitive_s and (title or key[-1][-1:] != "s"):
                continue
            for f in store.forms_for(k):
                if f.flags & WRONG or bool(f.flags & TITLE) != title:
                    continue
                if genitive_s and f.text[-1] in "sxzSXZ":
                    continue
                target = genitive(f.text) if genitive_s else f.text
                out.append(_Match(s, s + size, target, f.entry, title, dist,
                                  paradigm=f.paradigm,
                                  prior=PRIOR["gen"] if genitive_s else f.prior))
        return out

    def _rank(self, m: _Match, toks: list[Token]) -> tuple:
        written = " ".join(t.text for t in toks[m.start:m.end])
        # Base forms are commoner than inflections: a small prior decides near ties.
        return (-(m.end - m.start), m.dist, slip_cost(written, m.text) + m.prior,
                abs(len(written) - len(m.text)), _letter_bag_diff(written, m.text),
                1 if m.surname_only else 0, -zipf(m.text.lower()), m.entry)

    def _speller_prefers(self, word: str, dist: int, suggestion: str) -> bool:
        """True when an ordinary word is a better reading of `word` than the name/title."""
        for c in rank_suggestions(word, self.speller.suggest(word))[:3]:
            if c.lower() == suggestion.lower() or " " in c:
                continue
            d = OSA.distance(word.lower(), c.lower())
            if d < dist or (d == dist and zipf(c.lower()) >= 3.0
                            and slip_cost(word, c) < slip_cost(word, suggestion)):
                return True
        return False

    # -- the pass --------------------------------------------------------------
    def check_paragraph(self, text: str) -> list[Finding]:
        toks = list(words(text))
        if not toks:
            return []
        low = [t.text.lower() for t in toks]
        exact = self._exact(text, toks, low)
        covered: list[_Match | None] = [None] * len(toks)
        for m in exact:
            for k in range(m.start, m.end):
                covered[k] = m
        # A token inside a known multi-word name is not free for another name.
        blocked = [c is not None and c.end - c.start > 1 for c in covered]
        reach = _Reach(text, toks, blocked, min(MAX_WINDOW, self.store.max_words))
        strengths = self._strengths_for(toks, covered)
        name_c = [st[0] for st in strengths]
        # Mid-sentence, a capitalised word is a name, not a title ("Kongs" is no "kungs").
        title_c = [st[1] if st[1] and (t.text[0].islower() or starts_sentence(text, t.start))
                   else NONE
                   for t, st in zip(toks, strengths, strict=True)]
        cache: dict = {}
        fuzzy: list[tuple[tuple, _Match]] = []  # (rank, match), each rank worked out once
        for i in [i for i, st in enumerate(strengths) if st[0] or st[1]]:
            tok = toks[i]
            best: tuple[tuple, _Match] | None = None
            for title, flags in ((False, name_c), (True, title_c)):
                if not flags[i]:
                    continue
                found = self._fuzzy(text, toks, low, i, reach, flags, title, cache)
                if not found:
                    continue
                ranks = [self._rank(m, toks) for m in found]
                k = min(range(len(found)), key=ranks.__getitem__)  # the first best
                top = found[k]
                # A single word may be an ordinary word misspelt; a whole name
                # matched around it is evidence enough.
                if top.end - top.start == 1 and (title or starts_sentence(text, tok.start)) \
                        and self._speller_prefers(tok.text, top.dist, top.text):
                    continue
                if best is None or ranks[k][1:] < best[0][1:]:
                    best = (ranks[k], top)
            if best is not None:
                fuzzy.append(best)
        findings: list[Finding] = []
        # The tokens of the near-misses taken so far, best first (a list of flags, not
        # a scan of the taken ones per candidate: a fuzzed 300 kB paragraph has
        # thousands, issue 13).
        in_fuzzy = [False] * len(toks)
        for _, m in sorted(fuzzy, key=lambda rm: rm[0]):
            if any(in_fuzzy[m.start:m.end]):
                continue
            in_fuzzy[m.start:m.end] = [True] * (m.end - m.start)
            findings.extend(self._near_miss(text, toks, m))
        for m in exact:
            if not any(in_fuzzy[m.start:m.end]):
                findings.extend(self._exact_findings(text, toks, m, covered))
        for i in [i for i, c in enumerate(name_c) if c == ALONE]:
            tok = toks[i]
            if not in_fuzzy[i] and not starts_sentence(text, tok.start) \
                    and not other_script(tok.text):
                findings.append(Finding(tok.start, tok.end, tok.text, Category.NAME,
                                        "names.unknown", "Okänt namn – kontrollera stavningen",
                                        (), Severity.INFO))
        return findings

    # -- findings --------------------------------------------------------------
    @staticmethod
    def _span(text: str, toks: list[Token], m: _Match) -> tuple[int, int, str]:
        a, b = toks[m.start].start, toks[m.end - 1].end
        return a, b, text[a:b]

    def _near_miss(self, text: str, toks: list[Token], m: _Match) -> list[Finding]:
        a, b, written = self._span(text, toks, m)
        suggestion = _with_case(m.text, written)
        if written[-2:-1] in APOSTROPHES and written[-1:] == "s" and (
                suggestion == written[:-2] + "s"):
            return []  # "Sverige's": the right name, the wrong genitive (genitive_apostrophe)
        kind = "person" if m.entry < 0 else self.store.entry(m.entry).kind
        if m.title and kind == "title":
            return [Finding(a, b, written, Category.TITLE, "titles.near-miss",
                            f"Titeln stavas {suggestion}", (suggestion,))]
        what = "ortnamn" if kind == "place" else "namn"
        message = f"Okänt {what} – menade du {suggestion}?"
        return [Finding(a + ws, a + we, w, Category.NAME, "names.near-miss", message, (fix,))
                for ws, we, w, fix in _differing_words(written, _fit_span(suggestion, text, a, b))]

    def _exact_findings(self, text: str, toks: list[Token], m: _Match,
                        covered: list[_Match | None]) -> list[Finding]:
        entry = self.store.entry(m.entry)
        a, b, written = self._span(text, toks, m)
        if m.wrong:
            full = _with_case(m.text, written)
            cat = Category.TITLE if entry.kind == "title" else Category.NAME
            return [Finding(a, b, written, cat, "names.wrong-form",
                            f"Skrivs {full} enligt namnordlistan",
                            (_fit_span(full, text, a, b),))]
        if entry.kind != "person" or m.title:
            return []
        out = []
        if entry.titles and m.start > 0:
            prev = covered[m.start - 1]
            if prev is not None and prev.title and not prev.wrong and \
                    not text[toks[m.start - 1].end:toks[m.start].start].strip():
                out.extend(self._title_fact(text, toks, prev, entry))
        if entry.party:
            pm = _PARTY.match(text, b)
            if pm and pm.group(1) != entry.party:
                out.append(Finding(pm.start(1), pm.end(1), pm.group(1), Category.NAME,
                                   "names.party",
                                   f"{entry.name} tillhör {entry.party} enligt namnordlistan",
                                   (entry.party,), Severity.WARNING))
        return out

    def _title_fact(self, text: str, toks: list[Token], prev: _Match,
                    person: Entry) -> list[Finding]:
        """A title of the same family as one the person holds, but not theirs:
        "utrikesminister Anna Hallberg" for a utrikeshandelsminister. A generic form
        ("ministern", "chefen") is not wrong, and neither is an unrelated role."""
        tentry = self.store.entry(prev.entry)
        if tentry.kind != "title":
            return []
        written_base = tentry.name.lower()
        held = [t.lower() for t in person.titles]
        if written_base in held:
            return []
        for h in held:
            if (_suffix_len(h, written_base) >= 3 and not h.endswith(written_base)
                    and not written_base.endswith(h)):
                a, b, written = self._span(text, toks, prev)
                forms = title_forms(h)
                sugg = forms[prev.paradigm] if 0 <= prev.paradigm < len(forms) else h
                sugg = _with_case(sugg, written)
                return [Finding(a, b, written, Category.TITLE, "titles.not-held",
                                f"{person.name} är {h} enligt namnordlistan", (sugg,),
                                Severity.WARNING)]
        return []


_NON_SPACE = re.compile(r"\S+")


def _fit_span(suggestion: str, text: str, a: int, b: int) -> str:
    """The suggestion for text[a:b] without the words of the name that already stand
    right before or after the span.

    A form matched on fewer words than the name has ("Wangård", listed as a wrong form
    of "Karin Wanngård") must not, once accepted, repeat the first name the text already
    has ("Karin Karin Wanngård"). Words of the name that are not there stay in the
    suggestion, as the dictionary gives the whole name."""
    fixes = suggestion.split()
    n, total = len(text[a:b].split()), len(fixes)
    if not n or total <= n:
        return suggestion
    before, after = text[:a].split(), text[b:].split()
    best, cut = 0, (0, total)
    for k in range(total - n + 1):  # the span stands for fixes[k:k + n]
        tail = total - k - n
        lead_there = 0 < k <= len(before) and before[len(before) - k:] == fixes[:k]
        tail_there = tail > 0 and after[:tail] == fixes[k + n:]
        score = lead_there * k + tail_there * tail
        if score > best:
            best, cut = score, (k if lead_there else 0, k + n if tail_there else total)
    return " ".join(fixes[cut[0]:cut[1]])


def _differing_words(written: str, suggestion: str) -> list[tuple[int, int, str, str]]:
    """The misspelt words of a name, each with its correction.

    One finding per misspelt word rather than one over the whole name: accepting it
    replaces exactly what is wrong, and "Frderik Johanssomn" gets "Fredrik" and
    "Johansson" where they belong (the message still names the whole name). When the
    words do not pair up one to one, the whole span is one finding.
    """
    words = list(_NON_SPACE.finditer(written))
    fixes = suggestion.split()
    if len(words) != len(fixes):
        return [(0, len(written), written, suggestion)]
    return [(w.start(), w.end(), w.group(), fix)
            for w, fix in zip(words, fixes, strict=True) if w.group() != fix]


def _folder_without_dictionaries(path: str, explicit: bool) -> Problem | None:
    """A dictionary folder none of whose files is read (only *.yaml are): its names
    would go unchecked without a word, as a newsroom's "namn.yml" did. A shared
    folder that is simply empty (no lists yet) is no problem; one given for this
    run (--dictionary) is, as an empty file would be."""
    folder = Path(path)
    if not folder.is_dir() or any(folder.glob("*.yaml")):
        return None
    others = sorted(f.name for f in folder.iterdir()
                    if f.suffix.lower() in (".yml", ".yaml"))
    if not others and not explicit:
        return None
    hint = (f" ({', '.join(others[:3])} läses inte: byt ändelsen till .yaml)" if others
            else "")
    return Problem(path, 0, f"är en mapp utan namnordlistor (*.yaml){hint}; inga namn "
                            "lästes därifrån")
