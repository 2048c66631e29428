"""The slots of resources/spelling/slots.yaml: each example's correction comes first,
on the real morphology; the order is the speller's where no slot applies or without
the morphology. The reordering is the engine's step after the paragraph checkers
(SpellingChecker.refine), so the checks here go through an engine."""

from __future__ import annotations

import pytest

import proofer.checkers.grammar as grammar
from proofer.checkers.spelling import SpellingChecker
from proofer.engine import Engine
from proofer.finding import Category, Finding, Severity
from proofer.rules.model import Example
from proofer.speller import Speller
from proofer.spelling_context import rerank, slots
from tests.handmade_tokens import R, T

EXAMPLES = [pytest.param(s.name, w, c, id=f"{s.name}:{i}")
            for s in slots() for i, (w, c) in enumerate(s.examples)]


@pytest.fixture(scope="module")
def checker() -> SpellingChecker:
    return SpellingChecker(Speller())


def _checked(checker: SpellingChecker, text: str,
             skip: frozenset[str] = frozenset()) -> list[Finding]:
    """The checker's findings of `text` as a check has them (a fresh engine: no
    findings cached from another test)."""
    return Engine([checker]).check(text, skip=skip).findings


def test_every_slot_has_examples() -> None:
    assert slots() and all(s.examples and s.expects for s in slots())


@pytest.mark.parametrize(("name", "wrong", "correction"), EXAMPLES)
def test_the_correction_that_fits_the_slot_comes_first(checker: SpellingChecker, name: str,
                                                      wrong: str, correction: str) -> None:
    example = Example.parse(wrong, correction)
    found = [f for f in _checked(checker, example.text)
             if (f.start, f.end) == (example.start, example.end)]
    assert found, f"{name}: no finding on {example.text!r}"
    f = found[0]
    assert f.suggestions[0] == correction, f"{name}: {f.suggestions}"
    assert correction in f.message
    # the speller alone puts another correction first: the slot did the work
    assert checker.speller.suggest(f.text)[0] != correction


RIGHT = [pytest.param(s.name, w, c, id=f"{s.name}:{i}")
         for s in slots() for i, (w, c) in enumerate(s.correct)]


@pytest.mark.parametrize(("name", "text", "first"), RIGHT)
def test_look_alikes_keep_the_spellers_first(checker: SpellingChecker, name: str, text: str,
                                            first: str) -> None:
    example = Example.parse(text, first)
    found = [f for f in _checked(checker, example.text)
             if (f.start, f.end) == (example.start, example.end)]
    assert found and found[0].suggestions[0] == first, f"{name}: {found}"


def test_without_the_morphology_the_spellers_order_stands(
        checker: SpellingChecker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grammar, "morphology_or_none", lambda: None)
    f = _checked(checker, "Han har läsr boken två gånger.")[0]
    assert f.suggestions[0] == checker.speller.suggest("läsr")[0] != "läst"


def test_the_reordering_waits_for_the_grammar_pass(checker: SpellingChecker) -> None:
    """check_paragraph gives the speller's order; the engine reorders after the
    paragraph checkers, except in a check that skips the grammar (the app's fast
    first pass), whose findings the full check then reorders."""
    text = "Han har läsr boken två gånger."
    spellers = checker.speller.suggest("läsr")[0]
    assert spellers != "läst"
    assert checker.check_paragraph(text)[0].suggestions[0] == spellers
    engine = Engine([checker])
    fast = engine.check(text, skip=frozenset({"grammar_rules"})).findings
    assert fast[0].suggestions[0] == spellers
    full = engine.check(text).findings
    assert full[0].suggestions[0] == "läst" and "läst" in full[0].message
    runs = engine.paragraph_runs
    assert engine.check(text).findings == full and engine.paragraph_runs == runs


def test_a_batch_workers_findings_come_reordered(checker: SpellingChecker) -> None:
    """Engine.paragraph_findings (a batch worker's share) reorders as a check does,
    and an engine that learns them finds them so."""
    text = "Han har läsr boken två gånger."
    found = Engine([checker]).paragraph_findings([text])["spelling"][text]
    assert found[0].suggestions[0] == "läst"
    other = Engine([checker])
    other.learn_paragraphs({"spelling": {text: found}})
    assert other.check(text).findings[0].suggestions == found[0].suggestions
    assert other.paragraph_runs == 0


def _finding(start: int, end: int, text: str, suggestions: tuple[str, ...]) -> Finding:
    return Finding(start, end, text, Category.SPELLING, "spelling.unknown-word",
                   f"menade du {suggestions[0]}?", suggestions, Severity.ERROR)


def test_only_the_order_changes_and_only_where_a_slot_applies() -> None:
    # "har läsr": a supine after "ha"; "och läsr": no slot
    tagged = [T(0, 3, "har", (R("ha", ("vblex", "pres", "actv")),)),
              T(4, 8, "läsr", ()),
              T(9, 12, "och", (R("och", ("cnjcoo",)),)),
              T(13, 17, "läsr", ())]
    readings = {"läser": [T(0, 5, "läser", (R("läsa", ("vblex", "pres", "actv")),))],
                "läst": [T(0, 4, "läst", (R("läsa", ("vblex", "supn", "actv")),))]}
    found = [_finding(4, 8, "läsr", ("läser", "läst")), _finding(13, 17, "läsr", ("läser", "läst"))]
    out = rerank(found, tagged, lambda ws: {w: readings.get(w, []) for w in ws},
                 lambda s: f"menade du {s}?", "spelling.unknown-word")
    assert out[0].suggestions == ("läst", "läser") and out[0].message == "menade du läst?"
    assert out[1] == found[1]
