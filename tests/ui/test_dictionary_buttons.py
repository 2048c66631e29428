"""The dictionary window's buttons, clicked as a person clicks them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from proofer.ui.dictionary_editor import DictionaryWindow, EntryDialog


def _button(win, text: str) -> QPushButton:  # noqa: ANN001
    return next(b for b in win.findChildren(QPushButton) if b.text() == text)


def test_add_button_opens_the_form_and_adds(qtbot, settings, dialogs, monkeypatch) -> None:  # noqa: ANN001
    def fill_and_ok(dlg: EntryDialog) -> int:
        dlg.fields["name"].setText("Kristina Jonäng")
        dlg._accept()
        return int(dlg.result())

    monkeypatch.setattr(EntryDialog, "exec", fill_and_ok)
    win = DictionaryWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.mouseClick(_button(win, "Lägg till…"), Qt.MouseButton.LeftButton)
    assert win.table.rowCount() == 1
    assert win.table.item(0, 0).text() == "Kristina Jonäng"
    assert not dialogs.shown
