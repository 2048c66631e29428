"""What the copy desk changed in a draft: shown in a dock, exported as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from proofer.ui.editor import suggestion_label

HEADERS = ["Tid", "Rad", "Före", "Efter", "Regel", "Kategori"]


@dataclass(frozen=True)
class Change:
    time: datetime
    line: int
    before: str
    after: str
    rule: str
    category: str

    def row(self) -> list[str]:
        return [self.time.strftime("%Y-%m-%d %H:%M:%S"), str(self.line), self.before,
                suggestion_label(self.after) if not self.after else self.after,
                self.rule, self.category]


class ChangeLog:
    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(self, change: Change) -> None:
        self.changes.append(change)

    def clear(self) -> None:
        self.changes.clear()

    def to_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow([h.lower() for h in ["time", "line", "before", "after", "rule", "category"]])
        for c in self.changes:
            w.writerow([c.time.isoformat(timespec="seconds"), c.line, c.before, c.after,
                        c.rule, c.category])
        return out.getvalue()


class ChangeTable(QTableWidget):
    def __init__(self, log: ChangeLog) -> None:
        super().__init__(0, len(HEADERS))
        self.log = log
        self.setHorizontalHeaderLabels(HEADERS)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()

    def refresh(self) -> None:
        self.setRowCount(len(self.log.changes))
        for r, change in enumerate(self.log.changes):
            for c, value in enumerate(change.row()):
                self.setItem(r, c, QTableWidgetItem(value))
        self.scrollToBottom()
