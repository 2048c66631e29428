"""Parentheses and quotation marks that are opened and never closed, or closed
without being opened ("Förslaget (som lades fram i måndags kritiseras").

Svenska skrivregler pairs every parenthesis and every quotation, and a copy desk
looks for the half that went missing when a sentence was rewritten. A paragraph is
the unit: a parenthesis does not run across paragraphs, and a quotation that does
(several paragraphs of one speaker) opens each paragraph with a quotation mark and
closes only the last, so a paragraph that opens with one and leaves it open is right
when the next paragraph opens with one too. That look at the next paragraph makes
this a document checker; it only scans paragraphs with a parenthesis or quotation
mark in them, so a re-check costs next to nothing.

Straight quotation marks ("…", typed on every keyboard) are counted as a kind of
their own: the typography rules ask for ”…” only where a pair stands, so a straight
quotation left open was claimed by nothing (found by QA). A straight mark after a
digit may be an inch or seconds mark (27"): an odd count with one of those is not
claimed.

Not claimed: a closing parenthesis after a list label ("1)", "b)", "iv)") or a smiley
(":)").
"""

from __future__ import annotations

import re

from proofer.checkers.base import DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Category, Finding, Severity

# A list label before a closing parenthesis: a number, a letter or a roman numeral
# standing alone ("1)", "b)", "iv)", "12)").
_LIST_LABEL = re.compile(r"(?:^|[\s(])(?:\d{1,2}|[^\W\d_]|[ivxIVX]{2,4})$")
# Swedish quotation marks: ”…” (the same mark both ends), »…» and the German-style
# „…“ some writers paste; each kind is counted on its own.
_QUOTE_KINDS = ("”“„", "»«", '"')
_SMILEY = ":;=8"
_ALL_MARKS = "()" + "".join(_QUOTE_KINDS)


class PairedMarksChecker(DocumentChecker):
    name = "paired_marks"
    engine = "rules"

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        found: list[Finding] = []
        for k, para in enumerate(paragraphs):
            if not any(m in para.text for m in _ALL_MARKS):
                continue
            following = next((p.text.lstrip() for p in paragraphs[k + 1:] if p.text.strip()), "")
            found += [f.shifted(para.start) for f in paragraph_findings(para.text, following)]
        return found


def paragraph_findings(text: str, following: str = "") -> list[Finding]:
    """One paragraph's findings; `following` is the next paragraph with text (for a
    quotation that runs on into it)."""
    found: list[Finding] = []
    if "(" in text or ")" in text:
        found += _parentheses(text)
    for marks in _QUOTE_KINDS:
        if any(m in text for m in marks):
            finding = _quotes(text, marks, following[:1] in marks)
            if finding is not None:
                found.append(finding)
    return found


def _parentheses(text: str) -> list[Finding]:
    """The first closing parenthesis without an opening and the first opening one left
    open: one finding of each kind at the most, however many there are (a pasted
    blob of thousands of parentheses is one problem for the writer, not thousands)."""
    open_at: list[int] = []
    found = []
    for i, ch in enumerate(text):
        if ch == "(":
            open_at.append(i)
        elif ch == ")":
            if open_at:
                open_at.pop()
            elif not found and not (_LIST_LABEL.search(text, 0, i)
                                    or (i and text[i - 1] in _SMILEY)):
                found.append(Finding(i, i + 1, ")", Category.STYLE,
                                     "style.unopened-parenthesis",
                                     "Slutparentesen saknar en början i stycket: var ska "
                                     "parentesen börja?", (), Severity.WARNING))
    if open_at:
        i = open_at[0]
        found.append(Finding(i, i + 1, "(", Category.STYLE, "style.unclosed-parenthesis",
                             "Parentesen stängs aldrig i stycket: en slutparentes saknas.", (),
                             Severity.WARNING))
    return sorted(found, key=lambda f: f.start)


def _quotes(text: str, marks: str, next_opens: bool) -> Finding | None:
    """An odd number of quotation marks of one kind: one quotation is not closed (or
    not opened). The last mark is shown: taken in pairs from the start, it is the one
    without a partner."""
    at = [i for i, ch in enumerate(text) if ch in marks]
    if len(at) % 2 == 0:
        return None
    if marks == '"' and any(i and text[i - 1].isdigit() for i in at):
        return None  # 27" (inches): the odd one may be no quotation mark at all
    if next_opens and not text[:at[0]].strip():
        return None  # a quotation running on into the next paragraph, as it should
    last = at[-1]
    return Finding(last, last + 1, text[last], Category.STYLE, "style.unpaired-quote",
                   "Udda antal citattecken i stycket: ett citat öppnas eller avslutas inte.",
                   (), Severity.WARNING)
