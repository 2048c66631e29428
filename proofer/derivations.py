"""Regular derivations: evidence that a word the dictionary lacks is a real word.

Hunspell's list cannot hold every word Swedish forms with a productive suffix
("translationell" from "translation", as "funktionell" from "funktion"). A word
that is a word the speller accepts plus one of the suffixes in
resources/spelling/derivations.yaml, joined the regular way, is formed by the rules
of the language: that is evidence that it is right, which a misspelling (a wrong
letter in the base, or a wrong joint) does not have. How common the word is plays
no part.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[1] / "resources" / "spelling" / "derivations.yaml"
MIN_BASE = 4  # a base shorter than this fits too many words by chance


@dataclass(frozen=True)
class Derivation:
    name: str
    bases: tuple[str, ...]  # how the base word ends
    drop: str  # what the suffix replaces at the end of the base
    endings: tuple[str, ...]  # the derived word's endings, suffix with inflection
    examples: tuple[tuple[str, str], ...]
    wrong: tuple[str, ...]


@cache
def derivations() -> tuple[Derivation, ...]:
    out = []
    for d in read_yaml(DATA)["derivations"]:
        make = str(d["make"])
        out.append(Derivation(
            name=str(d["name"]),
            bases=tuple(str(b) for b in d["base"]),
            drop=str(d.get("drop", "")),
            endings=tuple(make + str(f) for f in d["forms"]),
            examples=tuple((str(a), str(b)) for a, b in d.get("examples", ())),
            wrong=tuple(str(w) for w in d.get("not", ())),
        ))
    return tuple(out)


def base_of(word: str, known: Callable[[str], bool]) -> tuple[str, Derivation] | None:
    """The accepted base word `word` is derived from, with the derivation, or None."""
    w = word.lower()
    for d in derivations():
        for ending in d.endings:
            if not w.endswith(ending):
                continue
            base = w[:len(w) - len(ending)] + d.drop
            if len(base) >= MIN_BASE and base.endswith(d.bases) and known(base):
                return base, d
    return None
