"""The de/dem checker runs its own examples: each wrong example gives exactly one
finding at the bracketed pronoun with the listed correction; each right one none."""

from __future__ import annotations

import pytest

from proofer.checkers.pronoun_case import EXAMPLES_RIGHT, EXAMPLES_WRONG, PronounCaseChecker
from proofer.finding import Category
from tests.marked import unmark


@pytest.fixture(scope="module")
def checker() -> PronounCaseChecker:
    return PronounCaseChecker()


@pytest.mark.parametrize(("marked", "correction"), EXAMPLES_WRONG)
def test_wrong_example_is_flagged(checker: PronounCaseChecker, marked: str,
                                  correction: str) -> None:
    text, start, end = unmark(marked)
    found = checker.check_paragraph(text)
    assert [(f.start, f.end, f.suggestions[0]) for f in found] == [(start, end, correction)]
    assert found[0].category is Category.GRAMMAR


@pytest.mark.parametrize("text", EXAMPLES_RIGHT)
def test_right_example_is_quiet(checker: PronounCaseChecker, text: str) -> None:
    assert checker.check_paragraph(text) == []


def test_every_example_list_is_non_empty() -> None:
    assert len(EXAMPLES_WRONG) >= 5 and len(EXAMPLES_RIGHT) >= 3
