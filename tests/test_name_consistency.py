"""One person, two spellings in one article: the spelling written less often is
reported with the other as its suggestion; names that sound different, or that the
article never names in full, are left alone."""

from __future__ import annotations

import pytest

from proofer.checkers.name_consistency import NameConsistencyChecker, name_key
from proofer.engine import Engine
from proofer.speller import Speller


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine([NameConsistencyChecker(Speller([]))])


def _claims(engine: Engine, text: str) -> list[tuple[str, str]]:
    return [(f.text, f.suggestions[0]) for f in engine.check(text).findings]


@pytest.mark.parametrize(("a", "b"), [
    ("Lindqvist", "Lindkvist"), ("Andersson", "Anderson"), ("Carlsson", "Karlsson"),
    ("Mikael", "Michael"), ("Filip", "Philip"), ("Eriksson", "Ericsson"),
    ("Thomas", "Tomas"), ("Zetterberg", "Setterberg"), ("Wikström", "Vikström"),
    ("Persson", "Pehrsson"), ("Lindahl", "Lindal"), ("Bohlin", "Bolin"), ("Hjalmar", "Jalmar"),
])
def test_spellings_that_sound_alike_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Hansson", "Jansson"), ("Larsson", "Karlsson"), ("Lind", "Lund"), ("Åberg", "Aberg"),
    ("Johan", "Joan"), ("Sahlin", "Salén"),
])
def test_names_that_sound_different_do_not(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_the_surname_written_once_otherwise_is_reported(engine: Engine) -> None:
    text = ("Kommunalrådet Anna Lindqvist (S) vill bygga fler bostäder. Enligt Lindqvist "
            "är behovet stort.\n\n– Vi har inget val, säger Anna Lindkvist.")
    assert _claims(engine, text) == [("Lindkvist", "Lindqvist")]


def test_a_surname_alone_and_a_genitive_count_for_the_person(engine: Engine) -> None:
    text = ("Utredaren Per Andersson leder arbetet. Anderssons förslag väntas i maj, och "
            "enligt Anderson är det klart.")
    assert _claims(engine, text) == [("Anderson", "Andersson")]


def test_a_first_name_spelt_two_ways_for_one_surname(engine: Engine) -> None:
    text = ("Mikael Johansson tog över. Senare sa Michael Johansson att han trivs, och "
            "Mikael Johansson log.")
    assert _claims(engine, text) == [("Michael", "Mikael")]


def test_at_a_tie_the_first_spelling_is_taken_as_meant(engine: Engine) -> None:
    text = "Eva Carlsson var där.\n\nEfteråt sa Eva Karlsson att det gick bra."
    assert _claims(engine, text) == [("Karlsson", "Carlsson")]


@pytest.mark.parametrize("text", [
    "Anna Hansson och Anna Jansson vann var sin klass.",  # they sound different
    "Kommunalrådet Anna Lindqvist talade. Enligt Lindqvist är behovet stort.",
    "Mikael Johansson och Micke Johansson är bröder.",  # a pet name is not a spelling
    "Karl Lindqvist och Anna Lindkvist är inte släkt.",  # two people, two first names
    "I går talade Karl Lindqvist och Anna Lindkvist.",
    "Enligt Lindqvist är det klart, men Lindkvist håller inte med.",  # never in full
])
def test_what_is_not_one_person_spelt_two_ways_is_quiet(engine: Engine, text: str) -> None:
    assert _claims(engine, text) == []


def test_a_person_introduced_at_a_sentence_start_counts_when_named_so_again(
        engine: Engine) -> None:
    """"Per" is also a word (per styck): at a sentence's start "Per Andersson" was no
    full name, so a later "sa Per Anderson" had nothing to be compared with."""
    text = ("Per Andersson, vd för bolaget, säger att beskedet kom.\n\n"
            "Senare sa Per Anderson att beskedet var väntat.")
    assert _claims(engine, text) == [("Anderson", "Andersson")]
    # a common word opening a sentence before a name is no first name of its own
    assert _claims(engine, "Enligt Lindqvist är det klart. Senare sa Per Lindkvist nej.") == []


def test_a_re_check_gives_the_same_findings(engine: Engine) -> None:
    text = "Utredaren Per Andersson leder arbetet.\n\nEnligt Per Anderson är det klart."
    first = _claims(engine, text)
    assert first == [("Anderson", "Andersson")] and _claims(engine, text) == first
