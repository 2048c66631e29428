"""One-line rich text that ends in "…" when it does not fit, for the findings list.

Qt elides plain text in item views (QFontMetrics.elidedText) but not rich text: a
row of the findings list, drawn from HTML, was cut off mid-letter at the dock's
edge with no sign that more followed. Here each block of the HTML is laid out on
one line; a line too wide is cut at a character with "…" in its place, keeping
the formatting of what stays. The marked change (struck-through wrong text, the
underlined or highlighted suggestion) is what a reader needs, so when it would
fall past the edge the words before it are cut instead ("…" at the start).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
    QTextOption,
)

ELLIPSIS = "…"


def elided_html(html: str, font: QFont, width: float, keep: int = 0) -> str:
    """`html` itself when it fits on one line of `width`, else the cut version (for
    a QLabel, which lays out rich text without margins). `keep`: as for
    elided_document."""
    doc = elided_document(html, font, width, margin=0, keep=keep)
    return doc.toHtml() if doc.property("cut") else html


def elided_document(html: str, font: QFont, width: float, margin: float = 2,
                    keep: int = 0) -> QTextDocument:
    """`html` laid out without wrapping, each block cut to `width` (margins included).
    The first `keep` characters of each block are never cut from the left (a card's
    category before its words). The document's property "cut" says whether
    anything was cut."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(margin)
    option = doc.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    doc.setDefaultTextOption(option)
    doc.setHtml(html)
    room = width - 2 * margin
    ellipsis = QFontMetricsF(font).horizontalAdvance(ELLIPSIS)
    cut = False
    for n in range(doc.blockCount()):
        cut = _fit(doc, n, room, ellipsis, keep) or cut
    doc.setProperty("cut", cut)
    return doc


def _line(doc: QTextDocument, n: int) -> tuple[QTextBlock, QTextLine | None]:
    doc.size()  # lays out what an edit changed
    block = doc.findBlockByNumber(n)
    layout = block.layout()
    return block, (layout.lineAt(0) if layout is not None and layout.lineCount() else None)


def _marked(fmt: QTextCharFormat) -> bool:
    return (fmt.fontStrikeOut() or fmt.fontUnderline()
            or fmt.background().style() != Qt.BrushStyle.NoBrush)


def _change_span(block: QTextBlock) -> tuple[int, int] | None:
    """The marked change's start and end inside the block, if it has one."""
    span: tuple[int, int] | None = None
    for piece in block:
        frag = piece.fragment()
        if frag.isValid() and _marked(frag.charFormat()):
            a = frag.position() - block.position()
            b = a + frag.length()
            span = (a, b) if span is None else (min(span[0], a), max(span[1], b))
    return span


def _replace(doc: QTextDocument, block: QTextBlock, start: int, end: int, text: str) -> None:
    cur = QTextCursor(doc)
    cur.setPosition(block.position() + start)
    cur.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
    cur.insertText(text)


def _fit(doc: QTextDocument, n: int, room: float, ellipsis: float, keep: int) -> bool:
    """Cut block `n` to `room`; True if it had to be."""
    block, line = _line(doc, n)
    if line is None or line.naturalTextWidth() <= room:
        return False
    change = _change_span(block)
    if change is not None:
        over = line.cursorToX(change[1])[0] - (room - ellipsis)
        if over > 0:  # the change would be cut: drop words before it instead
            lead = keep + (1 if block.text()[keep:].startswith(ELLIPSIS) else 0)
            cut = line.xToCursor(line.cursorToX(lead)[0] + over + ellipsis)
            cut = min(max(cut, lead), change[0])
            if cut > lead:
                _replace(doc, block, keep, cut, ELLIPSIS)
            block, line = _line(doc, n)
            if line is None or line.naturalTextWidth() <= room:
                return True
    keep = line.xToCursor(max(room - ellipsis, 0), QTextLine.CursorPosition.CursorOnCharacter)
    _replace(doc, block, keep, len(block.text()), ELLIPSIS)
    return True
