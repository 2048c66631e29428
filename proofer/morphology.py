"""Just enough Swedish morphology for the grammar checkers.

We have no tagger, so word classes come from two cheap sources: closed-class word
lists (resources/grammar/swedish.yaml) and inflection probes against Hunspell
("stor" is an adjective because "stora" and "stort" are words). Both err towards
"don't know", which the checkers treat as "don't flag".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from proofer.frequency import zipf
from proofer.yaml_data import read_yaml

GRAMMAR_FILE = Path(__file__).resolve().parent.parent / "resources" / "grammar" / "swedish.yaml"

Known = Callable[[str], bool]


@dataclass(frozen=True)
class Lexicon:
    function_words: frozenset[str]
    genitive_determiners: frozenset[str]
    measure_nouns: frozenset[str]
    adjectives: frozenset[str]
    modal_verbs: frozenset[str]
    modal_adverbs: frozenset[str]
    prepositions: frozenset[str]
    irregular_present: dict[str, str]
    strong_preterite: dict[str, str]


@cache
def lexicon(path: Path = GRAMMAR_FILE) -> Lexicon:
    """The word lists, loaded once; a broken file is a programming error, so it raises."""
    data = read_yaml(path)
    sets = {k: frozenset(str(w).lower() for w in data[k])
            for k in ("function_words", "genitive_determiners", "measure_nouns", "adjectives",
                      "modal_verbs", "modal_adverbs", "prepositions")}
    return Lexicon(**sets,
                   irregular_present={str(k): str(v) for k, v in data["irregular_present"].items()},
                   strong_preterite={str(k): str(v) for k, v in data["strong_preterite"].items()})


def is_adjective_like(word: str, known: Known) -> bool:
    """True when `word` inflects like an adjective or is listed.

    Hunspell's compounding makes many nouns look inflected ("kval" + "a" is the
    verb "kvala"), so one form is not enough: an adjective has the -a, -t and
    definite -e forms (stor/stora/stort/store) or a comparative (god/godare/godast).
    """
    w = word.lower()
    if _adjective_by_form(w):
        return True
    if known(w + "a") and (known(w + "t") or known(w + "tt")) and known(w + "e"):
        return True
    return known(w + "are") and known(w + "ast")


def adjective_by_form(word: str) -> bool:
    """is_adjective_like or is_inflected_adjective from the word lists and endings
    alone, with no Hunspell probe: for a caller that can skip costlier tests when
    this already says yes."""
    w = word.lower()
    return _adjective_by_form(w) or any(_adjective_by_form(b) for b in _inflected_bases(w))


def _adjective_by_form(w: str) -> bool:
    return w in lexicon().adjectives or w.endswith(
        ("isk", "ig", "lig", "sam", "bar", "ande", "ende", "are", "ast", "aste"))


def is_inflected_adjective(word: str, known: Known) -> bool:
    """True for the -a and -t forms of an adjective ("svenska", "nya", "allmänt",
    "nytt"): the first part of a compound is an adjective's base form ("nyår",
    "storstad"), never one of these."""
    return any(is_adjective_like(base, known) for base in _inflected_bases(word.lower()))


def _inflected_bases(w: str) -> list[str]:
    """The base forms `w` would have as an adjective's -a, -tt or -t form."""
    return [w[: -len(ending)] for ending in ("a", "tt", "t")
            if w.endswith(ending) and len(w) - len(ending) >= 2]


def present_to_infinitive(word: str, known: Known | None = None) -> str | None:
    """The infinitive a present tense form most likely belongs to, or None.

    Without `known` this is a guess from the form alone. With it, the candidates
    (the regular rule, and a compound of an irregular verb: "inser" -> "inse",
    "bidrar" -> "bidra") are checked and the most common known one wins.
    """
    w = word.lower()
    irregular = lexicon().irregular_present
    if w in irregular:
        return irregular[w]
    if len(w) < 4 or not w.endswith("r"):
        return None
    candidates = [c for c in (_regular_infinitive(w),) if c]
    if known is None:
        return candidates[0] if candidates else None
    for k in range(len(w) - 3, 0, -1):
        tail = w[k:]
        if tail in irregular and len(tail) >= 3:
            candidates.append(w[:k] + irregular[tail])
            break
    real = [c for c in candidates if known(c)]
    return max(real, key=zipf) if real else None


def _regular_infinitive(w: str) -> str | None:
    if w.endswith("ar"):
        return w[:-1]  # lockar -> locka
    if w.endswith("er"):
        return w[:-2] + "a"  # köper -> köpa
    if w.endswith(("ör", "är")):
        return w[:-1] + "a"  # kör -> köra (the irregular list covers most)
    if w.endswith(("år", "ir", "or", "yr", "ur")):
        return w[:-1]  # förstår -> förstå
    return None


def preterite_to_supine(word: str) -> str | None:
    return lexicon().strong_preterite.get(word.lower())


def match_case(model: str, word: str) -> str:
    """`word` with the first letter's case of `model` ("Ska" -> "Vara")."""
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
