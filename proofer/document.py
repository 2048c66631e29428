"""A loaded draft: its text, its paragraphs, and where it came from.

Checkers only ever see plain text; the format modules (proofer/formats) turn files
into a Document and write corrected text back. Offsets everywhere are code points
into `Document.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# A line break inside a paragraph (U+2028: <br> in HTML, a soft break in Word) ends a
# line too: "Publicerad:<br>Anna Berg" holds an empty field as much as two lines do.
_PARAGRAPH_BREAK = re.compile(r"[\n\u2028]")

# A line longer than this is checked as pieces of about this size. Checkers hold a
# paragraph's tokens, analysis and findings at once, so one pasted book without line
# breaks would otherwise take memory in proportion to its length (a 1 MB line took
# about 480 MB). A real paragraph is a few hundred characters; a whole article pasted
# as one line is a few pieces.
PIECE_CHARS = 20_000
# Where a piece may end: after a sentence's last word and its full stop, at a single
# plain space before a capital. Rules look within a sentence and no spacing rule
# has anything to say about one space, so a cut there changes no finding.
_SENTENCE_JOINT = re.compile(r"(?<=[a-zåäöéü]{2}[.!?]) (?=[A-ZÅÄÖÉ])")
# Failing that (a line with no full stops), a space before a capital or a digit, so
# that the next piece does not seem to start a sentence in lower case; then any space.
_WORD_JOINTS = (re.compile(r"(?<=\S) (?=[A-ZÅÄÖÉ0-9])"), re.compile(r"(?<=\S) (?=\S)"))


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass
class Document:
    text: str
    path: Path | None = None
    format: str = "txt"
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)  # e.g. "teckenkodning gissad: cp1252"
    # Format-specific data the writer needs to put text back (e.g. docx paragraph map).
    source_data: object = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset, for people."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every line is a paragraph: news drafts put one paragraph per line, and a
    line is the unit an edit invalidates. Empty lines are kept out. A line break
    inside a paragraph (U+2028) splits it as well, so that rules anchored at a line's
    ends see each line. A line longer than PIECE_CHARS comes as pieces (see there)."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            _add_line(paragraphs, text, pos, m.start())
        pos = m.end()
    if pos < len(text):
        _add_line(paragraphs, text, pos, len(text))
    return paragraphs


def _add_line(paragraphs: list[Paragraph], text: str, start: int, end: int) -> None:
    while end - start > PIECE_CHARS:
        cut = _cut(text, start, end)
        if cut is None:
            break
        paragraphs.append(Paragraph(start, cut, text[start:cut]))
        start = cut + 1  # the one space between the pieces belongs to neither
    paragraphs.append(Paragraph(start, end, text[start:end]))


def _cut(text: str, start: int, end: int) -> int | None:
    """Where the piece from `start` ends: the last joint in the second half of a
    piece's length, else the first one after it (a piece only grows when the text
    gives no place to cut; a line with no space at all is one piece)."""
    half, full = start + PIECE_CHARS // 2, start + PIECE_CHARS
    for joint in (_SENTENCE_JOINT, *_WORD_JOINTS):
        last = None
        for m in joint.finditer(text, half, full):
            last = m.start()
        if last is not None:
            return last
        m = joint.search(text, full, min(end, full + PIECE_CHARS))
        if m is not None:
            return m.start()
    m = _WORD_JOINTS[-1].search(text, full, end)
    return m.start() if m is not None else None
