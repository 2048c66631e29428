"""Lägg till i ordlistan, the dictionary editor window and the proposal queue."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from proofer.names.editing import DictionaryFile
from proofer.names.model import Entry
from proofer.names.proposals import ProposalQueue
from proofer.ui.dictionary_editor import DictionaryWindow, EntryDialog
from proofer.ui.entry_csv import entries_from_csv, entries_to_csv
from tests.ui.conftest import wait_checked

TEXT = ("Det säger Kristina Jonäng (C) efter mötet.\n"
        "Hon kallar det en skrullvippa och Zorbhaxi håller med.\n")


def _texts(win) -> set[str]:  # noqa: ANN001
    return {i.finding.text for i in win.store.visible()}


def _open(qtbot, win, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "utkast.txt"
    path.write_text(TEXT, encoding="utf-8")
    win.open_path(path)
    wait_checked(qtbot, win)


def test_add_name_and_word_then_no_longer_flagged(qtbot, window, settings, tmp_path) -> None:  # noqa: ANN001
    _open(qtbot, window, tmp_path)
    assert {"Zorbhaxi", "skrullvippa"} <= _texts(window)
    name = next(i for i in window.store.visible() if i.finding.text == "Zorbhaxi")
    window.add_to_dictionary(name.id, propose=True)
    word = next(i for i in window.store.visible() if i.finding.text == "skrullvippa")
    window.add_to_dictionary(word.id)
    assert DictionaryFile.load(settings.user_dictionary_path).find("Zorbhaxi") is not None
    assert "skrullvippa" in settings.personal_words_path.read_text(encoding="utf-8")
    assert [p.entry.name for p in ProposalQueue(settings.proposals_path).pending()] == ["Zorbhaxi"]
    # Not hidden by the session's ignore list but by the dictionaries themselves:
    window.store.ignored_everywhere.clear()
    wait_checked(qtbot, window)
    window.recheck()
    wait_checked(qtbot, window)
    assert not {"Zorbhaxi", "skrullvippa"} & _texts(window)


def test_dictionary_changed_on_disk_rechecks(qtbot, window, settings, tmp_path) -> None:  # noqa: ANN001
    settings.personal_words_path.parent.mkdir(parents=True, exist_ok=True)
    window._watch_dictionaries()  # the folder exists now (normally it does at start)
    _open(qtbot, window, tmp_path)
    assert "skrullvippa" in _texts(window)
    settings.personal_words_path.write_text("skrullvippa\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "skrullvippa" not in _texts(window) and window.checker.idle,
                    timeout=15_000)


def test_other_files_in_the_dictionary_folder_do_not_rebuild(qtbot, window, settings,  # noqa: ANN001
                                                             tmp_path) -> None:
    # The default dictionary folder is the config folder, where recent.json and
    # settings.json are written when a draft is opened or the zoom changes.
    settings.personal_words_path.parent.mkdir(parents=True, exist_ok=True)
    window._watch_dictionaries()
    _open(qtbot, window, tmp_path)
    builds = []
    window.checker.engineReady.connect(lambda: builds.append(1))
    folder = settings.personal_words_path.parent
    (folder / "recent.json").write_text("[]", encoding="utf-8")
    (folder / "settings.json").write_text("{}", encoding="utf-8")
    qtbot.wait(1500)
    assert builds == [] and window.checker.idle
    settings.personal_words_path.write_text("skrullvippa\n", encoding="utf-8")
    qtbot.waitUntil(lambda: builds == [1], timeout=15_000)


def test_entry_dialog_validates(qtbot) -> None:  # noqa: ANN001
    dlg = EntryDialog(None)
    qtbot.addWidget(dlg)
    dlg.fields["name"].setText("  ")
    dlg._accept()
    assert "namn saknas" in dlg.error.text() and dlg.entry is None
    dlg.fields["name"].setText("Anna Hallberg")
    dlg.fields["titles"].setText("utrikeshandelsminister; statsråd")
    dlg._accept()
    assert dlg.entry == Entry("Anna Hallberg", "person",
                              titles=("utrikeshandelsminister", "statsråd"))


def _editor(qtbot, settings):  # noqa: ANN001, ANN202
    win = DictionaryWindow(settings)
    qtbot.addWidget(win)
    return win


def test_editor_add_search_save_and_conflict(qtbot, settings, dialogs) -> None:  # noqa: ANN001
    win = _editor(qtbot, settings)
    win.add_entry(Entry("Anna Hallberg", "person", titles=("utrikeshandelsminister",)))
    win.add_entry(Entry("Borås", "place"))
    win.add_entry(Entry("Borås", "place"))  # a duplicate is refused with a message
    assert dialogs.shown[-1][0] == "warning" and "finns redan" in dialogs.shown[-1][2]
    assert win.table.rowCount() == 2
    win.search.setText("hallb")
    assert win.table.rowCount() == 1
    win.search.setText("")
    win.kind_filter.setCurrentIndex(win.kind_filter.findData("place"))
    assert win.table.rowCount() == 1 and win.table.item(0, 0).text() == "Borås"
    assert win.save()
    assert {e.name for e in DictionaryFile.load(settings.user_dictionary_path).entries} == \
        {"Anna Hallberg", "Borås"}
    # Someone else saves meanwhile: nothing is overwritten; the admin may replay.
    other = DictionaryFile.load(settings.user_dictionary_path)
    other.add(Entry("Kristina Jonäng", "person", party="C"))
    other.save()
    win.add_entry(Entry("Bijan Zainali", "person", party="S"))
    win.ask_changed_on_disk = lambda: "replay"
    assert not win.save()
    assert win.ops  # replayed on the fresh copy, not yet saved
    assert win.save()
    names = {e.name for e in DictionaryFile.load(settings.user_dictionary_path).entries}
    assert names == {"Anna Hallberg", "Borås", "Kristina Jonäng", "Bijan Zainali"}


def test_csv_round_trip_and_errors() -> None:
    entries = [Entry("Anna Hallberg", "person", titles=("utrikeshandelsminister",), party="S"),
               Entry("FOV Fabrics", "organization", wrong=("FOV Fabrisc",))]
    back, problems = entries_from_csv(entries_to_csv(entries))
    assert back == entries and problems == []
    back, problems = entries_from_csv("name,kind\nX,planet\n,person\nY,place\n", "in.csv")
    assert [e.name for e in back] == ["Y"]
    assert problems[0].startswith("in.csv:2: okänd sort")


def test_proposals_approve_and_reject(qtbot, settings, dialogs) -> None:  # noqa: ANN001
    queue = ProposalQueue(settings.proposals_path)
    keep = queue.propose(Entry("Zorbhaxi", "person"), "redaktör")
    queue.propose(Entry("Fel Namn", "person"), "redaktör")
    win = _editor(qtbot, settings)
    assert win.proposal_table.rowCount() == 2
    win.proposal_table.selectRow(1)
    win.reject_selected()
    win.proposal_table.selectRow(0)
    assert win._selected_proposal() == keep
    win.approve_selected()
    assert win.proposal_table.rowCount() == 0
    assert DictionaryFile.load(settings.user_dictionary_path).find("Zorbhaxi") is not None
    assert win.table.rowCount() == 1


def test_unreadable_dictionary_is_reported(qtbot, settings, dialogs) -> None:  # noqa: ANN001
    settings.user_dictionary_path.parent.mkdir(parents=True, exist_ok=True)
    settings.user_dictionary_path.write_text("entries: [\n", encoding="utf-8")
    win = _editor(qtbot, settings)
    assert dialogs.shown[-1][0] == "warning" and "kunde inte tolkas" in dialogs.shown[-1][2]
    assert not win.save_button.isEnabled()
    assert QMessageBox  # dialogs were patched, none blocked


def test_dictionary_window_save_rechecks_draft(qtbot, window, settings, tmp_path) -> None:  # noqa: ANN001
    _open(qtbot, window, tmp_path)
    assert "Zorbhaxi" in _texts(window)
    window.open_dictionary_editor()
    dw = window.dictionary_window
    dw.add_entry(Entry("Zorbhaxi", "person"))
    assert dw.save()
    wait_checked(qtbot, window)
    assert "Zorbhaxi" not in _texts(window)
    dw.close()


def test_a_broken_name_dictionary_is_shown_not_only_on_stderr(
        qtbot, window, settings, tmp_path) -> None:  # noqa: ANN001
    """A colleague saves the shared list with a YAML slip: its names go unchecked
    ("Svenson" is no longer corrected) until it is fixed, so the window says which
    file, which line and why, for as long as it is so."""
    shared = settings.user_dictionary_path
    shared.parent.mkdir(parents=True, exist_ok=True)
    shared.write_text("entries:\n  - name: Olle Svensson\n    kind: person\n",
                      encoding="utf-8")
    window.reload_dictionaries()
    path = tmp_path / "utkast.txt"
    path.write_text("Olle Svenson kom hem.\n", encoding="utf-8")
    window.open_path(path)
    wait_checked(qtbot, window)
    assert window.dictionary_warning.isHidden()
    shared.write_text("entries:\n  - name: [Olle Svensson\n", encoding="utf-8")
    window.reload_dictionaries()
    wait_checked(qtbot, window)
    assert not window.dictionary_warning.isHidden()
    assert window.dictionary_warning.text() == "⚠ Fel i namnordlistorna (1)"
    tip = window.dictionary_warning.toolTip()
    assert tip.startswith(f"{shared}:3: filen kunde inte tolkas som YAML")
    assert tip.endswith("ingenting i filen lästes in")
    assert window.statusBar().currentMessage() == f"Namnordlista: {tip}"
    shared.write_text("entries:\n  - name: Olle Svensson\n    kind: person\n",
                      encoding="utf-8")
    window.reload_dictionaries()
    wait_checked(qtbot, window)
    assert window.dictionary_warning.isHidden()


def test_a_shared_dictionary_folder_that_is_not_there_is_shown(
        qtbot, window, settings, tmp_path) -> None:  # noqa: ANN001
    """The newsroom's shared folder on a server that is not mounted: the settings
    still name it, and every name in it went unchecked without a word."""
    shared = tmp_path / "nas" / "namnlistor"
    settings.dictionary_paths = [str(shared)]
    window.reload_dictionaries()
    wait_checked(qtbot, window)
    assert not window.dictionary_warning.isHidden()
    assert window.dictionary_warning.toolTip() == (
        f"{shared}: finns inte (en delad mapp som inte är monterad?); dess namn "
        "kontrolleras inte")
    shared.mkdir(parents=True)
    window.reload_dictionaries()
    wait_checked(qtbot, window)
    assert window.dictionary_warning.isHidden()
