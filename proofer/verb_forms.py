"""A verb inflected the regular way where it has a form of its own.

"komde", "springde", "gådde", "köpde", "skrivat", "kunnit": the commonest
inflection error (SAG 2, verbens böjning) puts a regular ending on a strong or
irregular verb, or the ending of another conjugation on a weak one. The word is
unknown to the speller, and its nearest spellings are other words ("kom de",
"sprängde", "gödde"), but what the writer meant is the same verb in the same tense:
its rest is the verb's stem, and the morphology's generator knows the real form
("sprang", "gick", "köpte", "skrivit", "kunnat"). The endings and which verbs they
apply to are in resources/spelling/regular_verb_endings.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[1] / "resources" / "spelling" / "regular_verb_endings.yaml"
MIN_STEM = 2  # "gå" + "dde"; a shorter rest fits any word by chance, and before a
# one-letter ending one more ("tat" is "att" mistyped more often than "ta" + "t")

#: (words) -> each word's readings out of context
Readings = Callable[[list[str]], dict[str, Sequence[Any]]]
#: (lemma, tags) -> the forms
Generate = Callable[[str, Sequence[str]], list[str]]


@dataclass(frozen=True)
class Ending:
    ending: str  # the regular ending the writer used
    infinitive: str  # added to the rest for the infinitive
    form: tuple[str, ...]  # the tags of the real form
    first_conjugation: bool  # whether a verb with its past tense in -ade counts


@cache
def endings() -> tuple[Ending, ...]:
    """Longest ending first: "gådde" is "gå" + "dde" before it is "gåd" + "de"."""
    out = [Ending(str(e["ending"]), str(e["infinitive"]), tuple(str(e["form"]).split()),
                  bool(e["first_conjugation"]))
           for e in read_yaml(DATA)["endings"]]
    return tuple(sorted(out, key=lambda e: -len(e.ending)))


@cache
def _shape() -> re.Pattern[str]:
    ends = "|".join(sorted({re.escape(e.ending) for e in endings()}, key=len, reverse=True))
    return re.compile(rf"[^\W\d_]{{{MIN_STEM},}}(?:{ends})", re.IGNORECASE)


def may_be_regularised(word: str) -> bool:
    """Cheap test: the word ends in one of the endings after a stem of letters."""
    return bool(_shape().fullmatch(word))


def stems(word: str) -> list[tuple[str, Ending]]:
    """The infinitives or imperatives the word may be built on, with the ending
    used: "springde" -> [("springa", de), ("spring", de)]; more where endings
    overlap ("gådde": "gå" + dde, "gåda" + de)."""
    w = word.lower()
    out = []
    for e in endings():
        if w.endswith(e.ending) and len(w) - len(e.ending) >= MIN_STEM + (len(e.ending) == 1):
            rest = w[:len(w) - len(e.ending)]
            out.append((rest + e.infinitive, e))
            if e.infinitive:
                out.append((rest, e))  # the imperative: "kom" (komma) + "de"
    return out


def real_forms(words: Sequence[str], readings: Readings, generate: Generate
               ) -> dict[str, str]:
    """For each word that is a verb inflected the regular way, the verb's real form
    of that tense, in the word's case ("Komde" -> "Kom"). One call of `readings`
    for all the candidate infinitives."""
    wanted = {w: stems(w) for w in words if may_be_regularised(w)}
    infinitives = sorted({inf for found in wanted.values() for inf, _ in found})
    if not infinitives:
        return {}
    known = readings(infinitives)
    out: dict[str, str] = {}
    for word, found in wanted.items():
        for inf, ending in found:
            form = _real_form(word, inf, ending, known.get(inf, ()), generate)
            if form:
                out[word] = form
                break
    return out


def _real_form(word: str, infinitive: str, ending: Ending, tokens: Sequence[Any],
               generate: Generate) -> str | None:
    """The verb's form with the ending's tags, when `infinitive` is read (alone) as
    one verb's infinitive, imperative or past tense and that form is not what was
    written."""
    lemmas = {r.lemma for t in tokens for r in t.readings
              if r.tags[:1] == ("vblex",) and "actv" in r.tags}
    if len(tokens) != 1 or len(lemmas) != 1:
        return None
    (lemma,) = lemmas
    # the rest is the verb's infinitive, its imperative or its past tense ("kom" +
    # "de"), whichever reading the tagger gave the word alone
    if infinitive != lemma and infinitive not in (
            *generate(lemma, ("vblex", "imp", "actv")),
            *generate(lemma, ("vblex", "past", "actv"))):
        return None
    if not ending.first_conjugation:
        past = generate(lemma, ("vblex", "past", "actv"))
        if not past or past[0].endswith("ade"):
            return None
    forms = generate(lemma, ending.form)
    if not forms or forms[0].lower() == word.lower():
        return None
    form = forms[0]
    return form[:1].upper() + form[1:] if word[:1].isupper() else form
