"""How the spelling checker does on misspellings of the kinds Swedish writers make,
in words it has never been tuned on: a stand-in for the held-out half of the real sets.

The real sets' held-out half uses other misspellings than the development half, so a
figure on the development words says little about it. This benchmark makes its own:
common Swedish words (wordfreq's Swedish list, Zipf 3-5.5, words Hunspell knows; no
word is taken from the eval sets), each misspelt by one error of a kind the issue names
(a double consonant written single or a single one double, -tion/-ssion, the sj-, tj- and
j-sounds, e/ä, o/å, ck/k, dots and rings left off, a letter dropped or added in a long
word). A word is drawn for a kind only where the kind applies, by a seeded generator,
so every run measures the same misspellings.

For each misspelling, in a neutral sentence, the spelling checker must *find* it (a
claim, not a hint) and should put the word meant *first*. Misspellings that are
themselves words (Hunspell knows them and Swedish text uses them) are real-word errors,
not this checker's business: they are left out. How common the misspelling is on the
web does not matter: common misspellings are common. A misspelling Hunspell accepts although
Swedish text never uses it (its compounding lets "ändvända" through) is a miss.

    .venv/bin/python benchmarks/misspelling_kinds.py [--per-kind N] [--seed S] [--by-use]
                                                     [--at-start] [--show]

Words are drawn all alike by default (as in a list of misspellings, rare words as often
as common ones); --by-use draws them as often as Swedish text uses them (a misspelt word
in running text is more often a common one). --at-start puts each misspelling first in
its sentence, with a capital (which may be a name's, and must not spare a slip).

--show prints each miss and each wrong first suggestion (the generated words, not eval
data), to see which ranking goes wrong.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proofer.checkers.spelling import SpellingChecker  # noqa: E402
from proofer.finding import Severity  # noqa: E402
from proofer.frequency import swedish_words, zipf  # noqa: E402
from proofer.speller import Speller  # noqa: E402

VOWELS = "aeiouyåäö"
FRONT = "eiyäö"
SHORT_VOWEL_CONSONANTS = "bdfgklmnprstv"

# A misspelling kind: the word -> the ways this kind can misspell it.
Kind = Callable[[str], list[str]]


def _subs(word: str, pattern: str, repl: str) -> list[str]:
    """Each match of `pattern` replaced on its own (one error per misspelling)."""
    out = []
    for m in re.finditer(pattern, word):
        out.append(word[:m.start()] + m.expand(repl) + word[m.end():])
    return out


def double_to_single(w: str) -> list[str]:
    return _subs(w, r"([bcdfghjklmnpqrstvxz])\1", r"\1")


def single_to_double(w: str) -> list[str]:
    # A consonant between a vowel and a vowel or the end, not already doubled.
    pat = rf"(?<=[{VOWELS}])([{SHORT_VOWEL_CONSONANTS}])(?=[{VOWELS}]|$)"
    return [s for s in _subs(w, pat, r"\1\1") if not re.search(r"(.)\1\1", s)]


def tion(w: str) -> list[str]:
    return (_subs(w, r"tion", "ssion") + _subs(w, r"tion", "sion")
            + _subs(w, r"ssion", "tion") + _subs(w, r"(?<!s)sion", "tion"))


def sj_sound(w: str) -> list[str]:
    return (_subs(w, r"^sj", "sk") + _subs(w, r"^sj", "stj") + _subs(w, r"^sj", "ch")
            + _subs(w, rf"^sk(?=[{FRONT}])", "sj") + _subs(w, r"^stj", "sj")
            + _subs(w, r"^skj", "sj") + _subs(w, r"^ch", "sj"))


def tj_sound(w: str) -> list[str]:
    # "tj" read as "k" only where "k" says tj: before a front vowel ("tjänst", "känsla").
    return (_subs(w, rf"^tj(?=[{FRONT}])", "k") + _subs(w, r"^tj", "kj")
            + _subs(w, rf"^k(?=[{FRONT}])", "tj") + _subs(w, r"^kj", "tj"))


def j_sound(w: str) -> list[str]:
    return (_subs(w, r"^(?:hj|dj|gj|lj)", "j") + _subs(w, rf"^g(?=[{FRONT}])", "j")
            + _subs(w, r"^j", "g") + _subs(w, r"(?<=[lr])g$", "j")
            + _subs(w, r"(?<=[äe])g(?=[st]?$)", "j"))


def e_ae(w: str) -> list[str]:
    return _subs(w, r"e", "ä") + _subs(w, r"ä", "e")


def o_aa(w: str) -> list[str]:
    return _subs(w, r"o", "å") + _subs(w, r"å", "o")


def ck_k(w: str) -> list[str]:
    return _subs(w, r"ck", "k") + _subs(w, rf"(?<=[{VOWELS}])k(?=[{VOWELS}])", "ck")


def dots_and_rings(w: str) -> list[str]:
    return _subs(w, r"[åä]", "a") + _subs(w, r"ö", "o")


def dropped_in_long_word(w: str) -> list[str]:
    if len(w) < 9:
        return []
    return [w[:i] + w[i + 1:] for i in range(2, len(w) - 2) if w[i] != w[i - 1]]


def added_in_long_word(w: str) -> list[str]:
    if len(w) < 9:
        return []
    return [w[:i] + w[i - 1] + w[i:] for i in range(3, len(w) - 2)
            if w[i - 1] in VOWELS and w[i] not in VOWELS]


def two_by_ear(w: str) -> list[str]:
    """Two errors by ear in one word ("rekomenderad" + "e/ä"): each of the sound
    kinds once, then another on top."""
    once = [m for k in _SOUND_KINDS for m in k(w)]
    return [m2 for m in once for k in _SOUND_KINDS for m2 in k(m) if m2 != w]


_SOUND_KINDS: tuple[Kind, ...] = (double_to_single, single_to_double, tion, sj_sound,
                                  tj_sound, j_sound, e_ae, o_aa, ck_k)

KINDS: dict[str, Kind] = {
    "dubbelteckning bort": double_to_single,
    "dubbelteckning till": single_to_double,
    "-tion/-ssion/-sion": tion,
    "sj-ljudet": sj_sound,
    "tj-ljudet": tj_sound,
    "j-ljudet": j_sound,
    "e/ä": e_ae,
    "o/å": o_aa,
    "ck/k": ck_k,
    "prickar och ringar": dots_and_rings,
    "tappad bokstav (långt ord)": dropped_in_long_word,
    "extra vokal (långt ord)": added_in_long_word,
    "två fel efter gehör": two_by_ear,
}

FRAME = "Vi skrev om {} i går."
# A sentence's first word: the capital may be a name's, which must not spare a slip.
FRAME_AT_START = "{} var det i går."


def word_pool(speller: Speller) -> list[str]:
    """Common Swedish words Hunspell knows, in a fixed order."""
    return sorted(w for w, f in swedish_words().items()
                  if 4 <= len(w) <= 20 and w.isalpha() and w.islower()
                  and 3.0 <= zipf(w) <= 5.5 and speller.hunspell_knows(w))


def draw(speller: Speller, per_kind: int, seed: int,
         by_use: bool = False) -> dict[str, list[tuple[str, str]]]:
    """(misspelling, word meant) pairs per kind; real-word results left out. With
    `by_use` a word is drawn as often as text uses it (a misspelt token in running
    text), else every word alike (the words of a list of misspellings)."""
    rng = random.Random(seed)
    pool = word_pool(speller)
    drawn: dict[str, list[tuple[str, str]]] = {}
    for name, kind in KINDS.items():
        pairs: list[tuple[str, str]] = []
        seen: set[str] = set()
        if by_use:  # a weighted shuffle (Efraimidis-Spirakis): key u ** (1 / weight)
            order = sorted(pool, key=lambda w: rng.random() ** (1 / 10 ** zipf(w)),
                           reverse=True)
        else:
            order = pool[:]
            rng.shuffle(order)
        for w in order:
            options = [m for m in kind(w) if m != w]
            if not options:
                continue
            miss = rng.choice(options)
            if miss in seen or (zipf(miss) > 0 and speller.hunspell_knows(miss)):
                continue  # a word Swedish text uses: a real-word error, not ours
            seen.add(miss)
            pairs.append((miss, w))
            if len(pairs) == per_kind:
                break
        drawn[name] = pairs
    return drawn


def judge(checker: SpellingChecker, miss: str, meant: str,
          at_start: bool = False) -> tuple[bool, bool, str]:
    """(found, right word first, what was offered) for one misspelling."""
    if at_start:
        miss = miss[:1].upper() + miss[1:]
    text = (FRAME_AT_START if at_start else FRAME).format(miss)
    start = text.index(miss)
    for f in checker.check_paragraph(text):
        if f.start <= start < f.end and f.severity is not Severity.INFO:
            first = f.suggestions[0].lower() if f.suggestions else ""
            return True, first == meant, ", ".join(f.suggestions[:3])
    return False, False, "(ingen)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--by-use", action="store_true",
                        help="draw words as often as text uses them, not all alike")
    parser.add_argument("--at-start", action="store_true",
                        help="each misspelling capitalised, as a sentence's first word")
    args = parser.parse_args()
    speller = Speller()
    checker = SpellingChecker(speller)
    drawn = draw(speller, args.per_kind, args.seed, args.by_use)
    total = found_all = first_all = 0
    print(f"{'kind':28} {'n':>4} {'found':>6} {'first':>6}")
    for name, pairs in drawn.items():
        found = first = 0
        for miss, meant in pairs:
            ok, top, offered = judge(checker, miss, meant, args.at_start)
            found += ok
            first += top
            if args.show and not top:
                print(f"   {'MISS' if not ok else 'RANK'} {miss} -> {meant}: {offered}")
        n = len(pairs)
        total += n
        found_all += found
        first_all += first
        print(f"{name:28} {n:4d} {found / n:6.2f} {first / n:6.2f}")
    print(f"{'all':28} {total:4d} {found_all / total:6.2f} {first_all / total:6.2f}")


if __name__ == "__main__":
    main()
