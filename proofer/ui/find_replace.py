"""Redigera → Sök och ersätt (Ctrl+H).

Whole words and case are options, as in Word; without "Matcha versaler/gemener"
each match keeps its own case pattern ("FRDERIK" → "FREDRIK" in a headline, a
capital at a sentence start). "Ersätt alla" is one undo step, so a wrong
replace-all is taken back with one Ctrl+Z. Every replacement is in the change log
(and so in the tracked-changes export). The findings under replaced text go away
and the live check looks at the new text, as after any typing.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from proofer.ui import replacing
from proofer.ui.replacing import FIND_REPLACE_RULE, Replacement, keep_case


class FindReplaceDialog(QDialog):
    def __init__(self, window) -> None:  # noqa: ANN001 - the MainWindow
        super().__init__(window)
        self.window_ = window
        self.editor = window.editor
        self.setWindowTitle("Sök och ersätt")
        grid = QGridLayout(self)
        self.find_edit = QLineEdit()
        self.replace_edit = QLineEdit()
        # Alt+letter for every field and button: a desk works this dialog by keyboard.
        find_label, replace_label = QLabel("S&ök efter:"), QLabel("Ersätt &med:")
        find_label.setBuddy(self.find_edit)
        replace_label.setBuddy(self.replace_edit)
        grid.addWidget(find_label, 0, 0)
        grid.addWidget(self.find_edit, 0, 1)
        grid.addWidget(replace_label, 1, 0)
        grid.addWidget(self.replace_edit, 1, 1)
        self.whole_words = QCheckBox("&Hela ord")
        self.match_case = QCheckBox("Matcha &versaler/gemener")
        opts = QHBoxLayout()
        opts.addWidget(self.whole_words)
        opts.addWidget(self.match_case)
        opts.addStretch(1)
        grid.addLayout(opts, 2, 0, 1, 2)
        buttons = QHBoxLayout()
        self.find_button = QPushButton("Sök &nästa")
        self.replace_button = QPushButton("&Ersätt")
        self.replace_all_button = QPushButton("Ersätt &alla")
        close = QPushButton("&Stäng")
        for b in (self.find_button, self.replace_button, self.replace_all_button, close):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        self.find_button.setDefault(True)
        grid.addLayout(buttons, 3, 0, 1, 2)
        self.message = QLabel()
        grid.addWidget(self.message, 4, 0, 1, 2)
        self.find_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close)

    def open_with_selection(self) -> None:
        """Show, starting from the selected text (a word picked in the draft)."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.message.clear()
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _flags(self) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.whole_words.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if self.match_case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        return flags

    def _find_from(self, pos: int) -> QTextCursor | None:
        needle = self.find_edit.text()
        if not needle:
            return None
        hit = self.editor.document().find(needle, pos, self._flags())
        return None if hit.isNull() else hit

    def matches(self) -> list[tuple[int, int]]:
        """(start, end) of every match, in text order."""
        out: list[tuple[int, int]] = []
        pos = 0
        while (hit := self._find_from(pos)) is not None:
            out.append((hit.selectionStart(), hit.selectionEnd()))
            pos = max(hit.selectionEnd(), hit.selectionStart() + 1)
        return out

    def find_next(self) -> bool:
        cur = self.editor.textCursor()
        hit = self._find_from(cur.selectionEnd()) or self._find_from(0)  # wraps around
        if hit is None:
            self.message.setText(f"Hittade inte ”{self.find_edit.text()}”")
            return False
        self.editor.setTextCursor(hit)
        self.editor.ensureCursorVisible()
        self.message.clear()
        return True

    def _selection_matches(self) -> bool:
        cur = self.editor.textCursor()
        if not cur.hasSelection():
            return False
        hit = self._find_from(cur.selectionStart())
        return hit is not None and (hit.selectionStart(), hit.selectionEnd()) == \
            (cur.selectionStart(), cur.selectionEnd())

    def _replacement(self, start: int, end: int, found: str) -> Replacement:
        after = self.replace_edit.text()
        if not self.match_case.isChecked():
            after = keep_case(found, after)
        return Replacement(start, end, found, after, FIND_REPLACE_RULE, "",
                           suggested=False)

    def replace(self) -> None:
        """Replace the selected match (one undo step) and go on to the next one."""
        if self._selection_matches():
            cur = self.editor.textCursor()
            done = replacing.apply(self.window_, [self._replacement(
                cur.selectionStart(), cur.selectionEnd(), cur.selectedText())])
            if done:
                cur = self.editor.textCursor()
                cur.setPosition(done[0].start + len(done[0].after.encode("utf-16-le")) // 2)
                self.editor.setTextCursor(cur)
            self.window_._findings_changed()
        self.find_next()

    def replace_all(self) -> int:
        hits = self.matches()
        if not hits:
            self.message.setText(f"Hittade inte ”{self.find_edit.text()}”")
            return 0
        text = self.editor.document()
        reps = []
        for start, end in hits:
            cur = QTextCursor(text)
            cur.setPosition(start)
            cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            reps.append(self._replacement(start, end, cur.selectedText()))
        n = len(replacing.apply(self.window_, reps))
        self.window_._findings_changed()
        self.message.setText(f"Ersatte {n} förekomst{'' if n == 1 else 'er'}")
        return n
