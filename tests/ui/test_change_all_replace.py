""""Ändra alla" for a word, and Sök och ersätt (Ctrl+H), each one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from proofer.ui import change_all
from tests.ui.conftest import wait_checked

TEXT = ("Utrikeshandelminister Anna Hallberg besökte Borås.\n\n"
        "Enligt utrikeshandelminister Anna Hallberg går exporten bra.\n\n"
        "Det sa utrikeshandelminister Anna Hallberg i går. Och sedan och så vidare, "
        "Ochsenfurt och Borås.\n")


def _menu_action(menu: QMenu, prefix: str):  # noqa: ANN202
    return next((a for a in menu.actions() if a.text().startswith(prefix)), None)


def _open(qtbot, window, tmp_path: Path, text: str = TEXT) -> None:  # noqa: ANN001
    path = tmp_path / "utkast.txt"
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path)
    wait_checked(qtbot, window)


def test_change_all_from_the_right_click_menu(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    _open(qtbot, window, tmp_path)
    wrong = [i for i in window.store.visible() if i.finding.text == "utrikeshandelminister"]
    assert len(wrong) == 2, [i.finding.text for i in window.store.visible()]
    right = wrong[0].finding.suggestions[0]
    assert right == "utrikeshandelsminister"
    point = window.editor.cursorRect(_cursor_at(window, wrong[0].start + 2)).center()
    menu = window.editor.finding_menu(point)
    act = _menu_action(menu, "Ändra alla")
    assert act is not None and act.text() == \
        "Ändra alla ”utrikeshandelminister” till ”utrikeshandelsminister” (3)"
    act.trigger()
    text = window.editor_text()
    assert text.count("utrikeshandelsminister") == 2 and "utrikeshandelminister " not in text
    assert text.startswith("Utrikeshandelsminister")  # the sentence start keeps its capital
    assert [c.after for c in window.changes.changes] == [
        "Utrikeshandelsminister", right, right]
    assert "på 3 ställen" in window.statusBar().currentMessage()
    # One Ctrl+Z takes all three back.
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor_text().count("utrikeshandelminister ") == 2
    assert window.editor_text().startswith("Utrikeshandelminister")


def test_change_all_takes_every_case_of_a_misspelled_word(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    # The speller passes over a headline in capitals and has no suggestion for the
    # lower-case slip: "Ändra alla" still fixes every one, each in its own case.
    _open(qtbot, window, tmp_path, "FRDERIK HANSSON TALADE\n\nFrderik kom sedan. "
                                   "Det sa frderik också, och Frderik gick.\n")
    item = next(i for i in window.store.visible()
                if i.finding.text == "Frderik" and i.finding.suggestions)
    assert item.finding.suggestions[0] == "Fredrik"
    assert change_all.change_all(window, item.id) == 4
    assert window.editor_text() == ("FREDRIK HANSSON TALADE\n\nFredrik kom sedan. "
                                    "Det sa Fredrik också, och Fredrik gick.\n")
    assert [(c.before, c.after) for c in window.changes.changes] == [
        ("FRDERIK", "FREDRIK"), ("Frderik", "Fredrik"), ("frderik", "Fredrik"),
        ("Frderik", "Fredrik")]


def _cursor_at(window, pos: int):  # noqa: ANN001, ANN202
    cur = window.editor.textCursor()
    cur.setPosition(pos)
    return cur


def test_find_and_replace_whole_words(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    _open(qtbot, window, tmp_path)
    original = window.editor_text()
    act = next(a for m in window.menuBar().findChildren(QMenu) for a in m.actions()
               if a.text().replace("&", "") == "Sök och ersätt…")
    assert act.shortcut().toString() == "Ctrl+H"
    act.trigger()
    dlg = window.find_replace_dialog
    assert dlg.isVisible() and dlg.windowTitle() == "Sök och ersätt"
    qtbot.keyClicks(dlg.find_edit, "och")
    qtbot.keyClicks(dlg.replace_edit, "samt")
    dlg.whole_words.setChecked(True)
    dlg.match_case.setChecked(True)
    assert len(dlg.matches()) == 2  # not "Och", not "Ochsenfurt"
    dlg.match_case.setChecked(False)
    assert len(dlg.matches()) == 3
    qtbot.mouseClick(dlg.replace_all_button, Qt.MouseButton.LeftButton)
    text = window.editor_text()
    # Without "Matcha versaler/gemener" each match keeps its case: "Och" → "Samt".
    assert "Samt sedan samt så vidare, Ochsenfurt samt Borås" in text
    assert dlg.message.text() == "Ersatte 3 förekomster"
    # Each replacement is in the change log, as the Sök och ersätt rule.
    assert [(c.before, c.after, c.rule) for c in window.changes.changes] == [
        ("Och", "Samt", "Sök och ersätt"), ("och", "samt", "Sök och ersätt"),
        ("och", "samt", "Sök och ersätt")]
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor_text() == original

    # Ersätt: the first click finds, the second replaces that one and finds the next.
    dlg.whole_words.setChecked(True)
    dlg.match_case.setChecked(True)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    qtbot.mouseClick(dlg.find_button, Qt.MouseButton.LeftButton)
    assert window.editor.textCursor().selectedText() == "och"
    qtbot.mouseClick(dlg.replace_button, Qt.MouseButton.LeftButton)
    assert window.editor_text().count("samt") == 1
    assert window.editor.textCursor().selectedText() == "och"
    assert window.changes.changes[-1].after == "samt"


def test_findings_pane_line_menu(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    _open(qtbot, window, tmp_path)
    pane = window.findings_pane
    row = next(n for n, i in enumerate(pane.model.rows)
               if i.finding.text == "utrikeshandelminister")
    labels = [a.text() for a in pane.line_menu(row).actions() if a.text()]
    assert labels[0] == "1. utrikeshandelsminister"
    assert "Ignorera" in labels and "Ignorera överallt" in labels
    # Ignorera överallt from a line: every finding with that text and rule goes,
    # and Ändra alla then leaves that text alone.
    capital = next(n for n, i in enumerate(pane.model.rows)
                   if i.finding.text == "Utrikeshandelminister")
    _menu_action(pane.line_menu(capital), "Ignorera överallt").trigger()
    assert not [i for i in window.store.visible() if i.finding.text == "Utrikeshandelminister"]
    assert window.ignored_log.items[-1].everywhere
    row = next(n for n, i in enumerate(pane.model.rows)
               if i.finding.text == "utrikeshandelminister")
    _menu_action(pane.line_menu(row), "Ändra alla").trigger()
    assert window.editor_text().count("utrikeshandelsminister") == 2
    assert window.editor_text().startswith("Utrikeshandelminister")
