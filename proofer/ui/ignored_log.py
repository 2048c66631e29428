"""What the copy desk chose to leave as it is (Qt-free).

The change log says what was changed; this says what was looked at and kept, so
the proofing report can tell the reporter both, and the findings pane can count
"3 av 27 kvar" (open out of open + changed + ignored).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Ignored:
    time: datetime
    line: int
    text: str
    rule: str
    category: str
    message: str
    everywhere: bool = False


class IgnoredLog:
    def __init__(self) -> None:
        self.items: list[Ignored] = []

    def add(self, item: Ignored) -> None:
        self.items.append(item)

    def clear(self) -> None:
        self.items.clear()

    def count(self, category: str | None = None) -> int:
        return sum(1 for i in self.items if category is None or i.category == category)


def ignored_entry(item, document, everywhere: bool = False) -> Ignored:  # noqa: ANN001
    """The record of ignoring a LiveFinding shown in a QTextDocument."""
    f = item.finding
    line = document.findBlock(item.start).blockNumber() + 1
    return Ignored(datetime.now(), line, f.text, f.rule, str(f.category), f.message,
                   everywhere)
