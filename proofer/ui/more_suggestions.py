"""Slower corrections for the spelling finding a person opens.

A check gives each unknown word the corrections our error model finds quickly. For a
word several edits from any Swedish word ("huvedpersson") there are none, and
Hunspell's own search, which finds "huvudperson", costs 50-150 ms a word: too slow
for every unknown word of a draft (one of fuzz or foreign text has thousands), right
for the one the person is looking at. So when the current finding is a spelling
finding without a correction, the engine is asked on the background thread, and the
card says it is searching. The answer is kept per (checker, word) and put into that
finding and into every later check's findings of the same word: a re-check after an
edit must not take the corrections away again. A right-click on such a word asks too:
the menu says it is searching and shows the corrections in its place when they come,
while it is open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu

from proofer.finding import Category, Finding
from proofer.ui.background import Runner
from proofer.ui.live import LiveFinding

#: what the editor's menu says for a finding without corrections (proofer.ui.editor)
NO_SUGGESTIONS = "(inga förslag)"
SEARCHING = "Söker förslag …"

#: Answers kept; a draft has a handful of such words, a day of editing some hundreds.
KEPT = 2_000

Key = tuple[str, str]  # (the checker that made the finding, the flagged word)


def _key(finding: Finding) -> Key | None:
    """Only a spelling finding that came with no correction is asked about again."""
    if finding.category is not Category.SPELLING or finding.suggestions or not finding.source:
        return None
    return finding.source, finding.text


class MoreSuggestions(QObject):
    #: an answer came: findings of that word may now have corrections
    answered = Signal()

    def __init__(self, runner: Runner, engine: Callable[[], object | None]) -> None:
        super().__init__()
        self.runner = runner
        self.engine = engine
        self.known: dict[Key, tuple[str, ...]] = {}
        self.asking: set[Key] = set()

    def searching(self, item: LiveFinding) -> bool:
        return _key(item.finding) in self.asking

    def ask(self, item: LiveFinding | None) -> None:
        """Ask the engine for the finding's corrections, unless asked already or the
        engine has no slower search (an engine without more_suggestions)."""
        key = None if item is None else _key(item.finding)
        if key is None or key in self.known or key in self.asking:
            return
        more = getattr(self.engine(), "more_suggestions", None)
        if not callable(more):
            return
        self.asking.add(key)
        self.runner.submit(lambda: more(*key), lambda found: self._answer(key, found),
                           lambda _exc: self._answer(key, []))
        self.answered.emit()  # the card now says it is searching

    def _answer(self, key: Key, found: Iterable[str]) -> None:
        self.asking.discard(key)
        if len(self.known) >= KEPT:
            self.known.clear()
        self.known[key] = tuple(found)
        self.answered.emit()

    def filled(self, finding: Finding) -> Finding:
        """The finding with the corrections found for its word, if any."""
        key = _key(finding)
        found = self.known.get(key) if key is not None else None
        return replace(finding, suggestions=found) if found else finding

    def fill(self, items: Iterable[LiveFinding]) -> bool:
        """Put the known corrections into these findings; True if any changed."""
        changed = False
        for item in items:
            new = self.filled(item.finding)
            if new is not item.finding:
                item.finding = new
                changed = True
        return changed

    def forget(self) -> None:
        """A new engine (new dictionaries): its answers may differ."""
        self.known.clear()


def install(window) -> None:  # noqa: ANN001 - the MainWindow
    """The editor's right-click menu on a spelling finding without corrections asks
    for them, as opening the finding does."""

    def extend(menu: QMenu, item: LiveFinding | None) -> None:
        if item is None or _key(item.finding) is None:
            return
        placeholder = next((a for a in menu.actions() if a.text() == NO_SUGGESTIONS), None)
        if placeholder is None:
            return
        more: MoreSuggestions = window.more
        more.ask(item)
        if not more.searching(item):
            return  # answered before (with nothing), or no slower search
        placeholder.setText(SEARCHING)

        def answered() -> None:
            if more.searching(item):
                return
            more.answered.disconnect(answered)
            try:
                # the window has filled the item's corrections meanwhile
                if not item.finding.suggestions:
                    placeholder.setText(NO_SUGGESTIONS)
                    return
                menu.insertActions(placeholder, window.editor.suggestion_actions(menu, item))
                menu.removeAction(placeholder)
            except RuntimeError:
                pass  # the menu was closed and deleted before the answer came

        more.answered.connect(answered)

    window.editor.menu_extensions.append(extend)
