"""Ordlistor → "Sök i alla": one search over every name list at once.

"Is Hallberg in any of our dictionaries, and as what?" should not mean opening each
file in turn. The hit says which list holds the entry; double-click opens that list
in the editor with the name searched for. Also finds an entry by its other forms
and known misspellings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from proofer.names.editing import DictionaryFile
from proofer.names.model import Entry, EntryError

COLUMNS = ["Namn", "Sort", "Titlar", "Parti", "Andra former och felstavningar", "Ordlista"]


def search_entries(files: list[tuple[str, Path]], query: str
                   ) -> tuple[list[tuple[str, Path, Entry]], list[str]]:
    """(list label, path, entry) of every entry with `query` in any of its fields,
    and a Swedish line for each list that could not be read."""
    q = query.strip().lower()
    hits: list[tuple[str, Path, Entry]] = []
    problems: list[str] = []
    for label, path in files:
        try:
            entries = DictionaryFile.load(path).entries
        except EntryError as exc:
            problems.append(str(exc))
            continue
        for e in entries:
            if q and any(q in str(v).lower() for v in e.to_mapping().values()):
                hits.append((label, path, e))
    return hits, problems


class AllListsSearch(QWidget):
    openRequested = Signal(str, str)  # path, name

    def __init__(self, files: list[tuple[str, Path]], kind_labels: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.kind_labels = kind_labels
        lay = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setPlaceholderText("Sök i alla namnordlistor: namn, titel, parti, andra former…")
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self.refresh)
        lay.addWidget(self.query)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._open_row)
        lay.addWidget(self.table, 1)
        self.status = QLabel("Skriv för att söka.")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)

    def refresh(self) -> None:
        query = self.query.text()
        hits, problems = search_entries(self.files, query) if query.strip() else ([], [])
        self.table.setRowCount(len(hits))
        for r, (label, path, e) in enumerate(hits):
            values = [e.name, self.kind_labels.get(e.kind, e.kind), "; ".join(e.titles),
                      e.party, "; ".join(e.aliases + e.wrong), label]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, (str(path), e.name))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        text = f"{len(hits)} träffar i {len({h[1] for h in hits})} ordlistor" \
            if query.strip() else "Skriv för att söka."
        if problems:
            text += "\nKunde inte läsas: " + "; ".join(problems)
        self.status.setText(text)

    def _open_row(self, index) -> None:  # noqa: ANN001
        path, name = self.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        self.openRequested.emit(path, name)
