"""The mojibake checker: its own examples, the repair, and how it sits among the
other checkers."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.checkers.encoding import MESSAGE, RULE, MojibakeChecker, repair
from proofer.checkers.registry import build_checkers
from proofer.engine import Engine
from proofer.finding import Category, Severity
from proofer.formats import load_document
from proofer.settings import Settings

CHECKER = MojibakeChecker()
DRAFTS = Path(__file__).parent / "fixtures" / "drafts"


@pytest.mark.parametrize(("text", "flagged", "correction"), MojibakeChecker.EXAMPLES)
def test_wrong_example_gives_one_finding_at_the_span_with_the_fix(
        text: str, flagged: str, correction: str | None) -> None:
    findings = CHECKER.check_paragraph(text)
    assert len(findings) == 1, findings
    f = findings[0]
    assert (f.text, f.start) == (flagged, text.index(flagged))
    assert text[f.start:f.end] == f.text
    assert f.category is Category.ARTIFACT and f.severity is Severity.ERROR
    assert f.suggestions == (() if correction is None else (correction,))


@pytest.mark.parametrize("text", MojibakeChecker.CORRECT)
def test_correct_example_gives_nothing(text: str) -> None:
    assert CHECKER.check_paragraph(text) == []


@pytest.mark.parametrize(("garbled", "clean"), [
    ("Ã¥ Ã¤ Ã¶ Ã… Ã„ Ã–", "å ä ö Å Ä Ö"),
    ("â€“ â€” â€™ â€œ â€\x9d â€¦", "– — ’ “ ” …"),
    ("Ã©tÃ© MÃ¼ller", "été Müller"),
    ("ingen skada här", "ingen skada här"),
])
def test_repair_decodes_the_issue_examples(garbled: str, clean: str) -> None:
    assert repair(garbled) == clean


def test_every_swedish_letter_and_dash_survives_the_round_trip_of_damage() -> None:
    """Damage text the way a wrong import does, and the checker must flag and fix
    every damaged word; the undamaged text must stay quiet."""
    clean = "Åsa äter räksmörgås – ”gott”, säger hon. Överallt: Ärlig, öm, öl … € 5"
    damaged = clean.encode("utf-8").decode("cp1252", errors="replace")
    fixed = damaged
    for f in sorted(CHECKER.check_paragraph(damaged), key=lambda f: -f.start):
        assert f.rule == RULE and f.message == MESSAGE
        fixed = fixed[:f.start] + f.suggestions[0] + fixed[f.end:]
    assert fixed == clean
    assert CHECKER.check_paragraph(clean) == []


def test_registered_and_wins_over_spelling_inside_a_damaged_word() -> None:
    checkers = build_checkers(Settings(languagetool_mode="off"))
    assert any(isinstance(c, MojibakeChecker) for c in checkers)
    doc = load_document(DRAFTS / "mojibake.txt")
    report = Engine(checkers).check(doc.text)
    damaged = [f for f in report.findings if f.rule == RULE]
    assert [(f.text, f.suggestions[0]) for f in damaged] == [
        ("Ã¥t", "åt"), ("rÃ¤ksmÃ¶rgÃ¥s", "räksmörgås"), ("â€“", "–")]
    for f in damaged:  # nothing else claims a piece of a damaged word
        assert not [g for g in report.findings
                    if g is not f and g.start < f.end and f.start < g.end]
    assert all(doc.text[f.start:f.end] == f.text for f in report.findings)


@pytest.mark.parametrize("lang", ["sv", "en", "de", "pl"])
def test_no_alarm_on_common_words_in_any_dress(lang: str) -> None:
    from wordfreq import top_n_list

    alarms = []
    for word in top_n_list(lang, 20000):
        if any(sign in word for sign in ("Ã", "â€", "Â", "\ufffd")):
            continue  # the frequency list has a few mojibake tokens of its own
        up = word.upper()
        for text in (word, up, word.capitalize(), f"”{up}”", f"{up}–{up}", f"{up}…",
                     f"«{up}» {word}–{word}"):
            if CHECKER.check_paragraph(text):
                alarms.append(text)
    assert alarms == []
