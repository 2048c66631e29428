"""The verb-form checker runs its own examples: each wrong example gives exactly one
finding at the bracketed word with the listed correction; each right one gives none."""

from __future__ import annotations

import pytest

from proofer.checkers.verb_forms import EXAMPLES_RIGHT, EXAMPLES_WRONG, VerbFormChecker
from proofer.finding import Category
from proofer.morphology import present_to_infinitive, preterite_to_supine
from proofer.speller import Speller
from tests.marked import unmark


@pytest.fixture(scope="module")
def checker() -> VerbFormChecker:
    return VerbFormChecker(Speller())


@pytest.mark.parametrize(("marked", "correction"), EXAMPLES_WRONG)
def test_wrong_example_is_flagged(checker: VerbFormChecker, marked: str, correction: str) -> None:
    text, start, end = unmark(marked)
    found = checker.check_paragraph(text)
    assert [(f.start, f.end, f.suggestions[0]) for f in found] == [(start, end, correction)]
    assert found[0].category is Category.GRAMMAR
    assert found[0].text == text[start:end]


@pytest.mark.parametrize("text", EXAMPLES_RIGHT)
def test_right_example_is_quiet(checker: VerbFormChecker, text: str) -> None:
    assert checker.check_paragraph(text) == []


def test_every_example_list_is_non_empty() -> None:
    assert len(EXAMPLES_WRONG) >= 10 and len(EXAMPLES_RIGHT) >= 5


@pytest.mark.parametrize(("present", "infinitive"), [
    ("lockar", "locka"), ("fungerar", "fungera"), ("köper", "köpa"), ("förstår", "förstå"),
    ("är", "vara"), ("ger", "ge"), ("kommer", "komma"), ("blir", "bli"), ("tror", "tro"),
])
def test_present_to_infinitive(present: str, infinitive: str) -> None:
    assert present_to_infinitive(present) == infinitive


def test_weak_preterites_are_not_in_the_supine_table() -> None:
    # "har skadade spelare": an -ade form is also a participle, never flag it.
    assert preterite_to_supine("skadade") is None
    assert preterite_to_supine("gjorde") == "gjort"
