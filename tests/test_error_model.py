"""The Swedish error model: every sound group's examples rank the word meant first
among the speller's candidates, and the costs order misspellings as writers make them."""

from __future__ import annotations

import pytest
import yaml

from proofer import error_model
from proofer.speller import Speller

EXAMPLES = [(g["name"], w, m)
            for g in yaml.safe_load(error_model.DATA.read_text(encoding="utf-8"))["groups"]
            for w, m in g["examples"]]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


@pytest.mark.parametrize(("group", "written", "meant"), EXAMPLES)
def test_each_sound_group_ranks_the_word_meant_first(
        speller: Speller, group: str, written: str, meant: str) -> None:
    assert not speller.check(written), f"{written} is no misspelling ({group})"
    assert speller.suggest(written)[0] == meant


def test_spelling_by_ear_costs_less_than_a_far_key() -> None:
    cost = error_model.spelling_cost
    assert cost("altid", "alltid") < cost("altid", "alfid")
    assert cost("komunen", "kommunen") < 0.5
    assert cost("hälst", "helst") < cost("hälst", "häst") + 0.5


def test_the_phonetic_key_folds_spellings_of_one_sound() -> None:
    key = error_model.phonetic_key
    assert key("stjärna") == key("sjärna")
    assert key("alltid") == key("altid")
    assert key("jälpa") == key("hjälpa")
    assert key("mest") != key("most")


def test_words_written_together_are_split_into_common_words(speller: Speller) -> None:
    assert "i så fall" in error_model.split_candidates("isåfall", speller.check)
    # One-letter parts other than the words "i", "å", "ö" are abbreviations.
    assert "a l tid" not in error_model.split_candidates("altid", speller.check)
