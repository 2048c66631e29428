"""The LanguageTool-examples yardstick reads markers and scores corrections right."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from proofer.finding import Category, Finding

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "lt_examples.py"
_spec = importlib.util.spec_from_file_location("lt_examples", _PATH)
assert _spec and _spec.loader
lt = importlib.util.module_from_spec(_spec)
sys.modules["lt_examples"] = lt  # dataclasses look their module up
_spec.loader.exec_module(lt)

XML = """<?xml version="1.0" encoding="UTF-8"?>
<rules lang="sv">
  <category name="Test">
    <rule id="ONE"><pattern><token>x</token></pattern><message>m</message>
      <example correction="en stor bil|en bil"> Vi har <marker>ett stor bil</marker> hemma.
      </example>
      <example>Vi har <marker>en stor bil</marker> hemma.</example>
    </rule>
    <rule id="OFF" default="off"><pattern><token>x</token></pattern><message>m</message>
      <example correction="y">Avstängd <marker>x</marker>.</example>
    </rule>
    <rulegroup id="GROUP">
      <rule><pattern><token>x</token></pattern><message>m</message>
        <example correction="">Utan <marker>förslag</marker> här.</example>
      </rule>
    </rulegroup>
  </category>
</rules>
"""


def _finding(start: int, end: int, text: str, suggestion: str) -> Finding:
    return Finding(start, end, text, Category.GRAMMAR, "r", "m", (suggestion,))


def test_reads_markers_trims_and_skips_rules_switched_off(tmp_path: Path) -> None:
    path = tmp_path / "grammar.xml"
    path.write_text(XML, encoding="utf-8")
    wrong, right = lt.read_examples(path)
    assert [(e.rule, e.text[e.start:e.end], e.corrections) for e in wrong] == [
        ("ONE", "ett stor bil", ("en stor bil", "en bil")),
        ("GROUP", "förslag", ()),
    ]
    assert wrong[0].text == "Vi har ett stor bil hemma."
    assert [e.text[e.start:e.end] for e in right] == ["en stor bil"]


def test_a_narrower_finding_with_the_same_result_counts_as_corrected(tmp_path: Path) -> None:
    path = tmp_path / "grammar.xml"
    path.write_text(XML, encoding="utf-8")
    wrong, _ = lt.read_examples(path)
    example = wrong[0]
    narrow = _finding(7, 10, "ett", "en")  # only the article, same corrected sentence
    wrong_fix = _finding(7, 10, "ett", "det")
    elsewhere = _finding(0, 2, "Vi", "Ni")
    assert lt.score([example], [[narrow]]) == (1, 1)
    assert lt.score([example], [[wrong_fix]]) == (1, 0)
    assert lt.score([example], [[elsewhere]]) == (0, 0)
