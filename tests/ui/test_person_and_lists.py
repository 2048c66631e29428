"""Add a person from the text, edit the personal word list, search all name lists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from proofer.names.editing import DictionaryFile
from proofer.ui.dictionary_editor import EntryDialog
from tests.ui.conftest import wait_checked

QUOTE = "– Det är bra, säger utrikesminister Lina Qvarnström (S) till tidningen.\n"


def _open_text(qtbot, window, tmp_path: Path, text: str) -> None:  # noqa: ANN001
    path = tmp_path / "utkast.txt"
    path.write_text(text, encoding="utf-8")
    assert window.open_path(path)
    wait_checked(qtbot, window)


def _action(menu: QMenu, text: str):  # noqa: ANN202
    return next((a for a in menu.actions() if a.text() == text), None)


def _menu_item(window, text: str):  # noqa: ANN001, ANN202
    return next(a for m in window.menuBar().findChildren(QMenu) for a in m.actions()
                if a.text().replace("&", "") == text)


class FakeExec:
    """Stands in for the modal loop: records what the form shows, then presses OK
    (or Avbryt)."""

    def __init__(self, ok: bool = True) -> None:
        self.ok = ok
        self.seen: dict[str, str] = {}
        self.title = ""

    def __call__(self, dlg: EntryDialog) -> int:
        self.title = dlg.windowTitle()
        self.seen = {k: w.text() for k, w in dlg.fields.items() if hasattr(w, "text")}
        if self.ok:
            dlg._accept()
        return int(self.ok and dlg.entry is not None)


def test_add_person_prefilled_from_the_text(qtbot, window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    _open_text(qtbot, window, tmp_path, QUOTE)
    fake = FakeExec()
    monkeypatch.setattr(EntryDialog, "exec", lambda dlg: fake(dlg))
    cur = window.editor.textCursor()
    start = QUOTE.index("Qvarnström")
    cur.setPosition(start)
    cur.setPosition(start + len("Qvarnström"), cur.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cur)
    menu = window.editor.finding_menu(window.editor.cursorRect(cur).center())
    act = _action(menu, "Lägg till person i namnordlistan…")
    assert act is not None
    act.trigger()
    assert fake.title == "Lägg till person"
    assert (fake.seen["name"], fake.seen["titles"], fake.seen["party"]) == \
        ("Lina Qvarnström", "utrikesminister", "S")
    entry = DictionaryFile.load(window.settings.user_dictionary_path).find("Lina Qvarnström")
    assert entry is not None and entry.titles == ("utrikesminister",) and entry.party == "S"
    assert "Lina Qvarnström" in window.statusBar().currentMessage()
    wait_checked(qtbot, window)
    assert not [i for i in window.store.visible() if "Qvarnström" in i.finding.text]


def test_add_person_from_a_flagged_name(qtbot, window, seed, monkeypatch) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    fake = FakeExec(ok=False)
    monkeypatch.setattr(EntryDialog, "exec", lambda dlg: fake(dlg))
    item = next(i for i in window.store.visible() if i.finding.text == "Frderik")
    cur = window.editor.textCursor()
    cur.setPosition(item.start + 2)
    window.editor.setTextCursor(cur)
    menu = window.editor.finding_menu(window.editor.cursorRect(cur).center())
    _action(menu, "Lägg till person i namnordlistan…").trigger()
    assert fake.seen["name"] == "Frderik Johanssomn"
    # The same from the Granska menu (keyboard), on the current finding.
    fake.seen = {}
    _menu_item(window, "Lägg till person i namnordlistan…").trigger()
    assert fake.seen["name"] == "Frderik Johanssomn"
    assert not window.settings.user_dictionary_path.exists()  # Avbryt: nothing written


def test_personal_word_list_editor(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    _open_text(qtbot, window, tmp_path, "Vi provar ordet blörkig i dag.\n")
    assert [i.finding.text for i in window.store.visible()] == ["blörkig"]
    words = window.settings.personal_words_path
    words.parent.mkdir(parents=True, exist_ok=True)
    words.write_text("# mina ord\nregionråd\n", encoding="utf-8")
    _menu_item(window, "Min ordlista…").trigger()
    dlg = window.word_list_dialog
    assert dlg.isVisible() and dlg.windowTitle() == "Min ordlista"
    assert [dlg.list.item(n).text() for n in range(dlg.list.count())] == ["regionråd"]
    dlg.new_word.setText("blörkig")  # (QTest cannot type ö)
    qtbot.keyClick(dlg.new_word, Qt.Key.Key_Return)
    dlg.list.findItems("regionråd", Qt.MatchFlag.MatchExactly)[0].setSelected(True)
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert dlg.status.text() == "1 av 1 ord (osparade ändringar)"
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert words.read_text(encoding="utf-8") == "# mina ord\nblörkig\n"
    wait_checked(qtbot, window)
    assert window.store.visible() == []  # the draft re-checked with the new word


def test_search_all_name_lists(qtbot, window, settings, tmp_path) -> None:  # noqa: ANN001
    shared = tmp_path / "redaktionen"
    shared.mkdir()
    (shared / "lokalt.yaml").write_text(
        "entries:\n  - name: Lina Qvarnström\n    kind: person\n    party: S\n",
        encoding="utf-8")
    settings.dictionary_paths = [str(shared)]
    window.open_dictionary_editor()
    dw = window.dictionary_window
    dw.tabs.setCurrentWidget(dw.all_lists)
    search = dw.all_lists
    qtbot.keyClicks(search.query, "qvarn")
    assert search.table.rowCount() == 1
    assert search.table.item(0, 0).text() == "Lina Qvarnström"
    assert search.table.item(0, 5).text() == "Redaktionen: lokalt.yaml"
    # A known misspelling finds its entry in the shipped lists too.
    search.query.setText("utrikeshandelminister")
    names = {search.table.item(r, 0).text() for r in range(search.table.rowCount())}
    assert "utrikeshandelsminister" in names
    assert search.status.text().startswith(f"{search.table.rowCount()} träffar")
    # Double-click opens that list on the Poster tab, searched for the name.
    search.query.setText("qvarn")
    cell = search.table.item(0, 0)
    qtbot.mouseClick(search.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=search.table.visualItemRect(cell).center())
    qtbot.mouseDClick(search.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=search.table.visualItemRect(cell).center())
    assert dw.tabs.currentIndex() == 0
    assert dw.file_box.currentText() == "Redaktionen: lokalt.yaml"
    assert dw.search.text() == "Lina Qvarnström"
    assert dw.table.rowCount() == 1
