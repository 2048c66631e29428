"""What the copy desk changed in a draft: shown in a dock, exported as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from proofer.finding import Category
from proofer.ui.editor import suggestion_label
from proofer.ui.style import LABELS

HEADERS = ["Tid", "Rad", "Före", "Efter", "Regel", "Kategori", "Status"]
CSV_HEADERS = ["Tid", "Rad", "Före", "Efter", "Regel", "Kategori", "Ångrad"]


def category_label(category: str) -> str:
    """The Swedish name of a category key ("artifact" → "Rester")."""
    return LABELS[Category(category)] if category in Category._value2member_map_ \
        else category


@dataclass
class Change:
    time: datetime
    line: int
    before: str
    after: str
    rule: str
    category: str
    undo_step: int = 0  # the document's undo count right after this change
    undone: bool = False  # undone and then overwritten by a new edit: gone for good

    def row(self, available_undo_steps: int) -> list[str]:
        return [self.time.strftime("%Y-%m-%d %H:%M:%S"), str(self.line), self.before,
                suggestion_label(self.after) if not self.after else self.after,
                self.rule, category_label(self.category),
                "ångrad" if self.is_undone(available_undo_steps) else ""]

    def is_undone(self, available_undo_steps: int) -> bool:
        return self.undone or self.undo_step > available_undo_steps


class ChangeLog:
    """Accepted suggestions, knowing which of them Ctrl+Z has taken back.

    Each change remembers the document's undo count after it; while the count is
    lower the change is undone (a redo brings it back), and once a new edit replaces
    the redo stack an undone change is gone for good.
    """

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.available = 0  # the document's current number of undo steps

    def add(self, change: Change) -> None:
        self.changes.append(change)

    def clear(self) -> None:
        self.changes.clear()

    def undo_count_changed(self, available: int) -> None:
        self.available = available

    def new_undo_command(self, available: int) -> None:
        """A new edit was recorded: the redo stack (everything undone) is discarded."""
        for c in self.changes:
            if c.undo_step > available - 1:
                c.undone = True
        self.available = available

    def to_csv(self) -> str:
        """For a spreadsheet at a Swedish desk: Swedish headers and categories, and
        semicolons, which Excel with Swedish settings splits columns at (the decimal
        comma takes the comma). The writer adds a BOM so that Excel reads UTF-8."""
        out = io.StringIO()
        w = csv.writer(out, delimiter=";", lineterminator="\n")
        w.writerow(CSV_HEADERS)
        for c in self.changes:
            w.writerow([c.time.isoformat(timespec="seconds"), c.line, c.before, c.after,
                        c.rule, category_label(c.category),
                        "ja" if c.is_undone(self.available) else "nej"])
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
            for c, value in enumerate(change.row(self.log.available)):
                self.setItem(r, c, QTableWidgetItem(value))
        self.scrollToBottom()
