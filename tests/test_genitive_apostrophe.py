"""The genitive apostrophe ("Volvo's" -> "Volvos"): the examples in
resources/spelling/genitive_apostrophe.yaml run here, on the checker alone and in the
whole engine (where the name checker must not explain "Sverige's" as an unknown
place name), with the evidence that makes a finding a claim or a hint."""

from __future__ import annotations

import pytest

from proofer.checkers.genitive_apostrophe import GenitiveApostropheChecker, data
from proofer.checkers.registry import build_engine
from proofer.engine import Engine
from proofer.finding import Category, Severity
from proofer.settings import Settings
from proofer.speller import Speller
from tests.marked import unmark

WRONG = data().wrong
RIGHT = data().right


@pytest.fixture(scope="module")
def checker() -> GenitiveApostropheChecker:
    return GenitiveApostropheChecker(Speller([]))


@pytest.fixture(scope="module")
def engine() -> Engine:
    return build_engine(Settings(languagetool_mode="off"))


@pytest.mark.parametrize("example", WRONG, ids=lambda e: e["text"])
def test_wrong_example_is_claimed(checker: GenitiveApostropheChecker, example: dict) -> None:
    text, start, end = unmark(example["text"])
    found = checker.check_paragraph(text)
    assert [(f.start, f.end, f.suggestions[0]) for f in found] == [
        (start, end, example["correction"])]
    assert found[0].severity is Severity.ERROR and found[0].category is Category.SPELLING


@pytest.mark.parametrize("example", WRONG, ids=lambda e: e["text"])
def test_the_engine_shows_one_genitive_finding(engine: Engine, example: dict) -> None:
    text, start, end = unmark(example["text"])
    at_span = [f for f in engine.check(text).findings if f.start < end and start < f.end]
    assert [(f.rule, f.suggestions[0]) for f in at_span] == [
        ("spelling.genitive-apostrophe", example["correction"])]


@pytest.mark.parametrize("sentence", RIGHT)
def test_right_example_is_quiet(checker: GenitiveApostropheChecker, sentence: str) -> None:
    assert checker.check_paragraph(sentence) == []


def test_an_unknown_name_gets_a_hint_not_a_claim(checker: GenitiveApostropheChecker) -> None:
    """"Zlorbak's": no evidence it is a Swedish word or name, and a foreign name may
    be spelt with the apostrophe: the writer decides."""
    found = checker.check_paragraph("Hon köpte Zlorbak's nya telefon.")
    assert [(f.text, f.severity, f.suggestions) for f in found] == [
        ("Zlorbak's", Severity.INFO, ("Zlorbaks",))]


def test_a_name_in_the_users_word_list_is_left_alone() -> None:
    """An admin or user who adds the name with its apostrophe has settled it."""
    checker = GenitiveApostropheChecker(Speller(["Volvo's"]))
    assert checker.check_paragraph("Volvo's nya modell visades.") == []


def test_a_listed_name_of_several_words_is_left_alone(checker: GenitiveApostropheChecker
                                                       ) -> None:
    assert checker.check_paragraph("Enligt Standard & Poor’s sänks betyget.") == []
