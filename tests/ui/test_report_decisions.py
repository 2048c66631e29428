"""The proofing report tells what was changed and what was ignored, not only what is left."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import wait_checked


def test_report_lists_changed_and_ignored(qtbot, window, seed, dialogs, tmp_path) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    name = next(i for i in window.store.visible() if i.finding.text == "Frderik")
    window.accept(name.id)
    wait_checked(qtbot, window)
    title = next(i for i in window.store.visible() if i.finding.category == "title")
    window.ignore(title.id)
    # An accept taken back with Ctrl+Z is not reported as a change.
    dash = next(i for i in window.store.visible() if i.finding.category == "style"
                and i.finding.suggestions)
    window.accept(dash.id)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_checked(qtbot, window)
    remaining = len(window.findings())

    out = tmp_path / "rapport.html"
    dialogs.save_path = str(out)
    window.export_report()
    html = out.read_text(encoding="utf-8")
    assert "Ändrat: 1, ignorerat: 1." in html
    assert "<h2>Ändrat (1)</h2>" in html
    assert "<del>Frderik</del> → <ins>Fredrik</ins>" in html
    assert "<h2>Ignorerat (1)</h2>" in html
    assert f"<b>{title.finding.text}</b>" in html and title.finding.message in html
    assert f"<h2>Återstående fynd ({remaining})</h2>" in html
