"""Opening, saving, autosave and recovery, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from proofer.ui import autosave
from proofer.ui.style import LABELS
from tests.ui.conftest import wait_checked


def test_save_keeps_backup_and_reopens(qtbot, window, seed, dialogs) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    original = seed.read_text(encoding="utf-8")
    cur = window.editor.textCursor()
    cur.setPosition(0)
    window.editor.setTextCursor(cur)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "Rubrik ")
    assert window.isWindowModified()
    qtbot.keyClick(window.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.editor.document().isModified()
    assert seed.read_text(encoding="utf-8").startswith("Rubrik Denna webbplats")
    assert Path(str(seed) + ".bak").read_text(encoding="utf-8") == original
    # Save as: the draft's own format even if the name lacks the suffix.
    dialogs.save_path = str(seed.parent / "kopia")
    assert window.save_as()
    assert (seed.parent / "kopia.txt").exists()
    window.open_path(seed)
    wait_checked(qtbot, window)
    assert window.editor_text().startswith("Rubrik Denna webbplats")
    assert window.recent_menu.actions()[0].text().endswith("artikel.txt")


def test_unreadable_file_gives_dialog(qtbot, window, tmp_path, dialogs) -> None:  # noqa: ANN001
    bad = tmp_path / "bild.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    assert not window.open_path(bad)
    kind, title, text = dialogs.shown[-1]
    assert kind == "warning" and "bild.txt" in text
    assert not window.open_path(tmp_path / "finns-inte.txt")
    assert "finns inte" in dialogs.shown[-1][2]


def test_unsaved_changes_are_asked_about(qtbot, window, seed, dialogs) -> None:  # noqa: ANN001
    window.open_path(seed)
    window.editor.insertPlainText("x")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not window.open_path(seed)
    assert dialogs.shown[-1][0] == "question"
    assert window.editor_text().startswith("x")


def test_autosave_and_recovery(qtbot, window, seed, dialogs) -> None:  # noqa: ANN001
    window.open_path(seed)
    window.editor.insertPlainText("OSPARAT ")
    window.autosave_now()
    files = list(autosave.autosave_dir().glob("*.json"))
    assert len(files) == 1
    # Pretend the process that wrote it crashed.
    data = json.loads(files[0].read_text(encoding="utf-8"))
    data["pid"] = 2 ** 22 + 12345
    crashed = files[0].with_name("crashed.json")
    crashed.write_text(json.dumps(data), encoding="utf-8")
    files[0].unlink()
    window.editor.document().setModified(False)
    window.open_path(seed)
    assert not window.editor_text().startswith("OSPARAT")
    dialogs.answer = QMessageBox.StandardButton.Yes
    window.offer_recovery()
    assert window.editor_text().startswith("OSPARAT ")
    assert window.editor.document().isModified()
    assert window.doc.path == seed
    assert not crashed.exists()


def test_change_log_and_report_export(qtbot, window, seed, dialogs, tmp_path) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = next(i for i in window.store.visible() if i.finding.suggestions)
    window.accept(item.id, 0)
    dialogs.save_path = str(tmp_path / "log.csv")
    window.export_changes()
    text = (tmp_path / "log.csv").read_text(encoding="utf-8-sig")  # with Excel's BOM
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Tid", "Rad", "Före", "Efter", "Regel", "Kategori", "Ångrad"]
    assert rows[1][2:5] == [item.finding.text, item.finding.suggestions[0], item.finding.rule]
    assert rows[1][5] == LABELS[item.finding.category] and rows[1][6] == "nej"
    wait_checked(qtbot, window)
    dialogs.save_path = str(tmp_path / "rapport.html")
    window.export_report()
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "Granskningsrapport" in html
    remaining = window.findings()
    assert remaining and all(f.text.replace("&", "&amp;") in html for f in remaining[:5])
    text = window.editor_text()
    assert all(text[f.start:f.end] == f.text for f in remaining)


def test_dropping_a_file_opens_it(qtbot, window, seed) -> None:  # noqa: ANN001
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.editor.dropEvent(event)
    assert window.doc.path == seed
    assert window.editor_text().startswith("Denna webbplats")


def test_change_log_knows_undone_changes(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = next(i for i in window.store.visible() if i.finding.suggestions)
    window.accept(item.id, 0)
    assert window.changes.to_csv().splitlines()[1].endswith(";nej")
    window.editor.undo()
    assert window.changes.to_csv().splitlines()[1].endswith(";ja")
    window.editor.redo()
    assert window.changes.to_csv().splitlines()[1].endswith(";nej")
    window.editor.undo()
    window.editor.insertPlainText("x")  # a new edit: the undone change cannot come back
    window.editor.redo()
    assert window.changes.to_csv().splitlines()[1].endswith(";ja")
    window.change_dock.show()
    assert window.change_table.item(0, 6).text() == "ångrad"


def test_saving_keeps_the_drafts_mode_and_opening_cleans_up_after_a_killed_save(
        qtbot, window, seed, dialogs) -> None:  # noqa: ANN001
    import os
    import time

    seed.chmod(0o644)
    dead = seed.parent / f".{seed.name}.proofer-tmp-999999-abc123"
    dead.write_bytes(b"halv")
    old = time.time() - 3600
    os.utime(dead, (old, old))
    window.open_path(seed)
    assert not dead.exists()
    wait_checked(qtbot, window)
    window.editor.insertPlainText("Rubrik ")
    assert window.save()
    assert seed.stat().st_mode & 0o777 == 0o644
    assert sorted(f.name for f in seed.parent.iterdir() if f.name.startswith(".")) == []
    window.editor.insertPlainText("OSPARAT ")
    window.autosave_now()
    assert autosave.autosave_dir().stat().st_mode & 0o777 == 0o700  # unsaved text stays private


def test_change_log_table_shows_swedish_category(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = next(i for i in window.store.visible() if i.finding.suggestions)
    window.accept(item.id, 0)
    window.change_dock.show()
    assert window.change_table.item(0, 5).text() == LABELS[item.finding.category]


def test_exports_keep_the_mode_of_the_file_they_replace(qtbot, window, seed, dialogs,
                                                        tmp_path) -> None:  # noqa: ANN001
    import os

    window.open_path(seed)
    wait_checked(qtbot, window)
    shared = tmp_path / "delad-logg.csv"
    shared.write_text("gammal\n", encoding="utf-8")
    shared.chmod(0o664)
    dialogs.save_path = str(shared)
    window.export_changes()
    assert shared.read_text(encoding="utf-8") != "gammal\n"
    assert shared.stat().st_mode & 0o777 == 0o664
    dialogs.save_path = str(tmp_path / "ny-rapport.html")
    window.export_report()
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "ny-rapport.html").stat().st_mode & 0o777 == 0o666 & ~umask
