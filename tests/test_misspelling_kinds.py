"""The misspelling-kinds benchmark (benchmarks/misspelling_kinds.py) runs, draws every
kind, and a small sample of it is found: generated misspellings of common words,
not the eval sets' words, so a regression in the error model shows here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import misspelling_kinds as mk  # noqa: E402

from proofer.checkers.spelling import SpellingChecker  # noqa: E402
from proofer.speller import Speller  # noqa: E402


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


def test_each_kind_makes_the_error_it_names() -> None:
    assert "altid" in mk.double_to_single("alltid")
    assert "permition" in mk.tion("permission") or "permition" in mk.tion("permition")
    assert "jälpa" in mk.j_sound("hjälpa")
    assert "kjänsla" not in mk.tj_sound("tjuv")  # "tj" before a back vowel stays
    assert "hälst" in mk.e_ae("helst")
    assert "omradet" in mk.dots_and_rings("området")


def test_a_sample_of_every_kind_is_found_and_mostly_ranked_first(speller: Speller) -> None:
    drawn = mk.draw(speller, per_kind=8, seed=3)
    assert set(drawn) == set(mk.KINDS) and all(len(p) == 8 for p in drawn.values())
    checker = SpellingChecker(speller)
    results = [mk.judge(checker, miss, meant) for pairs in drawn.values() for miss, meant in pairs]
    found = sum(r[0] for r in results) / len(results)
    first = sum(r[1] for r in results) / len(results)
    assert found >= 0.95 and first >= 0.85, (found, first)
