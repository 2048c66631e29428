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


def test_a_draft_changed_on_disk_after_the_crash_is_not_overwritten_unasked(
        qtbot, window, seed, dialogs, monkeypatch) -> None:  # noqa: ANN001
    """The recovered edits started from the file as it was before the crash. A
    colleague who saved it since (or before the crash) must not be overwritten
    silently: Spara asks, as it would have in the session that crashed."""
    window.open_path(seed)
    window.editor.insertPlainText("MIN ÄNDRING ")
    assert window.autosave_now()
    own = autosave.autosave_file(seed)
    crashed = own.with_name("crashed.json")
    data = json.loads(own.read_text(encoding="utf-8"))
    crashed.write_text(json.dumps({**data, "pid": 2 ** 22 + 12345}), encoding="utf-8")
    own.unlink()
    window.editor.document().setModified(False)
    theirs = "Kollegans version, sparad efter kraschen.\n"
    seed.write_text(theirs, encoding="utf-8")
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.offer_recovery()
    assert window.editor_text().startswith("MIN ÄNDRING ")
    asked = []
    monkeypatch.setattr(window, "ask_changed_on_disk",
                        lambda target: asked.append(target) or "cancel")
    assert not window.save()
    assert asked == [seed]
    assert seed.read_text(encoding="utf-8") == theirs


def test_an_autosave_that_cannot_be_written_is_said_in_swedish(
        qtbot, window, seed, dialogs, monkeypatch) -> None:  # noqa: ANN001
    window.open_path(seed)
    window.editor.insertPlainText("x")

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device", "/konfig/autosave/x.json")

    monkeypatch.setattr(autosave, "write", full)
    assert not window.autosave_now()
    assert window.statusBar().currentMessage() == (
        "Autospara misslyckades: /konfig/autosave/x.json: disken är full")
