"""A spelling finding that came without a correction gets Hunspell's when opened."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel

from proofer.finding import Category, Finding
from proofer.ui.background import SyncRunner
from proofer.ui.live import LiveFinding
from proofer.ui.more_suggestions import MoreSuggestions
from tests.ui.conftest import wait_checked
from tests.ui.test_live import HeldRunner

# Several edits from "huvudperson": our quick error model finds nothing for it, and
# the check asks Hunspell only for the first few such words of a block (the budget
# of proofer.checkers.spelling), so after three others it comes without a correction.
WORD = "huvedpersson"
TEXT = (f"Han skrev grötvsklmpa, brfnkstvda och plöktrvsnd före en {WORD} i boken."
        "\n\nDen andra meningen står här.\n")


class Asked:
    def __init__(self, answer: list[str]) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str]] = []

    def more_suggestions(self, source: str, word: str) -> list[str]:
        self.calls.append((source, word))
        return self.answer


def _item(text: str = WORD, category: Category = Category.SPELLING,
          suggestions: tuple[str, ...] = ()) -> LiveFinding:
    f = Finding(0, len(text), text, category, "spelling.unknown-rare", "Okänt ord",
                suggestions, source="spelling")
    return LiveFinding(f, 0, len(text), text)


def _opened(qtbot, window, tmp_path: Path) -> LiveFinding:  # noqa: ANN001
    """The draft with WORD opened and checked; WORD's finding."""
    path = tmp_path / "utkast.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert window.open_path(path)
    wait_checked(qtbot, window)
    return next(i for i in window.store.items if i.finding.text == WORD)


def test_only_a_spelling_finding_without_corrections_is_asked_about_once(qtbot) -> None:  # noqa: ANN001
    engine = Asked(["huvudperson"])
    more = MoreSuggestions(SyncRunner(), lambda: engine)
    more.ask(_item(category=Category.GRAMMAR))
    more.ask(_item(suggestions=("x",)))
    more.ask(None)
    assert engine.calls == []
    item = _item()
    more.ask(item)
    more.ask(_item())  # the same word again: answered already
    assert engine.calls == [("spelling", WORD)]
    assert not more.searching(item)
    assert more.fill([item]) and item.finding.suggestions == ("huvudperson",)
    assert not more.fill([item])  # has them now
    more.forget()
    assert more.filled(_item().finding).suggestions == ()


def test_an_engine_without_a_slower_search_is_not_asked(qtbot) -> None:  # noqa: ANN001
    more = MoreSuggestions(SyncRunner(), lambda: object())
    more.ask(_item())
    assert more.known == {} and more.asking == set()


def test_opening_the_finding_brings_hunspells_correction_to_the_card(
        qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    item = _opened(qtbot, window, tmp_path)
    assert item.finding.suggestions == ()  # the check itself finds none
    cur = window.editor.textCursor()
    cur.setPosition(item.start - 1)  # after the words that spent the check's budget
    window.editor.setTextCursor(cur)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)  # review: the next finding is opened
    assert window.editor.current is item
    assert item.finding.suggestions[0] == "huvudperson"
    qtbot.wait(1)
    card = window.panel.cards[item.id]
    assert any("huvudperson" in label.text() for label in card.findChildren(QLabel))
    # A re-check after an edit elsewhere keeps the correction found.
    window.editor.finish_review()
    cur = window.editor.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.End)
    cur.insertText("Slut.")
    wait_checked(qtbot, window)
    again = next(i for i in window.store.items if i.finding.text == WORD)
    assert again.finding.suggestions[0] == "huvudperson"
    window.accept(again.id)
    assert "före en huvudperson i boken." in window.editor_text()


def test_the_card_says_it_is_searching_until_the_answer_comes(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    from proofer.ui.cards import Card

    runner = HeldRunner()
    more = MoreSuggestions(runner, lambda: Asked([]))
    item = _item()
    more.ask(item)
    assert more.searching(item)
    parent = QWidget()
    qtbot.addWidget(parent)
    texts = [lbl.text() for lbl in Card(item, parent, "", True).findChildren(QLabel)]
    assert "Söker förslag …" in texts
    runner.release()  # Hunspell has nothing either
    assert not more.searching(item) and more.filled(item.finding) is item.finding
    texts = [lbl.text() for lbl in Card(item, parent, "", False).findChildren(QLabel)]
    assert "Inget förslag – avgör själv" in texts


def test_a_right_click_on_the_word_searches_and_shows_the_corrections_in_the_menu(
        qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    item = _opened(qtbot, window, tmp_path)
    held = HeldRunner()
    window.more.runner = held  # the answer comes when the test says so
    cur = window.editor.textCursor()
    cur.setPosition(item.start + 2)
    menu = window.editor.finding_menu(window.editor.cursorRect(cur).center())
    texts = [a.text() for a in menu.actions()]
    assert "Söker förslag …" in texts and "(inga förslag)" not in texts
    held.release()
    texts = [a.text() for a in menu.actions()]
    assert "huvudperson" in texts and "Söker förslag …" not in texts
    next(a for a in menu.actions() if a.text() == "huvudperson").trigger()
    assert "före en huvudperson i boken." in window.editor_text()
    # Asked once: a second menu on a word answered already shows what was found.
    again = next((i for i in window.store.items if i.finding.text == WORD), None)
    assert again is None


def test_a_right_click_on_a_word_hunspell_has_nothing_for_says_so(qtbot) -> None:  # noqa: ANN001
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMenu

    from proofer.ui import more_suggestions

    held = HeldRunner()
    window = SimpleNamespace(more=MoreSuggestions(held, lambda: Asked([])),
                             editor=SimpleNamespace(menu_extensions=[]))
    more_suggestions.install(window)
    (extend,) = window.editor.menu_extensions
    menu = QMenu()
    menu.addAction("(inga förslag)")
    item = _item()
    extend(menu, item)
    assert [a.text() for a in menu.actions()] == ["Söker förslag …"]
    held.release()
    assert [a.text() for a in menu.actions()] == ["(inga förslag)"]
    menu2 = QMenu()
    menu2.addAction("(inga förslag)")
    extend(menu2, _item())  # answered already: not asked again
    assert [a.text() for a in menu2.actions()] == ["(inga förslag)"]
