"""Verbs inflected the regular way get their own form first (proofer.verb_forms),
on the real analyser and through the spelling checker's refinement."""

from __future__ import annotations

import pytest

from proofer import verb_forms
from proofer.checkers.spelling import _real_verb_form_first
from proofer.finding import Category, Finding, Severity
from proofer.morph import get_morphology


def _real(words: list[str]) -> dict[str, str]:
    morph = get_morphology()
    assert morph.status == "ok", morph.status

    def readings(ws: list[str]) -> dict:
        return dict(zip(ws, morph.analyse_many(ws), strict=True))

    return verb_forms.real_forms(words, readings, morph.generate)


@pytest.mark.parametrize(("word", "form"), [
    ("komde", "kom"),          # strong verb, the ending on its imperative/past
    ("springde", "sprang"),
    ("gådde", "gick"),         # a stem ending in a vowel takes -dde
    ("Skrivde", "Skrev"),      # the word's case kept
    ("köpde", "köpte"),        # the other ending of the second conjugation
    ("byggte", "byggde"),
    ("sjungade", "sjöng"),     # the first conjugation's ending on a strong verb
    ("springat", "sprungit"),  # supine
    ("kunnit", "kunnat"),
    ("gådd", "gått"),          # the participle's ending for the supine
])
def test_regular_form_gives_the_verbs_own(word: str, form: str) -> None:
    assert _real([word]) == {word: form}


@pytest.mark.parametrize("word", [
    "vilde",      # "ville" mistyped: "vila" (first conjugation) takes -ade, not -de
    "spelde",     # the same: "spelade"
    "tat",        # "att" mistyped, not "ta" + "t"
    "kompetent",  # no verb "kompetena"
    "funit",      # no verb "funa"
])
def test_no_verb_or_a_first_conjugation_verb_gives_nothing(word: str) -> None:
    assert _real([word]) == {}


def test_the_verbs_form_goes_first_in_the_finding() -> None:
    f = Finding(5, 10, "komde", Category.SPELLING, "spelling.unknown-word",
                "Okänt ord – menade du kom de?", ("kom de",), Severity.ERROR)
    got = _real_verb_form_first(f, {"komde": "kom"})
    assert got.suggestions == ("kom", "kom de")
    assert "kom?" in got.message
    other = Finding(5, 10, "komde", Category.SPELLING, "capitals.sentence-start", "",
                    ("Komde",), Severity.ERROR)
    assert _real_verb_form_first(other, {"komde": "kom"}) is other
