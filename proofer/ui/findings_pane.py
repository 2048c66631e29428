"""Visa → Fyndlista: every open finding as one line, like Word's Editor pane.

Each line names the category in words (never colour alone) and shows the sentence
around the finding with the change inline: the wrong text struck through, the first
suggestion highlighted after it. Up/Down move, Enter accepts the first suggestion,
Delete or Esc ignores, and choosing a line selects the finding in the text. The
margin cards stay; this list is the way to reach every finding, also those far from
the screen.

The list is a model over the window's FindingStore, refreshed whenever the findings
change. A refresh never moves the text's selection: only a person choosing a line
does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from proofer.finding import Category
from proofer.ui.editor import DraftEditor, suggestion_label
from proofer.ui.finding_sentence import Snippet, snippet
from proofer.ui.live import LiveFinding
from proofer.ui.offsets import OffsetMap
from proofer.ui.rich_elide import elided_document
from proofer.ui.style import COLOURS, LABELS

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


class FindingsModel(QAbstractListModel):
    """The pane's rows: the store's visible findings in text order, one category or all."""

    def __init__(self, editor: DraftEditor) -> None:
        super().__init__()
        self.editor = editor
        self.rows: list[LiveFinding] = []
        self.category: Category | None = None
        # id -> (paragraph text it was made from, snippet, line number)
        self._cache: dict[int, tuple[str, Snippet, int]] = {}

    def wanted(self) -> list[LiveFinding]:
        return [i for i in self.editor.store.visible()
                if self.category is None or i.finding.category is self.category]

    def reload(self, rows: list[LiveFinding] | None = None) -> None:
        rows = self.wanted() if rows is None else rows
        if [i.id for i in rows] == [i.id for i in self.rows]:
            # A re-check after typing mostly finds the same findings: their lines
            # are redrawn, not rebuilt (a reset of a long list cost milliseconds
            # of the GUI thread after every check).
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        live = {i.id for i in self.rows}
        self._cache = {k: v for k, v in self._cache.items() if k in live}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def row_of(self, fid: int) -> int:
        return next((n for n, i in enumerate(self.rows) if i.id == fid), -1)

    def snippet_of(self, item: LiveFinding) -> tuple[Snippet, int]:
        """The sentence around the finding and its line number, computed when a row
        is first shown (a long draft can have thousands of findings)."""
        block = self.editor.document().findBlock(item.start)
        text = block.text()
        got = self._cache.get(item.id)
        if got is None or got[0] != text:  # new, or its paragraph was edited since
            omap = OffsetMap(text)
            start = omap.to_codepoint(item.start - block.position())
            end = omap.to_codepoint(item.end - block.position())
            right = item.finding.suggestions[0] if item.finding.suggestions else None
            got = (text, snippet(text, start, end, right, width=24), block.blockNumber() + 1)
            self._cache[item.id] = got
        return got[1], block.blockNumber() + 1

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        item = self.rows[index.row()]
        f = item.finding
        if role == ID_ROLE:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            snip, line = self.snippet_of(item)
            hint = " (tips)" if item.hint else ""
            return f"{LABELS[f.category]}{hint}, rad {line}: {snip.plain()} – {f.message}"
        if role == HTML_ROLE:
            return self._html(item)
        if role == Qt.ItemDataRole.ToolTipRole:  # all of a row the list had to cut
            more = ", ".join(s or "(ta bort)" for s in f.suggestions[:5])
            snip, _line = self.snippet_of(item)
            return f"{f.message}\n{snip.plain()}" + (f"\nFörslag: {more}" if more else "")
        return None

    def _html(self, item: LiveFinding) -> str:
        from html import escape

        f = item.finding
        snip, line = self.snippet_of(item)
        colour = COLOURS[f.category]
        hint = " · tips" if item.hint else ""
        return (f"<div><span style='color:{colour}'>■</span> "
                f"<b style='color:{colour}'>{escape(LABELS[f.category])}</b>"
                f"<span style='color:#666'>{hint} · rad {line} · {escape(f.message)}</span>"
                f"</div><div>{snip.html()}</div>")


class HtmlDelegate(QStyledItemDelegate):
    """Draws a row's two lines of rich text (Qt's item views show only plain text),
    each ending in "…" where the row is too narrow for it (the tooltip has it all).

    Each row's text is drawn once into a picture and then only copied: laying out
    and drawing rich text costs about a millisecond a row, too much to repeat for
    every row whenever the list repaints (a check arriving, a scroll)."""

    KEEP = 400

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pictures: dict[tuple, QPixmap] = {}

    def _picture(self, option: QStyleOptionViewItem, html: str, selected: bool) -> QPixmap:
        size = option.rect.size()
        ratio = option.widget.devicePixelRatioF() if option.widget else 1.0
        key = (html, size.width(), size.height(), selected, option.font.key(), ratio)
        pic = self._pictures.get(key)
        if pic is None:
            if len(self._pictures) >= self.KEEP:
                self._pictures.clear()
            doc = elided_document(html, option.font, size.width())
            pic = QPixmap(size * ratio)
            pic.setDevicePixelRatio(ratio)
            pic.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pic)
            painter.setClipRect(QRectF(0, 0, size.width(), size.height()))
            ctx = QAbstractTextDocumentLayout.PaintContext()
            if selected:
                ctx.palette.setColor(QPalette.ColorRole.Text,
                                     option.palette.color(QPalette.ColorRole.HighlightedText))
            doc.documentLayout().draw(painter, ctx)
            painter.end()
            self._pictures[key] = pic
        return pic

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: ANN001
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.drawPixmap(opt.rect.topLeft(), self._picture(opt, index.data(HTML_ROLE) or "",
                                                             selected))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        h = option.fontMetrics.height()
        return QSize(option.rect.width(), 2 * h + h // 2 + 6)


class FindingsList(QListView):
    """Up/Down move (Qt's own), Enter accepts, Delete/Esc ignore, the Menu key (or
    Shift+F10) opens the current line's menu."""

    acceptRequested = Signal(int, int)
    ignoreRequested = Signal(int)
    #: row, global position: a line's menu was asked for
    menuRequested = Signal(int, QPoint)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        """From the keyboard the menu is the current line's, shown below it (Qt
        gives the middle of the list as the position, often another line or none)."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            rect = self.visualRect(index)
            pos = self.viewport().mapToGlobal(rect.bottomLeft() + QPoint(rect.height(), 0))
        else:
            index = self.indexAt(self.viewport().mapFromGlobal(event.globalPos()))
            pos = event.globalPos()
        if index.isValid():
            self.menuRequested.emit(index.row(), pos)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        index = self.currentIndex()
        fid = index.data(ID_ROLE) if index.isValid() else None
        key = event.key()
        if fid is not None and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                     Qt.KeyboardModifier.KeypadModifier):
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.acceptRequested.emit(fid, 0)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Escape):
                self.ignoreRequested.emit(fid)
                return
        super().keyPressEvent(event)


class FindingsPane(QWidget):
    """The list with its category filter and the "n av m kvar" count.

    `handled(category)` tells how many findings of a category (None: all) were
    already changed or ignored, so the count can say how far the review has come.
    """

    acceptRequested = Signal(int, int)
    ignoreRequested = Signal(int)
    ignoreEverywhereRequested = Signal(int)
    selected = Signal(int)  # a person chose this finding's line

    def __init__(self, editor: DraftEditor, handled: Callable[[str | None], int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.handled = handled
        self._syncing = False
        #: called as f(menu, finding) while a line's right-click menu is built
        self.menu_extensions: list[Callable[[QMenu, LiveFinding], None]] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.setToolTip("Visa bara en kategori")
        self.filter.addItem("Alla kategorier", None)
        for c in Category:
            self.filter.addItem(LABELS[c], str(c))
        self.filter.currentIndexChanged.connect(self._filter_changed)
        # Narrower than its longest entry if need be: "3 av 27 kvar" beside it must
        # stay readable in a narrow dock (it was cut off at the window's edge).
        self.filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter.setMinimumContentsLength(8)
        top.addWidget(self.filter, 1)
        self.count = QLabel()
        self.count.setObjectName("count")
        top.addWidget(self.count)
        lay.addLayout(top)

        self.model = FindingsModel(editor)
        self.view = FindingsList()
        self.view.setModel(self.model)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAccessibleName("Fyndlista")
        self.view.acceptRequested.connect(self._accept)
        self.view.ignoreRequested.connect(self._ignore)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.clicked.connect(lambda i: self._current_changed(i, QModelIndex()))
        self.view.menuRequested.connect(self._context_menu)
        lay.addWidget(self.view, 1)
        self.empty = QLabel("Inga fynd")
        #: before the draft's first check (or when checking failed): said instead of
        #: "Inga fynd", so that nobody takes an unchecked draft for a clean one
        self.unchecked: str | None = None
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(dark);")
        lay.addWidget(self.empty)

        # Typing drops findings from the store without a full refresh: follow it.
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._edited)
        editor.document().contentsChange.connect(lambda *_: self._timer.start())
        self.refresh()

    # -- filling ---------------------------------------------------------------
    def _filter_changed(self) -> None:
        data = self.filter.currentData()
        self.model.category = Category(data) if data else None
        self.refresh()

    def _edited(self) -> None:
        """Typing: rebuild only when a finding went (typing inside it). Otherwise the
        rows stay as they are until the check after the typing refreshes them: a
        repaint on every keystroke would cost more than the keystroke itself."""
        if [i.id for i in self.model.wanted()] != [i.id for i in self.model.rows]:
            self.refresh()
        # else: the same rows; their words show as re-checked after the next check

    def refresh(self) -> None:
        """Rebuild the rows; the same finding (or, when it is gone, the same row)
        stays current, without moving the text's selection."""
        self._timer.stop()
        old = self.view.currentIndex()
        fid, row = (old.data(ID_ROLE), old.row()) if old.isValid() else (None, -1)
        if fid is None and self.editor.current is not None:
            fid = self.editor.current.id  # the text's current finding, if no line was
        self._syncing = True
        try:
            self.model.reload()
            new_row = self.model.row_of(fid) if fid is not None else -1
            if new_row < 0 and row >= 0 and self.model.rows:
                new_row = min(row, len(self.model.rows) - 1)
            if new_row >= 0:
                self.view.setCurrentIndex(self.model.index(new_row))
        finally:
            self._syncing = False
        self._update_count()

    def _update_count(self) -> None:
        cat = self.model.category
        open_ = len(self.model.rows)
        total = open_ + self.handled(str(cat) if cat is not None else None)
        self.count.setText(f"{open_} av {total} kvar")
        self.empty.setVisible(open_ == 0)
        self.empty.setText(self.unchecked or ("Inga fynd kvar" if total else "Inga fynd"))
        for n in range(self.filter.count()):
            data = self.filter.itemData(n)
            c = Category(data) if data else None
            shown = sum(1 for i in self.editor.store.visible()
                        if c is None or i.finding.category is c)
            label = "Alla kategorier" if c is None else LABELS[c]
            self.filter.setItemText(n, f"{label} ({shown})")

    # -- acting ------------------------------------------------------------------
    def line_menu(self, row: int) -> QMenu | None:
        """A line's right-click menu: its suggestions, then Ignorera, as on the text."""
        if not 0 <= row < len(self.model.rows):
            return None
        item = self.model.rows[row]
        f = item.finding
        menu = QMenu(self)
        for n, sug in enumerate(f.suggestions[:9]):
            act = menu.addAction(f"{n + 1}. {suggestion_label(sug)}")
            act.triggered.connect(lambda _=False, k=n: self._accept(item.id, k))
        if not f.suggestions:
            menu.addAction("(inga förslag)").setEnabled(False)
        menu.addSeparator()
        menu.addAction("Ignorera").triggered.connect(lambda: self._ignore(item.id))
        menu.addAction("Ignorera överallt").triggered.connect(
            lambda: (self.ignoreEverywhereRequested.emit(item.id), self._select_current()))
        for extend in self.menu_extensions:
            extend(menu, item)
        return menu

    def _context_menu(self, row: int, pos: QPoint) -> None:
        menu = self.line_menu(row)
        if menu is not None:
            menu.exec(pos)
            menu.deleteLater()

    def _accept(self, fid: int, index: int) -> None:
        self.acceptRequested.emit(fid, index)
        self._select_current()

    def _ignore(self, fid: int) -> None:
        self.ignoreRequested.emit(fid)
        self._select_current()

    def _select_current(self) -> None:
        """After an accept or ignore the next line is current: select its finding in
        the text too, so the line and the text never disagree about what Enter does."""
        fid = self.current_id()
        current = self.editor.current
        if fid is not None and (current is None or current.id != fid):
            self.selected.emit(fid)

    # -- following and leading the text ------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.selected.emit(current.data(ID_ROLE))

    def set_current(self, fid: int | None) -> None:
        """The text's current finding changed (F8, a click): show its line."""
        if fid is None:
            return
        row = self.model.row_of(fid)
        if row < 0 or row == self.view.currentIndex().row():
            return
        self._syncing = True
        try:
            self.view.setCurrentIndex(self.model.index(row))
            self.view.scrollTo(self.model.index(row))
        finally:
            self._syncing = False

    def take_focus(self) -> None:
        """Keyboard to the list, and its current line's finding selected in the text."""
        self.view.setFocus()
        fid = self.current_id()
        if fid is not None:
            self.selected.emit(fid)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def lines(self) -> list[str]:
        """Every row as a person reads it (plain text)."""
        return [self.model.data(self.model.index(n)) for n in range(self.model.rowCount())]


def install(window) -> FindingsPane:  # noqa: ANN001 - the MainWindow (import cycle)
    """Put the pane in a dock on the window's right and wire it to the window's
    accept/ignore, so the pane acts exactly like the cards and the keyboard."""
    from PySide6.QtWidgets import QDockWidget

    def handled(category: str | None) -> int:
        log = window.changes
        changed = sum(1 for c in log.changes if not c.is_undone(log.available)
                      and (category is None or c.category == category))
        return changed + window.ignored_log.count(category)

    pane = FindingsPane(window.editor, handled)
    dock = QDockWidget("Fyndlista", window)
    dock.setObjectName("findings")
    dock.setWidget(pane)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.toggleViewAction().setText("&Fyndlista")
    dock.toggleViewAction().triggered.connect(
        lambda shown: shown and pane.take_focus())

    def go() -> None:
        """F7 (Word's Editor pane key) takes the keyboard to the list, showing it
        if hidden; pressed in the list it hides it and goes back to the text. (A
        plain toggle hid the open list from someone who pressed F7 to reach it.)"""
        if not dock.isVisible():
            dock.show()
            pane.take_focus()
        elif pane.isAncestorOf(QApplication.focusWidget()):
            dock.hide()
            window.editor.setFocus()
        else:
            pane.take_focus()

    window.findings_go_action = QAction("Till f&yndlistan", window)
    window.findings_go_action.setShortcut("F7")
    window.findings_go_action.triggered.connect(go)
    window.addAction(window.findings_go_action)
    em = window.fontMetrics().height()
    window.resizeDocks([dock], [em * 26], Qt.Orientation.Horizontal)

    def select(fid: int) -> None:
        item = window.store.by_id(fid)
        if item is not None:
            window.editor.select_finding(item)

    pane.selected.connect(select)
    pane.acceptRequested.connect(window.accept)
    pane.ignoreRequested.connect(lambda fid: window.ignore(fid, False))
    pane.ignoreEverywhereRequested.connect(lambda fid: window.ignore(fid, True))
    window.editor.currentFindingChanged.connect(
        lambda item: pane.set_current(item.id if item else None))
    window.findings_dock = dock
    return pane
