""""Ändra alla": the same correction everywhere the same wrong text has it.

"Johanssomn" → "Johansson" three times in a story is one decision, not three. Only
findings whose text and first suggestion are both the same are changed (a word
with another suggestion elsewhere is a different case), all as one undo step, each
logged as its own change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from proofer.ui.editor import suggestion_label
from proofer.ui.live import LiveFinding


def same_change(items: list[LiveFinding], item: LiveFinding) -> list[LiveFinding]:
    """Every finding among `items` with `item`'s text and first suggestion."""
    f = item.finding
    if not f.suggestions:
        return []
    return [i for i in items if i.finding.text == f.text and i.finding.suggestions
            and i.finding.suggestions[0] == f.suggestions[0]]


def change_all(window, fid: int) -> int:  # noqa: ANN001 - the MainWindow
    item = window.store.by_id(fid)
    if item is None:
        return 0
    done = window.accept_findings(same_change(window.store.visible(), item))
    f = item.finding
    window.statusBar().showMessage(
        f"”{f.text}” ändrat till ”{suggestion_label(f.suggestions[0])}” på {done} ställen",
        5000)
    return done


def menu_label(item: LiveFinding, count: int) -> str:
    f = item.finding
    return f"Ändra alla ”{f.text}” till ”{suggestion_label(f.suggestions[0])}” ({count})"


def install(window) -> None:  # noqa: ANN001 - the MainWindow
    """The right-click entry (on the text and on a line of the findings pane),
    offered when the same change is due in more places."""

    def extend(menu: QMenu, item: LiveFinding | None) -> None:
        if item is None:
            return
        same = same_change(window.store.visible(), item)
        if len(same) > 1:
            menu.addAction(menu_label(item, len(same))).triggered.connect(
                lambda: change_all(window, item.id))

    window.editor.menu_extensions.append(extend)
    pane = getattr(window, "findings_pane", None)
    if pane is not None:
        pane.menu_extensions.append(extend)
