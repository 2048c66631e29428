"""Arkiv → Exportera med spårade ändringar: the reporter gets Word's revision marks."""

from __future__ import annotations

import io
import zipfile

import docx
from lxml import etree
from PySide6.QtWidgets import QMenu

from tests.ui.conftest import wait_checked

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _menu_action(window, text: str):  # noqa: ANN001, ANN202
    for menu in window.menuBar().findChildren(QMenu):
        for act in menu.actions():
            if act.text().replace("&", "") == text:
                return act
    raise AssertionError(f"no menu item {text!r}")


def test_export_tracked_changes_after_accepting(qtbot, window, seed, dialogs, tmp_path) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    item = next(i for i in window.store.visible() if i.finding.text == "Frderik")
    window.accept(item.id)
    wait_checked(qtbot, window)
    # Saved in between: the export still compares with the draft as it was opened.
    assert window.save()
    target = tmp_path / "tillbaka.docx"
    dialogs.save_path = str(target)
    _menu_action(window, "Exportera med spårade ändringar (Word)…").trigger()
    assert target.exists(), dialogs.shown
    assert "1 spårade ändringar" in window.statusBar().currentMessage()
    with zipfile.ZipFile(target) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    dels = ["".join(t.text for t in d.iter(W + "delText")) for d in root.iter(W + "del")]
    ins = ["".join(t.text for t in i.iter(W + "t")) for i in root.iter(W + "ins")]
    assert dels == ["Frderik"] and ins == ["Fredrik"]
    assert root.find(f".//{W}ins").get(W + "author").endswith("(Proofer)")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs]
    assert paragraphs[0].startswith("Denna webbplats")


def test_export_refuses_the_reporters_own_file(qtbot, window, seed, dialogs) -> None:  # noqa: ANN001
    docx_path = seed.with_suffix(".docx")
    d = docx.Document()
    d.add_paragraph("Frderik Johanssomn berättar.")
    d.save(str(docx_path))
    window.open_path(docx_path)
    wait_checked(qtbot, window)
    before = docx_path.read_bytes()
    dialogs.save_path = str(docx_path)
    _menu_action(window, "Exportera med spårade ändringar (Word)…").trigger()
    assert docx_path.read_bytes() == before
    assert dialogs.shown[-1][1] == "Kan inte exportera"
