"""Keys and sizes a person expects of any editor: Ctrl+Y, zoom kept between sessions,
a window no larger than the screen, an empty draft."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from proofer.settings import Settings
from proofer.ui.background import SyncRunner
from proofer.ui.main_window import MainWindow
from tests.ui.conftest import wait_checked


def test_ctrl_y_redoes(qtbot, window) -> None:  # noqa: ANN001
    window.activateWindow()
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "hej")
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor_text() == ""
    qtbot.keyClick(window.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.editor_text() == "hej"
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.editor_text() == "hej"


def test_default_window_fits_the_screen(qtbot, settings: Settings) -> None:  # noqa: ANN001
    win = MainWindow(settings, runner=SyncRunner())
    qtbot.addWidget(win)
    room = win.screen().availableGeometry()
    assert win.width() <= room.width() and win.height() <= room.height()
    win.checker.close()


def test_zoom_changes_text_size_and_is_kept(qtbot, window, settings: Settings) -> None:  # noqa: ANN001
    start = window.editor.point_size()
    window.activateWindow()
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.point_size() == start + 1
    assert Settings.load().editor_font_size == start + 1
    again = MainWindow(Settings.load(), runner=SyncRunner())
    qtbot.addWidget(again)
    assert again.editor.point_size() == start + 1
    again.checker.close()
    qtbot.keyClick(window.editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.point_size() == start
    assert Settings.load().editor_font_size == 0


def test_empty_text_file_opens_and_checks(qtbot, window, dialogs, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "tom.txt"
    path.write_bytes(b"")
    assert window.open_path(path)
    wait_checked(qtbot, window)
    assert not dialogs.shown
    assert window.editor_text() == "" and window.store.items == []
    assert window.counts.text() == "Inga fynd"
    window.editor.insertPlainText("Frderik kom.")
    assert window.save()
    assert path.read_text(encoding="utf-8").startswith("Frderik kom.")
