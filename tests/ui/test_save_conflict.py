"""Saving when someone else changed the file on disk: the person chooses, in Swedish,
and no choice loses either version."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.ui.main_window import changed_on_disk_box


def _conflict(window, seed: Path) -> str:  # noqa: ANN001
    window.open_path(seed)
    window.editor.insertPlainText("MIN ÄNDRING ")
    other = "Någon annans version.\n"
    seed.write_text(other, encoding="utf-8")
    return other


def test_the_question_is_swedish_and_names_the_file_once(qtbot, window, seed) -> None:  # noqa: ANN001
    box, buttons = changed_on_disk_box(window, seed)
    # Each choice has its Alt key (underlined), so the desk answers without the mouse.
    assert [b.text() for b in buttons.values()] == ["&Läs in igen", "Skriv ö&ver",
                                                    "Spara &som…", "Avbryt"]
    shown = box.text() + box.informativeText()
    assert shown.count(str(seed)) == 1
    box.deleteLater()


def test_overwrite(qtbot, window, seed, dialogs, monkeypatch) -> None:  # noqa: ANN001
    _conflict(window, seed)
    monkeypatch.setattr(window, "ask_changed_on_disk", lambda _t: "overwrite")
    assert window.save()
    assert seed.read_text(encoding="utf-8").startswith("MIN ÄNDRING ")
    assert not dialogs.shown
    assert not window.editor.document().isModified()


def test_reload_keeps_own_version_one_undo_away(qtbot, window, seed, dialogs, monkeypatch) -> None:  # noqa: ANN001
    other = _conflict(window, seed)
    mine = window.editor_text()
    monkeypatch.setattr(window, "ask_changed_on_disk", lambda _t: "reload")
    assert not window.save()
    assert window.editor_text() == other
    assert seed.read_text(encoding="utf-8") == other
    window.editor.undo()
    assert window.editor_text() == mine
    monkeypatch.setattr(window, "ask_changed_on_disk", lambda _t: pytest.fail("asked again"))
    assert window.save()  # the reloaded file is the one on disk now: no conflict
    assert seed.read_text(encoding="utf-8") == mine


def test_save_as_onto_the_same_name(qtbot, window, seed, dialogs, monkeypatch) -> None:  # noqa: ANN001
    _conflict(window, seed)
    monkeypatch.setattr(window, "ask_changed_on_disk", lambda _t: "save_as")
    dialogs.save_path = str(seed)
    assert window.save()
    assert seed.read_text(encoding="utf-8").startswith("MIN ÄNDRING ")
    assert not dialogs.shown


def test_cancel_writes_nothing(qtbot, window, seed, dialogs, monkeypatch) -> None:  # noqa: ANN001
    other = _conflict(window, seed)
    monkeypatch.setattr(window, "ask_changed_on_disk", lambda _t: "cancel")
    assert not window.save()
    assert seed.read_text(encoding="utf-8") == other
    assert window.editor_text().startswith("MIN ÄNDRING ")


def test_other_failures_name_the_file_once(qtbot, window, seed, dialogs, tmp_path) -> None:  # noqa: ANN001
    window.open_path(seed)
    window.editor.insertPlainText("x")
    (tmp_path / "en-fil").write_text("", encoding="utf-8")
    dialogs.save_path = str(tmp_path / "en-fil" / "utkast.txt")  # a file is no folder
    assert not window.save_as()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "critical" and text.count(dialogs.save_path) == 1
