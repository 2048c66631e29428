"""The consistency checker runs its own examples (one finding at the slip, with the
in-document form in the slip's inflection), stays quiet on its right examples, and
the seed article's "expertstrategi" is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.checkers.consistency import EXAMPLES_RIGHT, EXAMPLES_WRONG, ConsistencyChecker
from proofer.document import split_paragraphs
from proofer.finding import Category
from proofer.speller import Speller

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


@pytest.fixture(scope="module")
def checker() -> ConsistencyChecker:
    return ConsistencyChecker(Speller())


def check(checker: ConsistencyChecker, text: str):
    return checker.check_document(text, split_paragraphs(text))


@pytest.mark.parametrize(("text", "wrong", "correction"), EXAMPLES_WRONG)
def test_wrong_example_is_flagged(checker: ConsistencyChecker, text: str, wrong: str,
                                  correction: str) -> None:
    found = check(checker, text)
    start = text.index(wrong)
    assert [(f.start, f.end, f.suggestions) for f in found] == [
        (start, start + len(wrong), (correction,))]
    assert found[0].category is Category.CONSISTENCY
    assert found[0].rule == "consistency.near-form"


@pytest.mark.parametrize("text", EXAMPLES_RIGHT)
def test_right_example_is_quiet(checker: ConsistencyChecker, text: str) -> None:
    assert check(checker, text) == []


def test_offsets_are_absolute_across_paragraphs(checker: ConsistencyChecker) -> None:
    text = "Regeringen sa nej.\n\nDärefter sa regleringen ja. 😀"
    found = check(checker, text)
    assert [text[f.start:f.end] for f in found] == ["regleringen"]


def test_seed_article_flags_expertstrategi(checker: ConsistencyChecker) -> None:
    text = next(SEED.glob("*.txt")).read_text(encoding="utf-8")
    found = {f.text: f.suggestions[0] for f in check(checker, text)}
    assert found.get("expertstrategi") == "exportstrategi"


def test_every_example_list_is_non_empty() -> None:
    assert len(EXAMPLES_WRONG) >= 5 and len(EXAMPLES_RIGHT) >= 3
