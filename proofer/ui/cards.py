"""Suggestion cards beside the text, like review comments in a word processor.

Each card shows the words around its finding with the change inline. The current
finding's card is open (message, suggestions, buttons); the others are one or two
lines, so that in a dense passage the cards stay near their lines. Cards that would
overlap are placed as a group centred on their lines (the current card exactly at
its own), and the groups are kept inside the panel, so the cards of the last lines
can be seen too. Only findings near the screen get a card widget, so a long draft
with hundreds of findings stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from proofer.ui.editor import DraftEditor, suggestion_label, visible_text
from proofer.ui.finding_sentence import snippet
from proofer.ui.live import LiveFinding
from proofer.ui.rich_elide import elided_html
from proofer.ui.style import COLOURS, LABELS

#: The closed card's frame: 5 px colour bar on the left, 1 px border on the right.
CARD_BORDERS = 6


class Card(QFrame):
    accepted = Signal(int, int)
    ignored = Signal(int)
    clicked = Signal(int)

    def __init__(self, item: LiveFinding, parent: QWidget, context: str = "",
                 searching: bool = False) -> None:
        super().__init__(parent)
        self.item = item
        f = item.finding
        # What the card shows: when the finding gets corrections (see
        # proofer.ui.more_suggestions), the panel makes a new card.
        self.finding = f
        self.searching = searching
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.colour = COLOURS[f.category]
        lay = QVBoxLayout(self)
        em = self.fontMetrics().height()
        lay.setContentsMargins(em // 2 + 3, em // 3, em // 2, em // 3)
        lay.setSpacing(em // 5)

        # The category, then the words around the finding with the change inline (or
        # the flagged text alone when there are no words around it to show).
        self.context = context
        head = QLabel(f"<span style='color:{self.colour}'><b>{escape(LABELS[f.category])}"
                      f"</b>{' · tips' if item.hint else ''}</span>&nbsp;&nbsp;"
                      + (context or f"<s>{escape(_short(visible_text(f.text)))}</s>"))
        head.setTextFormat(Qt.TextFormat.RichText)
        head.setObjectName("head")
        self.head_html = head.text()
        # The category and its spaces, kept whole when the line is cut.
        self.head_keep = len(LABELS[f.category]) + (len(" · tips") if item.hint else 0) + 2
        lay.addWidget(head)
        self.head = head
        msg = QLabel(escape(f.message))
        msg.setWordWrap(True)
        msg.setObjectName("message")
        lay.addWidget(msg)
        self.details: list[QWidget] = [msg]
        # Suggestions and buttons share one row: more cards fit beside the text.
        row = QHBoxLayout()
        row.setSpacing(em // 3)
        if f.suggestions:
            links = " &nbsp;".join(
                f"<a href='{n}' style='color:{self.colour}'>{n + 1}. "
                f"<b>{escape(suggestion_label(s))}</b></a>"
                for n, s in enumerate(f.suggestions[:5]))
            sug = QLabel(links)
            sug.setWordWrap(True)
            sug.setTextFormat(Qt.TextFormat.RichText)
            sug.setToolTip("Klicka på ett förslag för att godta det (1–9 i granskningsläge)")
            sug.linkActivated.connect(lambda href: self.accepted.emit(item.id, int(href)))
            sug.setObjectName("suggestions")
            row.addWidget(sug, 1)
        else:
            none = QLabel("Söker förslag …" if searching else "Inget förslag – avgör själv")
            none.setObjectName("message")
            row.addWidget(none, 1)
        if f.suggestions:
            ok = QPushButton("Godta")
            first = suggestion_label(f.suggestions[0])
            ok.setToolTip(f"Ersätt med ”{first}” (Enter i granskningsläge)")
            ok.clicked.connect(lambda: self.accepted.emit(item.id, 0))
            row.addWidget(ok, 0, Qt.AlignmentFlag.AlignTop)
        ign = QPushButton("Ignorera")
        ign.setToolTip("Ignorera det här fyndet (Esc i granskningsläge)")
        ign.clicked.connect(lambda: self.ignored.emit(item.id))
        row.addWidget(ign, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        self.details += [row.itemAt(k).widget() for k in range(row.count())]
        self.current: bool | None = None
        self.set_current(False)

    def set_current(self, current: bool) -> None:
        """Open for the current finding; one line (what, where) for the rest."""
        if self.current == current:
            return
        for w in self.details:
            w.setVisible(current)
        self.head.setWordWrap(current)  # one line, ending in "…", when closed
        if current:
            self.head.setText(self.head_html)
        border = f"2px solid {self.colour}" if current else "1px solid palette(mid)"
        bg = "palette(alternate-base)" if current else "palette(base)"
        opacity = "" if not self.item.hint or current else "color: palette(dark);"
        self.setStyleSheet(
            f"QFrame#card {{ background: {bg}; border: {border}; "
            f"border-left: 5px solid {self.colour}; border-radius: 4px; }}"
            f"QLabel#message {{ {opacity} }}"
            "QPushButton { padding: 1px 8px; }")
        self.current = current
        if self.width() > 0:
            self.fit_height(self.width())

    def fit_height(self, width: int) -> None:
        self.setFixedWidth(width)
        if not self.current:
            margins = self.layout().contentsMargins()
            room = width - margins.left() - margins.right() - CARD_BORDERS
            self.head.setText(elided_html(self.head_html, self.head.font(), room,
                                          self.head_keep))
        self.layout().activate()
        h = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        self.setFixedHeight(h if h > 0 else self.sizeHint().height())

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.clicked.emit(self.item.id)
        super().mousePressEvent(event)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def context_html(editor: DraftEditor, item: LiveFinding, width: int = 28) -> str:
    """A few words either side of the finding, the change shown inline."""
    block = editor.document().findBlock(item.start)
    if not block.isValid():
        return ""
    text = block.text()
    start, end = item.start - block.position(), item.end - block.position()
    if not (0 <= start <= end <= len(text)) or text[start:end] != item.finding.text:
        return ""  # astral characters before it, or the text moved: no context then
    first = item.finding.suggestions[0] if item.finding.suggestions else None
    return snippet(text, start, end, first, width).html()


def place(wanted: list[tuple[int, int, bool]], top: int, bottom: int, gap: int) -> list[int]:
    """Tops for cards of (anchor y, height, current?) in text order, without overlap.

    Cards that would overlap form a group placed where the sum of squared distances to
    their anchors is least (its cards' mean), or with the current card exactly at its
    anchor; every group is kept between `top` and `bottom` when it fits."""
    groups: list[list[int]] = []  # indexes into wanted
    starts: list[float] = []

    def height(g: list[int]) -> int:
        return sum(wanted[i][1] for i in g) + gap * (len(g) - 1)

    def ideal(g: list[int]) -> float:
        offsets, off = [], 0
        for i in g:
            offsets.append(off)
            off += wanted[i][1] + gap
        fixed = [wanted[i][0] - o for i, o in zip(g, offsets, strict=True) if wanted[i][2]]
        y = fixed[0] if fixed else sum(wanted[i][0] - o for i, o in zip(g, offsets,
                                                                       strict=True)) / len(g)
        return max(top, min(y, bottom - height(g)))

    for i in range(len(wanted)):
        groups.append([i])
        starts.append(ideal([i]))
        while len(groups) > 1 and starts[-2] + height(groups[-2]) + gap > starts[-1]:
            merged = groups[-2] + groups[-1]
            groups[-2:] = [merged]
            starts[-2:] = [ideal(merged)]
    tops: list[int] = []
    for g, y in zip(groups, starts, strict=True):
        for i in g:
            tops.append(round(y))
            y += wanted[i][1] + gap
    return tops


class CardPanel(QWidget):
    accepted = Signal(int, int)
    ignored = Signal(int)
    clicked = Signal(int)

    GAP = 6

    def __init__(self, editor: DraftEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.cards: dict[int, Card] = {}
        self.anchors: list[tuple[int, int, str]] = []  # (anchor y, card y, colour)
        self.current_id: int | None = None
        #: whether slower corrections are being looked for (proofer.ui.more_suggestions)
        self.searching: Callable[[LiveFinding], bool] = lambda _item: False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.relayout)
        self._laid_out: tuple[object, ...] = ()
        editor.verticalScrollBar().valueChanged.connect(self.schedule)
        editor.updateRequest.connect(lambda _r, dy: dy and self.schedule())
        self.empty = QLabel("Inga fynd", self)  # nothing to propose in the whole text
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(dark);")

    def set_unchecked(self, text: str | None) -> None:
        """What the empty margin says before the draft's first check has come ("no
        findings yet" is not "no findings"); None: checked."""
        self.empty.setText(text or "Inga fynd")

    def schedule(self) -> None:
        self._timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().resizeEvent(event)
        self.schedule()

    def set_current(self, fid: int | None) -> None:
        self.current_id = fid
        for cid, card in self.cards.items():
            if card.current != (cid == fid):
                card.set_current(cid == fid)
        self.schedule()

    def _anchor_y(self, item: LiveFinding) -> int | None:
        ed = self.editor
        block = ed.document().findBlock(item.start)
        if not block.isValid():
            return None
        geo = ed.blockBoundingGeometry(block).translated(ed.contentOffset())
        line = block.layout().lineForTextPosition(item.start - block.position())
        y = geo.top() + (line.y() if line.isValid() else 0)
        return self.mapFromGlobal(ed.viewport().mapToGlobal(QPoint(0, int(y)))).y()

    def _layout_key(self) -> tuple[object, ...]:
        """What the cards' places depend on. Typing within a line leaves it as it
        was; a new line, a scroll, findings that came or went change it."""
        ed = self.editor
        doc = ed.document()
        return (ed.store.generation, frozenset(ed.store.hidden), self.current_id,
                doc.lineCount(), doc.blockCount(), ed.verticalScrollBar().value(),
                ed.contentOffset().y(), ed.viewport().height(), ed.font().pointSizeF(),
                self.width(), self.height())

    def relayout(self) -> None:
        """Place a card for every finding whose line is on screen (unless nothing
        they depend on changed: it ran after every keystroke)."""
        key = self._layout_key()
        if key == self._laid_out:
            return
        self._laid_out = key
        ed = self.editor
        height = self.height()
        width = max(50, self.width() - 2 * self.GAP)
        items = ed.store.visible()
        first = ed.firstVisibleBlock().position()
        wanted: list[tuple[LiveFinding, int]] = []
        for item in items:
            if item.end < first:
                continue
            y = self._anchor_y(item)
            if y is None:
                continue
            if y > height:
                break
            if y >= -ed.fontMetrics().height():
                wanted.append((item, y))
        keep = {item.id for item, _ in wanted}
        for cid in [c for c in self.cards if c not in keep]:
            self.cards.pop(cid).deleteLater()
        old_anchors, self.anchors = self.anchors, []
        cards: list[Card] = []
        for item, _y in wanted:
            card = self.cards.get(item.id)
            searching = self.searching(item)
            if (card is None or card.item is not item or card.finding != item.finding
                    or card.searching != searching):
                if card is not None:
                    card.deleteLater()
                card = Card(item, self, context_html(ed, item), searching)
                card.accepted.connect(self.accepted)
                card.ignored.connect(self.ignored)
                card.clicked.connect(self.clicked)
                self.cards[item.id] = card
            card.set_current(item.id == self.current_id)
            if card.width() != width or not card.isVisible():
                card.fit_height(width)
            cards.append(card)
        tops = place([(y, c.height(), c.current) for (_i, y), c in zip(wanted, cards,
                                                                        strict=True)],
                     self.GAP, height - self.GAP, self.GAP)
        for (_item, y), card, top in zip(wanted, cards, tops, strict=True):
            if card.pos().y() != top or card.pos().x() != self.GAP:
                card.move(self.GAP, top)
            if not card.isVisible():
                card.show()
            self.anchors.append((y, top, card.colour))
        self.empty.setGeometry(0, 0, self.width(), self.fontMetrics().height() * 3)
        self.empty.setVisible(not items)
        if self.anchors != old_anchors:
            self.update()  # the connector lines moved

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """A thin line from the finding's line to a card pushed further down."""
        p = QPainter(self)
        for anchor, top, col in self.anchors:
            if top - anchor > 2:
                c = QColor(col)
                c.setAlpha(120)
                p.setPen(QPen(c, 1))
                p.drawLine(0, anchor + 2, self.GAP, anchor + 2)
                p.drawLine(self.GAP // 2, anchor + 2, self.GAP // 2, top + 4)
        p.end()

    def visible_cards(self) -> list[Card]:
        return [c for c in self.cards.values() if c.isVisible()]
