"""The split-compound checker runs its own examples: each wrong example gives exactly
one finding over both words (space included) with the joined word; each right one
gives none."""

from __future__ import annotations

import pytest

from proofer.checkers.grammar import morphology_or_none
from proofer.checkers.split_compounds import (
    EXAMPLES_RIGHT,
    EXAMPLES_WRONG,
    SplitCompoundChecker,
    written_apart,
)
from proofer.finding import Category
from proofer.morphology import is_adjective_like
from proofer.speller import Speller
from tests.marked import unmark


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


@pytest.fixture(scope="module")
def checker(speller: Speller) -> SplitCompoundChecker:
    return SplitCompoundChecker(speller)


@pytest.mark.parametrize(("marked", "correction"), EXAMPLES_WRONG)
def test_wrong_example_is_flagged(checker: SplitCompoundChecker, marked: str,
                                  correction: str) -> None:
    text, start, end = unmark(marked)
    found = checker.check_paragraph(text)
    assert [(f.start, f.end, f.suggestions[0]) for f in found] == [(start, end, correction)]
    assert found[0].category is Category.GRAMMAR
    assert found[0].rule == "grammar.split-compound"
    assert " " in found[0].text


@pytest.mark.parametrize("text", EXAMPLES_RIGHT)
def test_right_example_is_quiet(checker: SplitCompoundChecker, text: str) -> None:
    assert checker.check_paragraph(text) == []


def test_sentence_initial_split_keeps_the_capital(checker: SplitCompoundChecker) -> None:
    found = checker.check_paragraph("Vålds brott ökar i landet.")
    assert [f.suggestions[0] for f in found] == ["Våldsbrott"]


@pytest.mark.parametrize(("word", "adjective"), [
    ("stor", True), ("svensk", True), ("fri", True), ("små", True), ("tidigare", True),
    ("mark", False), ("region", False), ("väst", False), ("matematik", False),
])
def test_adjective_probe(speller: Speller, word: str, adjective: bool) -> None:
    assert is_adjective_like(word, speller.hunspell_knows) is adjective


def test_every_example_list_is_non_empty() -> None:
    assert len(EXAMPLES_WRONG) >= 5 and len(EXAMPLES_RIGHT) >= 3


@pytest.mark.parametrize(("marked", "correction"), written_apart().examples)
def test_written_apart_example_is_flagged(checker: SplitCompoundChecker, marked: str,
                                          correction: str) -> None:
    """The other kinds (resources/spelling/written_apart.yaml) rest on the morphology."""
    if morphology_or_none() is None:
        pytest.skip("morfologikomponenten saknas")
    text, start, end = unmark(marked)
    found = checker.check_paragraph(text)
    assert [(f.start, f.end, f.suggestions[0]) for f in found] == [(start, end, correction)]


@pytest.mark.parametrize("text", written_apart().right)
def test_written_apart_look_alike_is_quiet(checker: SplitCompoundChecker, text: str) -> None:
    assert checker.check_paragraph(text) == []


@pytest.mark.parametrize(("text", "flagged", "suggestion"), [
    ("Hon har jobbat på Stockholm kommunen i tre år.", "Stockholm kommunen",
     "Stockholms kommun"),
    ("Han flyttade till Malmö staden i fjol.", "staden", "stad"),
])
def test_a_place_name_and_administrative_noun_get_one_right_suggestion(
        speller: Speller, text: str, flagged: str, suggestion: str) -> None:
    """"Stockholm kommunen" is the name "Stockholms kommun", not the compound
    "Stockholmskommunen": with both checkers in one engine the user sees the
    definiteness rule's correction only (the merge would otherwise keep the
    compound's longer span first)."""
    from proofer.checkers.grammar import GrammarChecker
    from proofer.engine import Engine

    found = Engine([SplitCompoundChecker(speller), GrammarChecker()]).check(text).findings
    assert [(f.text, f.suggestions[:1], f.rule.split(".")[0]) for f in found] == [
        (flagged, (suggestion,), "definiteness")]
