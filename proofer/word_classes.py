"""Word classes written with a small letter in Swedish running text: weekdays,
months, languages and nationalities (resources/words/word_classes.yaml); and the
closed classes (pronouns, prepositions, conjunctions), which are never names; and
the nouns that name a word or a language ("språket jiwarli").

Svenska skrivregler keeps them lower case ("i måndags", "på svenska", "en svensk"),
unlike English; learners and hurried writers capitalise them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from proofer.morphology import lexicon
from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[1] / "resources" / "words" / "word_classes.yaml"
CLASSES = ("weekdays", "months", "languages", "nationalities")


@cache
def forms() -> dict[str, str]:
    """Every inflected form (lower case) -> its class."""
    data = read_yaml(DATA)
    out: dict[str, str] = {}
    for cls in CLASSES:
        entry = data[cls]
        for word in entry["words"]:
            for ending in entry["forms"]:
                out.setdefault(str(word) + str(ending), cls)
    return out


def word_class(word: str) -> str | None:
    return forms().get(word.lower())


def is_function_word(word: str) -> bool:
    """Pronouns, prepositions, conjunctions and the like: the grammar checkers' own
    closed-class list (resources/grammar/swedish.yaml)."""
    return word.lower() in lexicon().function_words


def is_language(word: str) -> bool:
    return word_class(word) == "languages"


@cache
def _naming_nouns() -> frozenset[str]:
    entry = read_yaml(DATA)["naming_nouns"]
    return frozenset(str(w) + str(e) for w in entry["words"] for e in entry["forms"])


def is_naming_noun(word: str) -> bool:
    """"språket", "ordet", "termen": the next word is the one it names. (Not one of
    CLASSES: these nouns have no rule for their capital.)"""
    return word.lower() in _naming_nouns()
