"""Runs every example in test_names_examples.yaml, and every `wrong:` form of the
shipped dictionaries, through the name checker (the examples pin the thresholds)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from proofer.checkers.names import NameChecker
from proofer.finding import Severity
from proofer.names.loader import load_all
from proofer.names.store import NameStore
from proofer.settings import SHIPPED_DICTIONARIES
from proofer.speller import Speller

EXAMPLES = yaml.safe_load(
    (Path(__file__).with_name("test_names_examples.yaml")).read_text(encoding="utf-8"))
_MARK = re.compile(r"\[([^\]]+)\]")


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> NameChecker:
    extra = tmp_path_factory.mktemp("dict") / "examples.yaml"
    extra.write_text(yaml.safe_dump({"entries": EXAMPLES["dictionary"]}, allow_unicode=True),
                     encoding="utf-8")
    paths = [*sorted(SHIPPED_DICTIONARIES.glob("*.yaml")), extra]
    return NameChecker(NameStore.load(paths), Speller())


def _claims(checker: NameChecker, text: str) -> list:
    return [f for f in checker.check_paragraph(text) if f.severity is not Severity.INFO]


def _unmark(marked: str) -> tuple[str, int, int]:
    m = _MARK.search(marked)
    assert m, f"example without [marked] span: {marked}"
    text = marked[: m.start()] + m.group(1) + marked[m.end():]
    return text, m.start(), m.start() + len(m.group(1))


@pytest.mark.parametrize("example", EXAMPLES["wrong"], ids=lambda e: e["text"][:40])
def test_wrong_example_is_corrected_by_accepting_its_findings(checker: NameChecker,
                                                              example: dict) -> None:
    """The marked span holds every claim, and accepting each first suggestion turns
    it into the expected correction (a name with two misspelt words gives one
    finding per word)."""
    text, start, end = _unmark(example["text"])
    found = _claims(checker, text)
    assert found, text
    assert all(start <= f.start and f.end <= end for f in found), found
    assert all(f.text == text[f.start:f.end] for f in found)
    fixed = text[start:end]
    for f in sorted(found, key=lambda f: f.start, reverse=True):
        fixed = fixed[: f.start - start] + f.suggestions[0] + fixed[f.end - start :]
    assert fixed == example["suggestion"]
    assert {str(f.category) for f in found} == {example["category"]}


@pytest.mark.parametrize("text", EXAMPLES["correct"], ids=lambda t: t[:40])
def test_correct_example_gives_no_claim(checker: NameChecker, text: str) -> None:
    assert _claims(checker, text) == []


def _shipped_wrong_forms() -> list[tuple[str, str, str]]:
    res = load_all(sorted(SHIPPED_DICTIONARIES.glob("*.yaml")))
    return [(e.name, w, e.kind) for e in res.entries for w in e.wrong]


def test_shipped_dictionaries_carry_wrong_forms() -> None:
    assert len(_shipped_wrong_forms()) >= 8


@pytest.mark.parametrize("name,wrong,kind", _shipped_wrong_forms())
def test_every_shipped_wrong_form_is_flagged(checker: NameChecker, name: str, wrong: str,
                                             kind: str) -> None:
    text = f"I går sade {wrong} att det blir bra."
    found = _claims(checker, text)
    assert len(found) == 1, found
    f = found[0]
    assert f.text == wrong
    assert f.suggestions[0] == name
    assert str(f.category) == ("title" if kind == "title" else "name")
