"""The copy-desk flow on the seed article, driven like a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPushButton

from proofer.ui.editor import tooltip_html
from proofer.ui.style import COLOURS
from tests.ui.conftest import wait_checked

NAME = "Frderik Johanssomn"
# The names checker flags the whole name or only "Frderik" (its first suggestion is
# "Fredrik Johansson" or "Fredrik"); the tests accept either.
FLAGGED = "Frderik"


def _item(win, text=FLAGGED):  # noqa: ANN001, ANN202
    return next((i for i in win.store.visible() if i.finding.text.startswith(text)), None)


def _card_texts(win) -> list[str]:  # noqa: ANN001
    return [c.item.finding.text for c in win.panel.visible_cards()]


def _has_card(win) -> bool:  # noqa: ANN001
    return any(t.startswith(FLAGGED) for t in _card_texts(win))


def _review_to(qtbot, win, text: str):  # noqa: ANN001, ANN202
    win.editor.moveCursor(QTextCursor.MoveOperation.Start)
    win.editor.setFocus()
    for _ in range(len(win.store.items) + 1):
        qtbot.keyClick(win.editor, Qt.Key.Key_F8)
        if win.editor.current is not None and win.editor.current.finding.text.startswith(text):
            return win.editor.current
    raise AssertionError(f"F8 never reached {text!r}")


def test_seed_findings_are_underlined_and_carded(qtbot, window, seed) -> None:  # noqa: ANN001
    assert window.open_path(seed)
    wait_checked(qtbot, window)
    item = _item(window)
    assert item is not None, [i.finding.text for i in window.store.items]
    text = window.editor_text()
    assert text[item.start:item.end] == item.finding.text  # no astral characters before it
    assert NAME.startswith(item.finding.text)
    spans = window.editor.underline_spans()
    assert (item.start, item.end, COLOURS[item.finding.category]) in spans
    assert _has_card(window)
    card = window.panel.cards[item.id]
    assert [b.text() for b in card.findChildren(QPushButton)] == ["Godta", "Ignorera"]
    assert item.finding.message in [lbl.text() for lbl in card.findChildren(QLabel)]
    assert item.finding.message in tooltip_html(item)
    assert "Namn" in window.counts.text()


def test_accept_with_keyboard_then_undo(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = _review_to(qtbot, window, FLAGGED)
    first = item.finding.suggestions[0]
    assert first.startswith("Fredrik")
    assert window.panel.cards[item.id].current  # the card of the current finding stands out
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    text = window.editor_text()
    assert FLAGGED not in text and first in text
    assert "\n\n" + first not in text.replace("Publicerad:\n" + first, "")  # no newline typed
    wait_checked(qtbot, window)
    assert not _has_card(window)
    assert window.changes.changes[-1].before == item.finding.text
    assert window.changes.changes[-1].after == first
    # One undo step restores the original, and the re-check flags it again.
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert NAME in window.editor_text()
    wait_checked(qtbot, window)
    assert _item(window) is not None


def test_number_key_accepts_nth_suggestion(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = _review_to(qtbot, window, FLAGGED)
    n = len(item.finding.suggestions)
    qtbot.keyClick(window.editor, Qt.Key.Key_1 + (n - 1))
    assert item.finding.suggestions[n - 1] in window.editor_text()


def test_enter_outside_review_inserts_newline(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    before = window.editor_text().count("\n")
    window.editor.setFocus()
    cur = window.editor.textCursor()
    cur.setPosition(_item(window).start + 2)  # inside a finding, but not reviewing
    window.editor.setTextCursor(cur)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert window.editor_text().count("\n") == before + 1


def test_typing_leaves_review_mode(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    _review_to(qtbot, window, FLAGGED)
    qtbot.keyClick(window.editor, Qt.Key.Key_X)
    assert window.editor.review_id is None
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)  # now an ordinary newline
    assert "x\n" in window.editor_text()


def test_escape_ignores_and_stays_ignored(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = _review_to(qtbot, window, FLAGGED)
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert _item(window) is None
    assert NAME in window.editor_text()  # ignoring changes no text
    # Review moved on to the next finding.
    assert window.editor.current is not None and window.editor.current.start > item.start
    window.recheck()
    wait_checked(qtbot, window)
    assert _item(window) is None


def test_card_buttons_accept_and_ignore(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = _item(window)
    card = window.panel.cards[item.id]
    window.panel.accepted.emit(item.id, 0)  # what the card's Godta button sends
    assert item.finding.suggestions[0] in window.editor_text()
    wait_checked(qtbot, window)
    assert not _has_card(window)
    assert card is not None


def test_context_menu_order(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = _item(window)
    cur = window.editor.textCursor()
    cur.setPosition(item.start + 1)
    rect = window.editor.cursorRect(cur)
    menu = window.editor.finding_menu(rect.center())
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    n = len(item.finding.suggestions)
    assert texts[:n] == list(item.finding.suggestions)
    assert texts[n:n + 3] == ["Ignorera", "Ignorera överallt", "Lägg till i ordlistan"]


def test_filter_by_category_hides_cards_and_underlines(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = _item(window)
    window.category_actions[item.finding.category].setChecked(False)
    qtbot.wait(1)
    assert not _has_card(window)
    assert all(s[:2] != (item.start, item.end) for s in window.editor.underline_spans())
    window.category_actions[item.finding.category].setChecked(True)
    qtbot.wait(1)
    assert _has_card(window)


def test_accept_all_for_rule_is_one_undo_step(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "t.txt"
    path.write_text("Frderik Johanssomn kom.\nSedan kom Frderik Johanssomn igen.\n",
                    encoding="utf-8")
    window.open_path(path)
    wait_checked(qtbot, window)
    items = [i for i in window.store.visible() if i.finding.text.startswith(FLAGGED)]
    assert len(items) == 2
    window.accept_all(items[0].id)
    assert FLAGGED not in window.editor_text()
    window.editor.undo()
    assert window.editor_text().count(NAME) == 2
