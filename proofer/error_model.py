"""How likely a misspelling is for a word: keyboard slips and Swedish spelling by ear.

Real misspellings are rarely random keys. Writers who know a word by its sound
write a single consonant for a double one ("altid"), the wrong spelling of a sound
that has several ("sj", "sk", "stj", "ch"; "j", "hj", "gj"; "-tion", "-ssion"), "e"
for "ä", "o" for "å", and words together or apart. So the cost of turning what was
typed into a candidate is a weighted edit distance whose operations are the
keyboard slips of proofer.suggestions plus the sound groups of
resources/spelling/confusions.yaml, each at its own cost; a phonetic key (the word
with every such group folded to one symbol) says when two spellings sound alike.
The candidates themselves come from the dictionary (proofer.speller): this module
only says how far each is, and generates the by-ear spellings of a word to look up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

from proofer.frequency import swedish_words
from proofer.suggestions import (
    DROPPED,
    DROPPED_DOUBLE,
    SUBSTITUTE_FAR,
    SUBSTITUTE_NEAR,
    TRANSPOSE,
    _extra_cost,
    near_keys,
    too_long_to_edit,
)
from proofer.word_classes import is_function_word
from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[1] / "resources" / "spelling" / "confusions.yaml"
CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
_INF = float("inf")


class Confusions:
    """The sound groups as rewrite pairs, indexed for the distance's inner loop."""

    def __init__(self, groups: list[dict], double_consonant: float) -> None:
        self.groups = groups
        self.double_consonant = double_consonant
        pairs: dict[tuple[str, str], float] = {}
        # Groups marked `at_end` are inflectional endings ("-ar"/"-or"/"-er"): they
        # are confused only at the end of a word, where they stand.
        end_pairs: dict[tuple[str, str], float] = {}
        # Groups marked `at_start` spell a sound only at the start of a word: "hj",
        # "lj", "dj", "gj" say j in "hjälpa", "ljus", but "säljs" is no "säjs".
        start_pairs: dict[tuple[str, str], float] = {}
        for g in groups:
            spellings = [str(s) for s in g["spellings"]]
            into = (end_pairs if g.get("at_end") else
                    start_pairs if g.get("at_start") else pairs)
            for x in spellings:
                for y in spellings:
                    if x != y:
                        key = (x, y)
                        into[key] = min(into.get(key, _INF), float(g["cost"]))
        self.pairs = pairs
        self.end_pairs = tuple((x, y, c) for (x, y), c in end_pairs.items())
        self.start_pairs = tuple((x, y, c) for (x, y), c in start_pairs.items())
        # (last letter of the typed part, last letter of the meant part) -> pairs;
        # "" where that part is empty (a space written or left out).
        index: dict[tuple[str, str], list[tuple[str, str, float]]] = {}
        for (x, y), c in pairs.items():
            index.setdefault((x[-1:], y[-1:]), []).append((x, y, c))
        self.index = index
        # For generating by-ear spellings: typed part -> [(meant part, cost)].
        rewrites: dict[str, list[tuple[str, float]]] = {}
        for (x, y), c in pairs.items():
            if x:  # spaces are inserted by the speller's split search, not here
                rewrites.setdefault(x, []).append((y, c))
        self.rewrites = rewrites
        self.max_len = max(len(x) for x in rewrites)
        start_rewrites: dict[str, list[tuple[str, float]]] = {}
        for (x, y), c in start_pairs.items():
            start_rewrites.setdefault(x, []).append((y, c))
        self.start_rewrites = start_rewrites


@cache
def confusions() -> Confusions:
    data = read_yaml(DATA)
    return Confusions(data["groups"], float(data["double_consonant"]))


def _dropped(b: str, j: int, double: float) -> float:
    """Cost of the meant letter b[j] missing from what was typed."""
    c = b[j]
    if (j > 0 and b[j - 1] == c) or (j + 1 < len(b) and b[j + 1] == c):
        return double if c in CONSONANTS else DROPPED_DOUBLE
    return DROPPED


def _extra(a: str, i: int, double: float) -> float:
    """Cost of the typed letter a[i] being one too many."""
    c = a[i]
    if c in CONSONANTS and ((i > 0 and a[i - 1] == c) or (i + 1 < len(a) and a[i + 1] == c)):
        return double
    return _extra_cost(a, i)


@lru_cache(maxsize=100_000)
def spelling_cost(typed: str, meant: str) -> float:
    """Weighted edit distance from what was typed to the word meant: keyboard slips,
    single-for-double consonants and the Swedish sound groups."""
    a, b = typed.lower(), meant.lower()
    conf = confusions()
    double = conf.double_consonant
    index = conf.index
    n, m = len(a), len(b)
    dropped = [_dropped(b, j, double) for j in range(m)]
    rows: list[list[float]] = [[0.0] * (m + 1)]
    for j in range(1, m + 1):
        rows[0][j] = rows[0][j - 1] + dropped[j - 1]
    for i in range(1, n + 1):
        ac = a[i - 1]
        extra = _extra(a, i - 1, double)
        prev = rows[i - 1]
        cur = [prev[0] + extra] + [0.0] * m
        rows.append(cur)
        for j in range(1, m + 1):
            bc = b[j - 1]
            if ac == bc:
                best = prev[j - 1]
            else:
                best = prev[j - 1] + (SUBSTITUTE_NEAR if near_keys(ac, bc) else SUBSTITUTE_FAR)
            best = min(best, prev[j] + extra, cur[j - 1] + dropped[j - 1])
            if i > 1 and j > 1 and ac == b[j - 2] and a[i - 2] == bc and ac != bc:
                best = min(best, rows[i - 2][j - 2] + TRANSPOSE)
            for key in ((ac, bc), (ac, ""), ("", bc)):
                for x, y, c in index.get(key, ()):
                    lx, ly = len(x), len(y)
                    if (lx <= i and ly <= j and a[i - lx:i] == x and b[j - ly:j] == y):
                        best = min(best, rows[i - lx][j - ly] + c)
            cur[j] = best
    best = rows[n][m]
    for x, y, c in conf.end_pairs:  # an inflectional ending for another: "pojkor"
        if a.endswith(x) and b.endswith(y) and len(x) <= n and len(y) <= m:
            best = min(best, rows[n - len(x)][m - len(y)] + c)
    for x, y, c in conf.start_pairs:  # a sound's spelling at the start: "jälpa"
        if a.startswith(x) and b.startswith(y) and (a, b) != (x, y):
            best = min(best, c + spelling_cost(a[len(x):], b[len(y):]))
    return best


# The phonetic key: each sound written one way. Order matters (longest first).
_KEY_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        (r"[ -]", ""),
        (r"(?:ssion|sion|tion|schon|shon)", "Šon"),
        (r"(?:skj|stj|sch|sj|sh)", "Š"),
        (r"sk(?=[eiyäö])", "Š"),
        (r"(?:tj|kj)", "Ç"),
        (r"k(?=[eiyäö])", "Ç"),
        (r"^ch", "Š"),  # "chans", "chef": the sj-sound in loanwords
        (r"^(?:dj|gj|hj|lj)", "j"),
        (r"^g(?=[eiyäö])", "j"),
        (r"ck", "k"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"x", "ks"),
        (r"z", "s"),
        (r"w", "v"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"qu", "kv"),
        (r"q", "k"),
        (r"dt", "t"),
        (r"[äæ]", "e"),
        (r"å", "o"),
        (r"ø", "ö"),
        (r"(.)\1+", r"\1"),
    ))


@lru_cache(maxsize=50_000)
def phonetic_key(word: str) -> str:
    """The word as it sounds: "alltid" and "altid", "diskussion" and "diskution",
    "mest" and "mäst" share a key."""
    w = word.lower()
    for pattern, repl in _KEY_STEPS:
        w = pattern.sub(repl, w)
    return w


def by_ear_spellings(word: str, steps: int = 2) -> set[str]:
    """Spellings of `word` one sound-group rewrite or consonant doubling away, in
    both directions, and with `steps` 2 one more on top ("rekomenderar" ->
    "rekommenderar", "mäst" -> "mest", "komisionen" -> "kommissionen", "kåmpläxa"
    -> "komplexa"): what the writer may have meant. A writer who spells a word by
    ear mostly does so more than once in it. Strings, not words: the caller keeps
    the ones the dictionary has (a set intersection: thousands of strings are cheap)."""
    w = word.lower()
    sites = _sites(w)
    found = {w[:a] + y + w[b:] for a, b, y in sites}
    if steps > 1:
        # Two rewrites at places that do not overlap, both read off the word as
        # typed: one pass over pairs of sites instead of a second search per string.
        for k, (a1, b1, y1) in enumerate(sites):
            head = w[:a1] + y1
            for a2, b2, y2 in sites[k + 1:]:
                if a2 >= b1:
                    found.add(head + w[b1:a2] + y2 + w[b2:])
    found.discard(w)
    return found


def _doublings(w: str) -> set[str]:
    return {w[:a] + y + w[b:] for a, b, y in _doubling_sites(w)}


def _doubling_sites(w: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement): a double consonant written for a single one, or
    a single one for a double."""
    out = []
    n = len(w)
    for i in range(n):
        c = w[i]
        if c in CONSONANTS:
            if i + 1 < n and w[i + 1] == c:
                out.append((i, i + 2, c))  # double written for single
            elif i == 0 or w[i - 1] != c:
                out.append((i, i + 1, c + c))  # single written for double
    return out


def _sites(w: str) -> list[tuple[int, int, str]]:
    """Every place one sound-group rewrite or doubling applies, ordered by start."""
    conf = confusions()
    out = _doubling_sites(w)
    n = len(w)
    rewrites = conf.rewrites
    for i in range(n):
        for length in range(1, min(conf.max_len, n - i) + 1):
            for y, _cost in rewrites.get(w[i:i + length], ()):
                out.append((i, i + length, y))
    for x, y, _cost in conf.end_pairs:
        if w.endswith(x) and n > len(x) + 2:
            out.append((n - len(x), n, y))
    for x, meant in conf.start_rewrites.items():
        if w.startswith(x):
            out.extend((0, len(x), y) for y, _cost in meant)
    out.sort()
    return out


def _one_rewrite(w: str) -> set[str]:
    out = {w[:a] + y + w[b:] for a, b, y in _sites(w)}
    out.discard(w)
    return out


def by_ear_candidates(word: str, accepts: Callable[[str], bool], steps: int = 2) -> set[str]:
    """By-ear spellings of `word` that Swedish text uses and the speller accepts
    (a capitalised word's candidates may be capitalised: "Tyvär" -> "tyvärr")."""
    if too_long_to_edit(word):
        return set()
    listed = swedish_words().keys()
    found = by_ear_spellings(word, steps) & listed
    if word[:1].isupper():
        return {c for c in found if accepts(c) or accepts(c[:1].upper() + c[1:])}
    return {c for c in found if accepts(c)}


def split_candidates(word: str, accepts: Callable[[str], bool]) -> set[str]:
    """The word written apart, in two or three common words the speller accepts, one
    of them a function word: "isåfall" -> "i så fall". A split into rare words ("män
    i skor" for "mäniskor") or into content words only is a coincidence."""
    if too_long_to_edit(word):
        return set()  # the three-word splits grow with the square of the length
    w = word.lower()
    listed = swedish_words()

    def part(p: str) -> bool:
        if len(p) == 1 and p not in ONE_LETTER_WORDS:
            return False  # "l", "s": abbreviations, not words one writes together
        return listed.get(p, 0.0) >= _COMMON_PART and accepts(p)

    found: set[str] = set()
    for i in range(1, len(w)):
        head, tail = w[:i], w[i:]
        if not part(head):
            continue
        if part(tail):
            found.add(f"{head} {tail}")
        for k in range(1, len(tail)):
            if part(tail[:k]) and part(tail[k:]):
                found.add(f"{head} {tail[:k]} {tail[k:]}")
    # Phrases written together have a function word ("till exempel", "i så fall");
    # two content words side by side are a compound's parts ("kurs år", "poäng sa").
    return {p for p in found if any(is_function_word(x) for x in p.split())}


ONE_LETTER_WORDS = frozenset("iåö")  # Swedish has no others
_COMMON_PART = 10 ** (4.5 - 9)  # wordfreq's raw scale (Zipf 4.5): "i", "så", "fall"
