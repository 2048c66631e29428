"""Every entry of resources/spelling/adverb_norms.yaml runs its own examples: the wrong
sentence gives exactly one finding, over the bracketed words, with the norm's form
first; each right sentence gives none."""

from __future__ import annotations

import pytest

from proofer.checkers.adverb_norms import AdverbNormChecker, Norm, norms
from proofer.finding import Category
from tests.marked import unmark

ENTRIES = list(norms().by_form.values())


def _id(norm: Norm) -> str:
    return norm.written


@pytest.fixture(scope="module")
def checker() -> AdverbNormChecker:
    return AdverbNormChecker()


@pytest.mark.parametrize("norm", ENTRIES, ids=_id)
def test_wrong_example_is_flagged(checker: AdverbNormChecker, norm: Norm) -> None:
    text, start, end = unmark(norm.wrong)
    found = checker.check_paragraph(text)
    assert [(f.start, f.end, f.suggestions[0]) for f in found] == [(start, end, norm.norm)]
    assert found[0].category is Category.SPELLING


@pytest.mark.parametrize("norm", ENTRIES, ids=_id)
def test_right_examples_are_quiet(checker: AdverbNormChecker, norm: Norm) -> None:
    assert norm.right, "every entry needs a look-alike that must stay quiet"
    for sentence in norm.right:
        assert checker.check_paragraph(sentence) == [], sentence


def test_case_of_the_first_letter_is_kept(checker: AdverbNormChecker) -> None:
    found = checker.check_paragraph("Till baka kom han aldrig.")
    assert [f.suggestions[0] for f in found] == ["Tillbaka"]


def test_a_tab_between_the_words_still_matches(checker: AdverbNormChecker) -> None:
    found = checker.check_paragraph("Hon kom till\tbaka i går.")
    assert [f.suggestions[0] for f in found] == ["tillbaka"]


def test_every_entry_is_reachable() -> None:
    """A longer form listed later must not be hidden by a shorter one."""
    data = norms()
    for norm in ENTRIES:
        m = data.pattern.search(norm.written)
        assert m is not None and m.group().lower() == norm.written


def test_the_whole_engine_offers_the_norm_first_for_till_baka() -> None:
    """The grammar's missing-"att" rule must not read "till baka" as "till att baka"
    and win the merge over the adverb's norm."""
    from proofer.checkers.registry import build_engine
    from proofer.settings import Settings

    text = "Hon kom till baka efter en vecka."
    found = build_engine(Settings(languagetool_mode="off")).check(text).findings
    assert [(f.text, f.suggestions[0]) for f in found] == [("till baka", "tillbaka")]
