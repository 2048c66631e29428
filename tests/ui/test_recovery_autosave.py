"""Recovered text is autosaved at once: a second crash right after a recovery loses
nothing."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from proofer.ui import autosave


def test_recovered_text_is_autosaved_immediately(qtbot, window, seed, dialogs) -> None:  # noqa: ANN001
    crashed = autosave.autosave_dir() / "crashed.json"
    crashed.parent.mkdir(parents=True, exist_ok=True)
    crashed.write_text(json.dumps({"path": str(seed), "format": "txt", "pid": 2 ** 22 + 12345,
                                   "text": "ÅTERSTÄLLT utkast\n", "saved": "2026-01-01T10:00:00"}),
                       encoding="utf-8")
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.offer_recovery()
    assert window.editor_text() == "ÅTERSTÄLLT utkast\n"
    assert not crashed.exists()
    own = autosave.autosave_file(seed)
    assert own.exists(), "the recovered text waits for the next 30 s tick"
    assert json.loads(own.read_text(encoding="utf-8"))["text"] == "ÅTERSTÄLLT utkast\n"
