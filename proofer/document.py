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
    ends see each line."""
    paragraphs: list[Paragraph] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            paragraphs.append(Paragraph(pos, m.start(), text[pos : m.start()]))
        pos = m.end()
    if pos < len(text):
        paragraphs.append(Paragraph(pos, len(text), text[pos:]))
    return paragraphs
