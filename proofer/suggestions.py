"""Candidate corrections for a misspelt Swedish word, ranked the way typos happen.

Hunspell's own suggestions are slow (tens of milliseconds for a compound-rich
dictionary) and ordered by its internal heuristics, which often put a rare word
before the obvious one. Most real slips are one keystroke away: a neighbouring key,
two letters swapped, a letter dropped or doubled. So we generate those edits
ourselves and keep the ones that Swedish text actually uses (wordfreq, a dict
lookup) and that the speller accepts. When nothing is that close: one-slip fixes of
a compound's parts (Hunspell judges the joins), then two cheap slips. Ranking is a
keyboard-weighted Damerau distance, then frequency, then the first letter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from itertools import product

from proofer.frequency import swedish_words, zipf

_ROWS = ("qwertyuiopå", "asdfghjklöä", "zxcvbnm")
_ROW_OFFSET = (0.0, 0.25, 0.75)
ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöé"
# Letters that differ only by a diacritic are a common slip on foreign keyboards
# and in hurried typing ("kottbullar").
_DIACRITIC_PAIRS = {frozenset(p) for p in ("aå", "aä", "oö", "eé", "åä")}

# Costs follow how likely each slip makes exactly this string: a dropped letter or
# two swapped keys can happen in one way at a position, a neighbouring key in one of
# about six, an extra letter in one of about seven. So "sjör" is "sjöar" with the a
# dropped rather than "smör" with a neighbouring key, "lae" is "lade", not "las".
SUBSTITUTE_NEAR = 0.5  # a neighbouring key or a lost diacritic
SUBSTITUTE_FAR = 1.0
TRANSPOSE = 0.45
# A dropped letter is the most common slip of all ("kmmer", "minskt", "tllbaka").
DROPPED = 0.45  # the typed word lacks a letter
DROPPED_DOUBLE = 0.4  # "kalades" for "kallades"
# The dearest single slip that is still one cheap keystroke (a neighbouring key).
ONE_KEYSTROKE = 0.55
EXTRA_NEAR = 0.65  # an extra letter next to a key just typed, or a doubled one
EXTRA_FAR = 1.0
FIRST_LETTER = 0.4  # people rarely get the first letter wrong
SPLIT = 1.0  # "tv-vereionen" is no "tv-ver-eionen"
# Spelt the way it sounds (the same phonetic key): the likelier misspelling.
SAME_SOUND = 0.1
PHRASE_STEP = 2.0
# How much a candidate's use (per Zipf step, ten times as common) outweighs its cost
# as a misspelling: a noisy channel. At 0.1 a rare word a cheap doubling away beat
# the common word an ending away ("leter": "letter" before "letar"); on generated
# misspellings of common words (benchmarks/misspelling_kinds.py) 0.1-0.25 rank
# alike, drawn by use or all alike within 0.01.
FREQUENCY_WEIGHT = 0.2
# Longest word we generate edits for (issue 13). The edit sets grow with the square
# of the length and the two-slip search with its cube (a 400-letter "word" took
# 2.3 GB), while real Swedish compounds stay well below this. A longer token gets no
# candidates at all: checking it stays linear. (Robustness guard, kept at the entry
# of each generator so a reworked ranking keeps it.)
LONGEST_EDITED = 60


def too_long_to_edit(word: str) -> bool:
    """No edit-distance candidates for this word (see LONGEST_EDITED)."""
    return len(word) > LONGEST_EDITED


@cache
def _key_positions() -> dict[str, tuple[float, int]]:
    pos = {}
    for row, (keys, offset) in enumerate(zip(_ROWS, _ROW_OFFSET, strict=True)):
        for i, k in enumerate(keys):
            pos[k] = (i + offset, row)
    pos["é"] = pos["e"]
    return pos


@cache
def near_keys(a: str, b: str) -> bool:
    """Keys that touch on a Swedish QWERTY keyboard, or letters one diacritic apart."""
    if frozenset((a, b)) in _DIACRITIC_PAIRS:
        return True
    pos = _key_positions()
    if a not in pos or b not in pos or a == b:
        return False
    (xa, ra), (xb, rb) = pos[a], pos[b]
    return abs(ra - rb) <= 1 and abs(xa - xb) <= 1.0


@cache
def _near_letters() -> dict[str, str]:
    return {a: "".join(b for b in ALPHABET if near_keys(a, b)) for a in ALPHABET}


def _extra_cost(typed: str, i: int) -> float:
    """Cost of typed[i] being a stray letter: cheap if it doubles or neighbours
    the letter before or after it."""
    c = typed[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(typed) and (typed[j] == c or near_keys(typed[j], c)):
            return EXTRA_NEAR
    return EXTRA_FAR


def _dropped_cost(cand: str, j: int) -> float:
    c = cand[j]
    if (j > 0 and cand[j - 1] == c) or (j + 1 < len(cand) and cand[j + 1] == c):
        return DROPPED_DOUBLE
    return DROPPED


@lru_cache(maxsize=50_000)
def keyboard_distance(typed: str, cand: str) -> float:
    """Weighted optimal-string-alignment distance from what was typed to `cand`."""
    a, b = typed.lower(), cand.lower()
    n, m = len(a), len(b)
    # The costs of a stray or a dropped letter depend on the position only: once
    # per row and column, not once per cell.
    dropped = [_dropped_cost(b, j) for j in range(m)]
    prev2: list[float] = []
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + dropped[j - 1]
    for i in range(1, n + 1):
        ac, extra = a[i - 1], _extra_cost(a, i - 1)
        cur = [prev[0] + extra] + [0.0] * m
        for j in range(1, m + 1):
            bc = b[j - 1]
            if ac == bc:
                sub = prev[j - 1]
            else:
                near = near_keys(ac, bc)
                sub = prev[j - 1] + (SUBSTITUTE_NEAR if near else SUBSTITUTE_FAR)
            best = min(sub, prev[j] + extra, cur[j - 1] + dropped[j - 1])
            if (i > 1 and j > 1 and ac == b[j - 2] and a[i - 2] == bc
                    and ac != a[i - 2]):
                best = min(best, prev2[j - 2] + TRANSPOSE)
            cur[j] = best
        prev2, prev = prev, cur
    return prev[m]


def edits1(word: str) -> set[str]:
    """Every string one delete, transpose, substitution or insert away."""
    w = word.lower()
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    for a, b in splits:
        out.update(_inserted(a, ALPHABET, b))
        if b:  # with b[0] itself this gives the word, discarded below
            out.update(_inserted(a, ALPHABET, b[1:]))
    out.discard(w)
    return out


def _inserted(head: str, letters: str, tail: str) -> Iterable[str]:
    """head + c + tail for each letter c, made in C (itertools, str.join): the
    edits of one unknown word are a few thousand strings, and a generator
    expression's bytecode per string was most of their cost."""
    return map("".join, product((head,), letters, (tail,)))


def _typo_edits(word: str) -> set[str]:
    """One slip of the kinds people make (any letter dropped, a near key hit, two
    keys swapped, an extra letter): fewer strings than edits1 for the costly
    Hunspell-checked searches."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = _near_edits(word)
    for a, b in splits:
        out.update(_inserted(a, ALPHABET, b))
    out.discard(word)
    return out


def _near_edits(word: str) -> set[str]:
    """The cheap typo edits only (no far substitutions or inserts): a second step
    from each one-edit string stays small enough to enumerate."""
    w = word
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    near = _near_letters()
    for a, b in splits:
        if b:
            out.update(_inserted(a, near.get(b[0], ""), b[1:]))
        if a:
            out.add(a + a[-1] + b)  # a dropped double letter
    return out


def listed_candidates(word: str, accepts: Callable[[str], bool],
                      two_edits: bool = False) -> set[str]:
    """Edits of `word` that occur in Swedish text and that the speller accepts
    (a capitalised word's candidates are checked capitalised: "Fredrik")."""
    if too_long_to_edit(word):
        return set()
    ok = _acceptor(word, accepts)
    listed = swedish_words().keys()
    # Set intersections in C first: most edits are no word, and only listed ones
    # reach the (costlier) speller.
    found = {c for c in edits1(word) & listed if ok(c)}
    if two_edits:
        found |= two_slip_candidates(word, accepts)
    return found


def one_slip_candidates(word: str, accepts: Callable[[str], bool]) -> set[str]:
    """Listed words one cheap slip from `word` (a dropped letter, a neighbouring key,
    two keys swapped, a stray letter): listed_candidates without the far
    substitutions, for a caller that only wants what costs one keystroke."""
    if too_long_to_edit(word):
        return set()
    ok = _acceptor(word, accepts)
    return {c for c in _typo_edits(word.lower()) & swedish_words().keys() if ok(c)}


def two_slip_candidates(word: str, accepts: Callable[[str], bool]) -> set[str]:
    """The part of listed_candidates(two_edits=True) that is two cheap slips away:
    for a caller that already knows the one-edit part (it is empty when the
    speller's suggest gets here)."""
    if too_long_to_edit(word):
        return set()
    ok = _acceptor(word, accepts)
    listed = swedish_words().keys()
    second: set[str] = set()
    for e in _near_edits(word.lower()):
        second |= _near_edits(e)
    found = {c for c in second & listed if ok(c)}
    found.discard(word.lower())
    return found


def stray_letter_candidates(word: str, accepts: Callable[[str], bool]) -> set[str]:
    """The word without one stray letter, judged by the speller alone ("omstöpefr" ->
    "omstöper"): a rare form Swedish text lists nowhere is still one slip away. Only
    a letter that doubles or neighbours the key beside it: a few Hunspell checks."""
    if too_long_to_edit(word):
        return set()
    ok = _acceptor(word, accepts)
    w = word.lower()
    found = {w[:i] + w[i + 1:] for i in range(1, len(w))
             if _extra_cost(w, i) <= EXTRA_NEAR}
    return {c for c in found if len(c) >= 3 and ok(c)}


def compound_candidates(word: str, accepts: Callable[[str], bool]) -> set[str]:
    """One-edit corrections of a compound that wordfreq has never seen as a whole
    ("hemmatränaen" -> "hemma" + "tränaren"): split where one side is a known word,
    correct the other side as a listed word, and let the speller judge the join.
    Far cheaper than checking every edit of a long word with Hunspell."""
    if too_long_to_edit(word):
        return set()
    ok = _acceptor(word, accepts)
    listed = swedish_words()
    w = word.lower()
    found: set[str] = set()
    for i in range(3, len(w) - 3):
        head, tail = w[:i], w[i:]
        # The head may be a form Hunspell only knows inside compounds
        # ("mellanstadie-"), so the whole join is what gets checked; the cheap
        # frequency-list test keeps Hunspell away from heads that are no word.
        if compound_form(head, listed):
            found.update(head + c for c in edits1(tail) & listed.keys() if ok(head + c))
        if len(tail) >= 5 and ok(tail):
            # The slip is in the head, written in its compound form ("rimlihets-"
            # + "studien"): keep edits that are such a form of a listed word, and
            # let Hunspell judge each whole join.
            found.update(c + tail for c in _typo_edits(head)
                         if compound_form(c, listed) and ok(c + tail))
    found.discard(w)
    return found


def compound_form(head: str, listed: dict[str, float]) -> bool:
    """A listed word, or one with a linking s or e, or in its -u/-o/-e form
    ("rimlighets-", "råvaru-", "kyrko-", "mellanstadie-")."""
    if head in listed:
        return True
    stem = head[:-1]
    last = head[-1:]
    return ((last in ("s", "e") and stem in listed)
            or (last in ("u", "o", "e") and stem + "a" in listed)
            or head + "t" in listed)


def _acceptor(word: str, accepts: Callable[[str], bool]) -> Callable[[str], bool]:
    if word[:1].isupper():
        return lambda c: accepts(c) or accepts(c[:1].upper() + c[1:])
    return accepts


def score(typed: str, cand: str) -> float:
    """Lower is better: how likely the misspelling is for the candidate (keyboard
    slips and Swedish spelling by ear, proofer.error_model), then frequency, then
    the first letter and the sound."""
    from proofer import error_model  # it builds on this module's keyboard costs

    s = error_model.spelling_cost(typed, cand) - FREQUENCY_WEIGHT * _frequency(cand)
    t, c = typed.lower(), cand.lower()
    # (A space is no sound, but writing apart is no spelling by ear either.)
    same_sound = " " not in c and error_model.phonetic_key(t) == error_model.phonetic_key(c)
    # A wrong first letter is rare; a dropped or doubled first letter is not
    # ("nder" for "under", "sgäer" keeps its s anyway), nor one that sounds the
    # same ("jälpa" for "hjälpa").
    if (t[:1] != c[:1] and t[:1] != c[1:2] and t[1:2] != c[:1]
            and error_model.phonetic_key(t)[:1] != error_model.phonetic_key(c)[:1]):
        s += FIRST_LETTER
    if same_sound:
        s -= SAME_SOUND
    if "-" in cand and "-" not in typed:
        s += SPLIT
    return s


def _frequency(cand: str) -> float:
    """A phrase ("i så fall") is rarer than its rarest word: each word after the
    first follows it in about 1 in 100 of its uses."""
    if " " not in cand:
        return zipf(cand)
    parts = cand.split()
    return min(zipf(p) for p in parts) - PHRASE_STEP * (len(parts) - 1)


def rank(typed: str, candidates: Iterable[str]) -> list[str]:
    """Best first, in the case of the typed word ("Frderik" -> "Fredrik")."""
    capital = typed[:1].isupper()
    seen: set[str] = set()
    ranked = []
    for c in sorted(set(candidates), key=lambda c: (score(typed, c), c)):
        if capital and c[:1].islower():
            c = c[:1].upper() + c[1:]
        if c not in seen and c != typed:
            seen.add(c)
            ranked.append(c)
    return ranked
