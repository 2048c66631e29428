"""The draft's text view: underlines, hover explanations, the finding menu and the
keyboard review mode.

Review mode (documented in Hjälp → Tangentbord) is a state only the person starts and
ends: F8 / Shift+F8 select the next or previous finding and enter it. While a finding
is the current one, Enter accepts the first suggestion, 1–9 the n-th, Esc ignores it,
and each of them moves on. Review mode may also have no current finding (a re-check no
longer reports the selected one, or the last finding is done): then Enter and 1–9 do
nothing at all, so they can never type over the selected text, and Esc leaves review
mode. Any other key (or a mouse click) leaves review mode and is handled as normal
typing. A background re-check never ends review mode and never moves the selection.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from proofer.finding import Category
from proofer.formats.edits import LINE_SEP
from proofer.ui.live import FindingStore, LiveFinding
from proofer.ui.style import LABELS, colour

ADDABLE = {Category.SPELLING, Category.NAME}
MIN_POINTS, MAX_POINTS = 6.0, 48.0
# C0 controls other than tab and line feed, and DEL: never part of a draft; nor the
# noncharacters U+FDD0–U+FDEF (Unicode keeps them for a program's own use: the stand-ins
# below), so a pasted one can never be saved as the character it stands in for.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufdd0-\ufdef]")
# Characters a QTextDocument does not hold as they are: it makes each one a paragraph
# break (U+2029 is its own block separator, U+FDD0/U+FDD1 mark its frames, a lone CR
# ends a line), so a draft saved from the editor came back with a new line where the
# file had one of them. In the editor each stands as a noncharacter the text does not
# contain, one to one (offsets stay), and is given back as it was.
_NOT_KEPT = ("\u2029", "\ufdd0", "\ufdd1", "\r")
_STAND_INS = tuple(chr(c) for c in range(0xFDD2, 0xFDF0))


def stand_ins(text: str, known: dict[str, str] | None = None, *,
              lone_cr: bool = True) -> dict[str, str]:
    """The characters of `text` the editor cannot hold, each with its stand-in (those
    in `known` keep theirs, for the undo history). `lone_cr` False: the file's own
    line ends are CRs (a classic Mac file), which the editor shows as lines."""
    table = dict(known or {})
    taken = set(table.values())
    free = (c for c in _STAND_INS if c not in taken and c not in text)
    for char in _NOT_KEPT:
        if char in text and char not in table and (lone_cr or char != "\r"):
            table[char] = next(free)
    return table
_MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
              Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock}


def suggestion_label(s: str) -> str:
    """A suggestion as people can read it: removal and bare spaces made visible."""
    if not s:
        return "(ta bort)"
    return visible_text(s)


def visible_text(s: str) -> str:
    """Text that is only spaces (a double space, a stray blank) would be invisible
    in a card or a menu: show each space as ␣."""
    return s.replace(" ", "␣").replace("\u00a0", "⍽") if not s.strip() else s


class DraftEditor(QPlainTextEdit):
    acceptRequested = Signal(int, int)  # finding id, suggestion index
    ignoreRequested = Signal(int, bool)  # finding id, everywhere
    addWordRequested = Signal(int, bool)  # finding id, also propose to the shared dictionary
    acceptAllRequested = Signal(int)  # finding id: every finding of its rule
    currentFindingChanged = Signal(object)  # LiveFinding | None
    reviewModeChanged = Signal(bool)
    #: Enter or 1–9 in review mode with no current finding: nothing was typed
    reviewKeyRefused = Signal()
    fileDropped = Signal(str)

    #: build underlines only for the blocks on screen (plus a margin); see the benchmark
    visible_only = True
    #: whether the draft's format has a line break inside a paragraph (HTML's <br>,
    #: Word's Shift+Enter), which Qt types for Shift+Enter as U+2028; a plain text
    #: file has none: there U+2028 would be an invisible character, not a new line
    line_breaks = False

    def __init__(self, store: FindingStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        #: characters of the draft shown as stand-ins (see `stand_ins`), usually none
        self.stand_ins: dict[str, str] = {}
        #: called as f(menu, finding or None) while the right-click menu is built
        self.menu_extensions: list[Callable[[QMenu, LiveFinding | None], None]] = []
        self.review_id: int | None = None  # the finding under review, if any
        self.reviewing = False  # review mode, with or without a current finding
        self.current: LiveFinding | None = None
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh_underlines)
        self._looks: list[tuple[object, bool, bool]] = []
        self.default_point_size = round(self.font().pointSizeF() * 1.15)
        self.set_point_size(self.default_point_size)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.verticalScrollBar().valueChanged.connect(self.schedule_refresh)
        self.setMouseTracking(True)

    # -- the draft's text, every character as in the file ----------------------
    def set_draft(self, text: str, *, lone_cr: bool = True) -> None:
        """Show a newly opened draft (a new undo history, so new stand-ins)."""
        self.stand_ins = stand_ins(text, lone_cr=lone_cr)
        self.setPlainText(self.shown(text))

    def shown(self, text: str) -> str:
        """`text` as the editor holds it: with the stand-ins, same length."""
        for char, stand_in in self.stand_ins.items():
            text = text.replace(char, stand_in)
        return text

    def draft_text(self) -> str:
        """The draft as the core sees it: blocks joined by '\\n', every character as
        it came (toPlainText would turn no-break spaces into spaces)."""
        return self.given_back(self.document().toRawText().replace("\u2029", "\n"))

    def given_back(self, text: str) -> str:
        for char, stand_in in self.stand_ins.items():
            text = text.replace(stand_in, char)
        return text

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Copied text has the draft's own characters, never a stand-in."""
        data = super().createMimeDataFromSelection()
        if self.stand_ins and data.hasText():
            data.setText(self.given_back(data.text()))
        return data

    # -- text size -------------------------------------------------------------
    def point_size(self) -> float:
        return self.font().pointSizeF()

    def set_point_size(self, size: float) -> float:
        """The draft's text size, within what can still be read and still fits."""
        size = max(MIN_POINTS, min(MAX_POINTS, size))
        font = self.font()
        font.setPointSizeF(size)
        self.setFont(font)
        self.document().setDocumentMargin(size)
        self.schedule_refresh()
        return size

    # -- underlines ------------------------------------------------------------
    def schedule_refresh(self) -> None:
        """Coalesce: one rebuild per turn of the event loop, however many edits."""
        self._refresh_timer.start()

    def _shown_range(self) -> tuple[int, int]:
        if not self.visible_only:
            return 0, 1 << 60
        block = self.firstVisibleBlock()
        height = self.viewport().height()
        offset = self.contentOffset()
        first = block
        # One screen above and below, so scrolling a little shows no bare text.
        for _ in range(30):
            prev = first.previous()
            if not prev.isValid():
                break
            first = prev
        last = block
        while last.isValid():
            top = self.blockBoundingGeometry(last).translated(offset).top()
            if top > 2 * height:
                break
            nxt = last.next()
            if not nxt.isValid():
                break
            last = nxt
        return first.position(), last.position() + last.length()

    def refresh_underlines(self) -> None:
        lo, hi = self._shown_range()
        shown = [i for i in self.store.visible() if not (i.end < lo or i.start > hi)]
        # The same underlines where they are (a re-check that found what was there;
        # the underlines' cursors have followed the edits): nothing to rebuild.
        looks = [(i.finding.category, i.hint, i is self.current) for i in shown]
        if looks == self._looks and [(i.start, i.end) for i in shown] == [
                (s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s in self.extraSelections()]:
            return
        self._looks = looks
        doc = self.document()
        selections: list[QTextEdit.ExtraSelection] = []
        for item in shown:
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(item.start)
            cur.setPosition(item.end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            fmt = QTextCharFormat()
            col = colour(item.finding.category, item.hint)
            fmt.setUnderlineColor(col)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine if item.hint
                                  else QTextCharFormat.UnderlineStyle.WaveUnderline)
            if item is self.current:
                bg = QColor(col)
                bg.setAlpha(45)
                fmt.setBackground(bg)
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def underline_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, colour) of every underline on screen, for tests and checks."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd(),
                 s.format.underlineColor().name()) for s in self.extraSelections()]

    # -- current finding and review mode ------------------------------------
    def _cursor_moved(self) -> None:
        if self.review_id is not None:
            item = self.store.by_id(self.review_id)
            cur = self.textCursor()
            if item is not None and not (item.start <= cur.position() <= item.end):
                self.leave_review()  # the person moved away (an edit, a jump)
        self.update_current()

    def update_current(self) -> None:
        """The finding the cards and actions refer to: the one under review, else the
        one under the caret; none while review mode has lost its finding."""
        item = self.store.by_id(self.review_id) if self.review_id is not None else None
        if item is None and self.review_id is not None:
            self.review_id = None  # a re-check dropped it: review mode stays on
        if item is None and not self.reviewing:
            cur = self.textCursor()
            item = self.store.at(cur.position()) if not cur.hasSelection() else \
                self._finding_selected(cur)
        if item is not self.current:
            self.current = item
            self.currentFindingChanged.emit(item)
            self.schedule_refresh()

    def _finding_selected(self, cur: QTextCursor) -> LiveFinding | None:
        a, b = cur.selectionStart(), cur.selectionEnd()
        return next((i for i in self.store.visible() if (i.start, i.end) == (a, b)), None)

    def review(self, backwards: bool = False, from_pos: int | None = None) -> LiveFinding | None:
        """Select the next (previous) finding and enter review mode.

        `from_pos`: continue with the first finding starting at or after it (used after
        an accept or ignore, whose finding is gone). Without it, a finding that is
        selected or under the caret but not yet under review is taken first, so F8
        never skips it."""
        cur = self.textCursor()
        under_review = self.store.by_id(self.review_id) if self.review_id is not None \
            else None
        if from_pos is not None:
            item = self.store.next_after(from_pos - 1, backwards)
        elif under_review is not None:
            item = self.store.next_after(under_review.start, backwards)
        else:
            here = self._finding_selected(cur) if cur.hasSelection() else \
                self.store.at(cur.position())
            if here is not None:
                item = here
            else:
                pos = cur.selectionStart() if backwards else cur.selectionEnd() - 1
                item = self.store.next_after(pos, backwards)
        if item is None:
            self.leave_review()
            return None
        self.select_finding(item)
        return item

    def select_finding(self, item: LiveFinding) -> None:
        self.review_id = item.id
        cur = QTextCursor(self.document())
        cur.setPosition(item.start)
        cur.setPosition(item.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        self._set_reviewing(True)
        self.update_current()

    def finish_review(self) -> None:
        """No finding left to review: review mode stays on, with none current, until the
        person types, clicks or presses Esc."""
        self.review_id = None
        self._set_reviewing(True)
        self.update_current()

    def leave_review(self) -> None:
        self.review_id = None
        self._set_reviewing(False)

    def _set_reviewing(self, on: bool) -> None:
        if self.reviewing != on:
            self.reviewing = on
            self.reviewModeChanged.emit(on)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if self.reviewing and key not in _MODIFIERS:
            item = self.store.by_id(self.review_id) if self.review_id is not None else None
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.NoModifier:
                accept_key = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    or Qt.Key.Key_1 <= key <= Qt.Key.Key_9
                if item is None and accept_key:
                    self.reviewKeyRefused.emit()  # never typed over the selection
                    return
                if item is None and key == Qt.Key.Key_Escape:
                    self.leave_review()
                    return
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if item.finding.suggestions:
                        self.acceptRequested.emit(item.id, 0)
                    return
                if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                    n = key - Qt.Key.Key_1
                    if n < len(item.finding.suggestions):
                        self.acceptRequested.emit(item.id, n)
                    return
                if key == Qt.Key.Key_Escape:
                    self.ignoreRequested.emit(item.id, False)
                    return
            if key not in (Qt.Key.Key_F8,):
                self.leave_review()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.line_breaks \
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.textCursor().insertText("\n")  # a new line the file can hold
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        """Pasted or dropped text, without what no draft holds: control characters
        (a NUL from a PDF or a terminal would make the saved file read as binary,
        refused when it is opened again) and, in a plain text draft, U+2028."""
        if not source.hasText():
            super().insertFromMimeData(source)
            return
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROL.sub("", text.replace("\x0b", LINE_SEP))  # Word's manual break
        if not self.line_breaks:
            text = text.replace(LINE_SEP, "\n")
        self.textCursor().insertText(text)
        self.ensureCursorVisible()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.leave_review()
        super().mousePressEvent(event)

    # -- hover and menu ------------------------------------------------------
    def finding_at_point(self, point: QPoint) -> LiveFinding | None:
        return self.store.at(self.cursorForPosition(point).position())

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.finding_at_point(event.pos())
            if item is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), tooltip_html(item), self.viewport())
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        menu = self.finding_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def suggestion_actions(self, menu: QMenu, item: LiveFinding) -> list[QAction]:
        """The finding's first nine corrections as menu entries (the first in bold),
        each accepting its own; also for corrections that come while the menu is
        open (proofer.ui.more_suggestions)."""
        actions = []
        for n, s in enumerate(item.finding.suggestions[:9]):
            act = QAction(suggestion_label(s), menu)
            font = act.font()
            font.setBold(n == 0)
            act.setFont(font)
            act.triggered.connect(lambda _=False, i=item.id, k=n:
                                  self.acceptRequested.emit(i, k))
            actions.append(act)
        return actions

    def finding_menu(self, point: QPoint) -> QMenu:
        """The right-click menu: suggestions first, then what to do with the finding,
        then the usual cut/copy/paste."""
        item = self.finding_at_point(point)
        menu = QMenu(self)
        if item is not None:
            f = item.finding
            for act in self.suggestion_actions(menu, item):
                menu.addAction(act)
            if not f.suggestions:
                menu.addAction("(inga förslag)").setEnabled(False)
            menu.addSeparator()
            menu.addAction("Ignorera").triggered.connect(
                lambda: self.ignoreRequested.emit(item.id, False))
            menu.addAction("Ignorera överallt").triggered.connect(
                lambda: self.ignoreRequested.emit(item.id, True))
            if f.category in ADDABLE:
                menu.addAction("Lägg till i ordlistan").triggered.connect(
                    lambda: self.addWordRequested.emit(item.id, False))
                menu.addAction("Lägg till och föreslå för redaktionens ordlista").triggered\
                    .connect(lambda: self.addWordRequested.emit(item.id, True))
            alike = self.store.same_rule(item)
            same = len(alike)
            if f.suggestions and same > 1:
                varied = len({i.finding.suggestions[0] for i in alike}) > 1
                menu.addAction(accept_all_label(f.message, same, varied=varied)).triggered.connect(
                    lambda: self.acceptAllRequested.emit(item.id))
            menu.addSeparator()
        for extend in self.menu_extensions:  # more actions, from their own modules
            extend(menu, item)
        standard = self.createStandardContextMenu()
        for act in standard.actions():
            act.setParent(menu)
            menu.addAction(act)
        return menu

    # -- drag and drop of files --------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.fileDropped.emit(urls[0].toLocalFile())
        else:
            super().dropEvent(event)


def accept_all_label(message: str, count: int, limit: int = 60, *,
                     varied: bool = False) -> str:
    """"Godta alla 3: Repliken inleds med bindestreck …": what the rule says, in
    Swedish, never its internal id. `varied`: the findings have different
    suggestions, so this one's message ("Genitiv på svenska: Trafikverkets …") would
    read as if every one became "Trafikverkets": the rule's words before the colon
    are shown, and that each takes its own suggestion."""
    if varied:
        head = message.split(":", 1)[0].rstrip(" .")
        if len(head) > limit:
            head = head[: limit - 1].rstrip() + "…"
        return f"Godta alla {count}: {head} (vart och ett med sitt förslag)"
    short = message if len(message) <= limit else message[: limit - 1].rstrip() + "…"
    return f"Godta alla {count}: {short}"


def tooltip_html(item: LiveFinding) -> str:
    from html import escape

    f = item.finding
    parts = [f"<b>{escape(LABELS[f.category])}</b>"
             + (" (tips)" if item.hint else "") + f": {escape(f.message)}"]
    if f.suggestions:
        parts.append("Förslag: " + ", ".join(f"<b>{escape(suggestion_label(s))}</b>"
                                             for s in f.suggestions[:5]))
    return "<br>".join(parts)
