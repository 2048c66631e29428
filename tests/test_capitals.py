"""The capitals checker: every rule's own examples (resources/capitals/capitals.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from proofer.checkers.capitals import DATA, CapitalsChecker
from proofer.names.store import NameStore
from proofer.speller import Speller
from tests.marked import unmark

DICTIONARIES = Path(__file__).resolve().parents[1] / "dictionaries"
RULES = yaml.safe_load(DATA.read_text(encoding="utf-8"))["rules"]
WRONG = [(rule, ex["wrong"], ex["correction"])
         for rule, spec in RULES.items() for ex in spec["examples"]]
RIGHT = [(rule, text) for rule, spec in RULES.items() for text in spec["correct"]]


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> CapitalsChecker:
    """With the project's own name dictionaries, as the engine builds it."""
    store = NameStore.load(sorted(DICTIONARIES.glob("*.yaml")),
                           tmp_path_factory.mktemp("cache"))
    return CapitalsChecker(Speller(), store.organization)


def test_without_name_dictionaries_an_authority_in_lower_case_passes() -> None:
    """The authority rule rests on the dictionaries; without them it claims nothing."""
    assert CapitalsChecker(Speller()).check_paragraph("Han ringde skatteverket.") == []


def test_every_rule_has_both_kinds_of_example() -> None:
    for rule, spec in RULES.items():
        assert spec["examples"] and spec["correct"], rule


@pytest.mark.parametrize(("rule", "marked", "correction"), WRONG)
def test_wrong_examples_give_one_finding_with_the_correction(
        checker: CapitalsChecker, rule: str, marked: str, correction: str) -> None:
    text, start, end = unmark(marked)
    found = checker.check_paragraph(text)
    assert [(f.rule, f.start, f.end) for f in found] == [(f"capitals.{rule}", start, end)]
    assert found[0].suggestions[0] == correction


@pytest.mark.parametrize(("rule", "text"), RIGHT)
def test_correct_examples_give_no_finding(checker: CapitalsChecker, rule: str, text: str) -> None:
    assert checker.check_paragraph(text) == []


def test_one_paragraph_judges_each_place_of_a_repeated_word(checker: CapitalsChecker) -> None:
    """A word is looked at once per paragraph for what it says alone; where it
    stands still decides each time: the same "sverige" and "skatteverket" are flagged
    in running text, and not in a web address or after a determiner."""
    text = ("Vi åkte till sverige i går. Läs mer på sverige.se i dag. Hon bor i sverige nu. "
            "Han ringde skatteverket i morse. Det var ett skatteverket i Norge. "
            "Hon ringde skatteverket igen.")
    got = [(f.text, text[:f.start].count("sverige"), text[:f.start].count("skatteverket"))
           for f in checker.check_paragraph(text)]
    assert got == [("sverige", 0, 0), ("sverige", 2, 0), ("skatteverket", 3, 0),
                   ("skatteverket", 3, 2)]
