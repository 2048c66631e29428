""""Ändra alla": the same correction everywhere the same wrong text has it.

"Johanssomn" → "Johansson" three times in a story is one decision, not three, and
so is "Frderik" → "Fredrik" when the headline has "FRDERIK" and a sentence starts
with it: the text is matched whatever its case, and each place gets the correction
in its own case pattern. Findings with another correction for the same text are a
different case and stay. A word wrong in itself (spelling, a name, a title) is
changed also where no finding marks it (a speller passes over words in capitals);
other findings (grammar, style) depend on their context, so only the findings are.
All as one undo step, each place logged as its own change.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMenu

from proofer.finding import Category
from proofer.ui import replacing
from proofer.ui.editor import suggestion_label
from proofer.ui.live import LiveFinding
from proofer.ui.replacing import Replacement, keep_case

_WORD_LEVEL = frozenset({Category.SPELLING, Category.NAME, Category.TITLE})
_ONE_WORD = re.compile(r"\w+(?:[-']\w+)*")


def planned(window, item: LiveFinding) -> list[Replacement]:  # noqa: ANN001
    """Every place `item`'s correction is due, with the text it gets there."""
    f = item.finding
    if not f.suggestions:
        return []
    right = f.suggestions[0]
    key = f.text.casefold()
    out: dict[int, Replacement] = {}
    for i in window.store.visible():
        g = i.finding
        if g.text.casefold() != key or not g.suggestions:
            continue
        if g.suggestions[0].casefold() != right.casefold():
            continue
        after = g.suggestions[0] if g.text != f.text else right
        out[i.start] = Replacement(i.start, i.end, g.text, after, g.rule,
                                   str(g.category), i)
    if f.category in _WORD_LEVEL and _ONE_WORD.fullmatch(f.text):
        own = {i.start: i for i in window.store.visible()
               if i.finding.text.casefold() == key}
        doc = window.editor.document()
        hit = doc.find(f.text, 0, QTextDocument.FindFlag.FindWholeWords)
        while not hit.isNull():
            start, end = hit.selectionStart(), hit.selectionEnd()
            other = own.get(start)
            text = hit.selectedText()
            if start not in out and (other is None or not other.finding.suggestions) \
                    and not window.store.decided(start, end, text):
                out[start] = Replacement(start, end, text, keep_case(text, right), f.rule,
                                         str(f.category), other)
            hit = doc.find(f.text, end, QTextDocument.FindFlag.FindWholeWords)
    return [out[k] for k in sorted(out)]


def change_all(window, fid: int) -> int:  # noqa: ANN001 - the MainWindow
    item = window.store.by_id(fid)
    if item is None:
        return 0
    done = len(replacing.apply(window, planned(window, item)))
    window._findings_changed()
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
        same = planned(window, item)
        if len(same) > 1:
            menu.addAction(menu_label(item, len(same))).triggered.connect(
                lambda: change_all(window, item.id))

    window.editor.menu_extensions.append(extend)
    pane = getattr(window, "findings_pane", None)
    if pane is not None:
        pane.menu_extensions.append(extend)
