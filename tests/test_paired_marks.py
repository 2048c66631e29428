"""Unpaired parentheses and quotation marks: each kind with text where a mark is
missing (the finding at the mark shown) and look-alikes that must stay quiet, on the
checker alone and through the engine (offsets in a document of several paragraphs)."""

from __future__ import annotations

import pytest

from proofer.checkers.paired_marks import PairedMarksChecker, paragraph_findings
from proofer.engine import Engine
from tests.marked import unmark

WRONG = [
    ("Förslaget [(]som lades fram i måndags kritiseras av oppositionen.",
     "style.unclosed-parenthesis"),
    ("Beslutet (som togs i går) gäller [(]enligt kommunen från maj.", "style.unclosed-parenthesis"),
    ("Kommunen har fattat beslutet i går[)] och det gäller från maj.",
     "style.unopened-parenthesis"),
    ("Hon kallade det ”ett stort misstag och gick sedan ”hem[”].", "style.unpaired-quote"),
    ("Han sa [»]nej och gick sedan hem.", "style.unpaired-quote"),
    ('Hon kallade satsningen ["]den största i Göteborgs historia.', "style.unpaired-quote"),
    ('Han sa "nej" och kallade det ["]ett misstag.', "style.unpaired-quote"),
]

RIGHT = [
    "1) Om patienten kommer för vaccin (huvuddiagnos) gäller följande. 2) Annars inte.",
    "Svaren kan vara a) ja, b) nej eller c) vet inte.",
    "Han log :) och gick hem.",
    "Hon kallade det ”ett stort misstag” och gick.",
    "Han sa »nej» och gick.",
    "Kommunalrådet Anna Lindqvist (S) vill bygga fler bostäder (se faktaruta).",
    'Han sa "nej" och gick.',
    'Skärmen är 27" stor och kostar "bara" 2 000 kronor.',
    'Låten "99" toppade listan.',
]


@pytest.mark.parametrize(("marked", "rule"), WRONG)
def test_the_missing_half_is_found(marked: str, rule: str) -> None:
    text, start, end = unmark(marked)
    assert [(f.start, f.end, f.rule) for f in paragraph_findings(text)] == [(start, end, rule)]


@pytest.mark.parametrize("sentence", RIGHT)
def test_paired_marks_are_quiet(sentence: str) -> None:
    assert paragraph_findings(sentence) == []


def test_a_quotation_running_on_into_the_next_paragraph_is_right() -> None:
    """Several paragraphs of one speaker: each opens with a quotation mark, only the
    last closes; an opening mark left open before a paragraph that does not go on
    with the quotation is claimed."""
    text = ("”Vi har inget val.\n\n”Vi måste agera nu, och det snabbt”, säger hon.\n\n"
            "”Det här är ett misstag, säger han.\n\nMötet hålls på tisdag.")
    found = Engine([PairedMarksChecker()]).check(text).findings
    assert [(text[f.start:f.start + 12], f.rule) for f in found] == [
        ("”Det här är ", "style.unpaired-quote")]


def test_a_straight_quotation_running_on_into_the_next_paragraph_is_right() -> None:
    text = ('"Vi har inget val.\n\n"Vi måste agera nu", säger hon.\n\n'
            'Han kallade det "ett misstag.\n\nMötet hålls på tisdag.')
    found = Engine([PairedMarksChecker()]).check(text).findings
    assert [(f.start, f.rule) for f in found] == [
        (text.index('"ett'), "style.unpaired-quote")]


def test_offsets_are_in_the_whole_document() -> None:
    text = "Rubrik\n\nFörslaget (som lades fram kritiseras.\n\nSlut."
    found = Engine([PairedMarksChecker()]).check(text).findings
    assert [(f.start, text[f.start]) for f in found] == [(text.index("("), "(")]


def test_a_blob_of_parentheses_is_one_finding_of_each_kind() -> None:
    text = ")" * 5 + "Text (" + "(" * 20_000
    found = paragraph_findings(text)
    assert [(f.start, f.rule) for f in found] == [
        (0, "style.unopened-parenthesis"), (10, "style.unclosed-parenthesis")]
