"""Suggestion cards beside the text, like review comments in a word processor.

Each card sits at the height of its finding's line, pushed down when the card above
needs the room, and moves with the text when it scrolls. Only findings near the
screen get a card widget, so a long draft with hundreds of findings stays fast.
"""

from __future__ import annotations

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
from proofer.ui.live import LiveFinding
from proofer.ui.style import COLOURS, LABELS


class Card(QFrame):
    accepted = Signal(int, int)
    ignored = Signal(int)
    clicked = Signal(int)

    def __init__(self, item: LiveFinding, parent: QWidget) -> None:
        super().__init__(parent)
        self.item = item
        f = item.finding
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.colour = COLOURS[f.category]
        lay = QVBoxLayout(self)
        em = self.fontMetrics().height()
        lay.setContentsMargins(em // 2 + 3, em // 3, em // 2, em // 3)
        lay.setSpacing(em // 5)

        head = QLabel(f"<span style='color:{self.colour}'><b>{escape(LABELS[f.category])}"
                      f"</b>{' · tips' if item.hint else ''}</span>&nbsp;&nbsp;"
                      f"<s>{escape(_short(visible_text(f.text)))}</s>")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(head)
        msg = QLabel(escape(f.message))
        msg.setWordWrap(True)
        msg.setObjectName("message")
        lay.addWidget(msg)
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
            none = QLabel("Inget förslag – avgör själv")
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
        self.set_current(False)

    def set_current(self, current: bool) -> None:
        border = f"2px solid {self.colour}" if current else "1px solid palette(mid)"
        bg = "palette(alternate-base)" if current else "palette(base)"
        opacity = "" if not self.item.hint or current else "color: palette(dark);"
        self.setStyleSheet(
            f"QFrame#card {{ background: {bg}; border: {border}; "
            f"border-left: 5px solid {self.colour}; border-radius: 4px; }}"
            f"QLabel#message {{ {opacity} }}"
            "QPushButton { padding: 1px 8px; }")
        self.current = current

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.clicked.emit(self.item.id)
        super().mousePressEvent(event)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.relayout)
        editor.verticalScrollBar().valueChanged.connect(self.schedule)
        editor.updateRequest.connect(lambda _r, dy: dy and self.schedule())
        self.empty = QLabel("Inga förslag", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(dark);")

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

    def relayout(self) -> None:
        """Place a card for every finding whose line is on screen."""
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
        bottom = self.GAP
        for item, y in wanted:
            card = self.cards.get(item.id)
            if card is None or card.item is not item:
                if card is not None:
                    card.deleteLater()
                card = Card(item, self)
                card.accepted.connect(self.accepted)
                card.ignored.connect(self.ignored)
                card.clicked.connect(self.clicked)
                self.cards[item.id] = card
            if card.current != (item.id == self.current_id):
                card.set_current(item.id == self.current_id)
            if card.width() != width or not card.isVisible():
                card.setFixedWidth(width)
                h = card.heightForWidth(width) if card.hasHeightForWidth() else -1
                card.setFixedHeight(h if h > 0 else card.sizeHint().height())
            h = card.height()
            top = max(y, bottom)
            if card.pos().y() != top or card.pos().x() != self.GAP:
                card.move(self.GAP, top)
            if not card.isVisible():
                card.show()
            bottom = top + h + self.GAP
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
