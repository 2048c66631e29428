"""The capitals checker: every rule's own examples (resources/capitals/capitals.yaml)."""

from __future__ import annotations

import pytest
import yaml

from proofer.checkers.capitals import DATA, CapitalsChecker
from proofer.speller import Speller
from tests.marked import unmark

RULES = yaml.safe_load(DATA.read_text(encoding="utf-8"))["rules"]
WRONG = [(rule, ex["wrong"], ex["correction"])
         for rule, spec in RULES.items() for ex in spec["examples"]]
RIGHT = [(rule, text) for rule, spec in RULES.items() for text in spec["correct"]]


@pytest.fixture(scope="module")
def checker() -> CapitalsChecker:
    return CapitalsChecker(Speller())


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
