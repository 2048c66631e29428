"""Verktyg → Min ordlista: the personal word list (ord.txt) to view and edit.

Words added with "Lägg till i ordlistan" land here; this is where a wrong one is
taken out again. Changes are written with "Spara" (atomic, with a backup); when
the file changed meanwhile (a word added from the draft), the list is read again
and the person's own changes are made once more on top.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from proofer.os_errors import describe
from proofer.settings import Settings
from proofer.word_list_file import ChangedOnDisk, WordListError, WordListFile


class WordListDialog(QDialog):
    saved = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Min ordlista")
        self.path = settings.personal_words_path
        self.ops: list[Callable[[WordListFile], object]] = []
        lay = QVBoxLayout(self)
        where = QLabel(f"Ord som stavningskontrollen godtar: {self.path}")
        where.setWordWrap(True)
        lay.addWidget(where)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        lay.addWidget(self.search)
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_word = QLineEdit()
        self.new_word.setPlaceholderText("Nytt ord")
        self.new_word.returnPressed.connect(self.add_typed)
        row.addWidget(self.new_word, 1)
        add = QPushButton("Lägg till")
        add.clicked.connect(self.add_typed)
        row.addWidget(add)
        self.remove_button = QPushButton("Ta bort")
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.remove_button)
        lay.addLayout(row)
        bottom = QHBoxLayout()
        self.status = QLabel()
        bottom.addWidget(self.status, 1)
        self.save_button = QPushButton("Spara")
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        close = QPushButton("Stäng")
        close.clicked.connect(self.close)
        bottom.addWidget(close)
        for b in (add, self.remove_button, self.save_button, close):
            b.setAutoDefault(False)
        lay.addLayout(bottom)
        em = self.fontMetrics().height()
        self.resize(em * 26, em * 30)
        self.reload()

    def reload(self) -> None:
        self.file = WordListFile.load(self.path)
        self.ops = []
        self.refresh()

    def words(self) -> list[str]:
        return self.file.words

    def refresh(self) -> None:
        query = self.search.text().strip().lower()
        shown = sorted((w for w in self.file.words if query in w.lower()), key=str.lower)
        self.list.clear()
        self.list.addItems(shown)
        dirty = " (osparade ändringar)" if self.ops else ""
        self.status.setText(f"{len(shown)} av {len(self.file.words)} ord{dirty}")
        self.save_button.setEnabled(bool(self.ops))

    def _apply(self, op: Callable[[WordListFile], object]) -> bool:
        try:
            op(self.file)
        except WordListError as exc:
            QMessageBox.warning(self, "Min ordlista", str(exc))
            return False
        self.ops.append(op)
        self.refresh()
        return True

    def add_typed(self) -> None:
        word = self.new_word.text()
        if self._apply(lambda f: f.add(word)):
            self.new_word.clear()

    def remove_selected(self) -> None:
        for word in [i.text() for i in self.list.selectedItems()]:
            self._apply(lambda f, w=word: f.remove(w))

    def save(self) -> bool:
        try:
            self.file.save()
        except ChangedOnDisk:
            ops = self.ops
            self.reload()  # someone else's words first, then ours again
            for op in ops:
                self._apply(op)
            try:
                self.file.save()
            except (ChangedOnDisk, OSError) as exc:
                QMessageBox.critical(self, "Kunde inte spara", describe(exc, self.path)
                                     if isinstance(exc, OSError) else str(exc))
                return False
        except OSError as exc:
            QMessageBox.critical(self, "Kunde inte spara", describe(exc, self.path))
            return False
        self.ops = []
        self.refresh()
        self.saved.emit(str(self.path))
        return True

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self.ops and QMessageBox.question(
                self, "Osparade ändringar", "Ordlistan har osparade ändringar. Släng dem?"
        ) != QMessageBox.StandardButton.Yes:
            event.ignore()
            return
        event.accept()


__all__ = ["WordListDialog"]
