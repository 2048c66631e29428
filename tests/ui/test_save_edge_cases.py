"""Saves the person must hear about: a draft that could not keep its encoding, one
that is write-protected, one that was deleted while open, one with a second name.
Whatever happens, the text stays open and nothing on disk is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from proofer import safe_write
from proofer.ui.main_window import changed_on_disk_box


def test_a_legacy_encoding_that_cannot_hold_a_typed_character_is_said_on_save(
        qtbot, window, tmp_path, dialogs) -> None:  # noqa: ANN001
    """A cp1252 draft (an old desktop tool's) gets "Łódź" typed into it: it is saved
    as UTF-8, and the person is told so, naming the file and the characters: the
    program that made it would garble åäö now."""
    draft = tmp_path / "gammal.txt"
    draft.write_bytes("Räksmörgås.\n".encode("cp1252"))
    assert window.open_path(draft)
    window.editor.insertPlainText("Łódź ")
    assert window.save()
    assert draft.read_bytes() == "Łódź Räksmörgås.\n".encode()
    assert dialogs.shown == [(
        "warning", "Sparad på ett annat sätt",
        f"{draft}: sparades som UTF-8: texten innehåller tecken som cp1252 inte kan "
        "lagra (Ł ź)")]
    window.editor.insertPlainText("x")
    assert window.save()  # UTF-8 from now on: nothing more to say
    assert len(dialogs.shown) == 1


def test_a_write_protected_draft_is_refused_with_the_reason(
        qtbot, window, seed, dialogs, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """As a user without write permission for the file (root has it always; the
    refusal itself is tested as another user in tests/test_safe_write.py)."""
    before = seed.read_bytes()
    window.open_path(seed)
    window.editor.insertPlainText("MIN ÄNDRING ")
    monkeypatch.setattr(safe_write, "_may_write", lambda _path: False)
    assert not window.save()
    assert dialogs.shown == [(
        "critical", "Kunde inte spara",
        f"{seed}: filen är skrivskyddad (du saknar skrivbehörighet till den); "
        "spara under ett annat namn")]
    assert seed.read_bytes() == before
    assert window.editor_text().startswith("MIN ÄNDRING ")
    assert window.editor.document().isModified()


def test_a_draft_deleted_while_open_is_said_and_can_be_saved_again(
        qtbot, window, seed, dialogs, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    window.open_path(seed)
    window.editor.insertPlainText("MIN ÄNDRING ")
    seed.unlink()
    box, buttons = changed_on_disk_box(window, seed)
    assert box.windowTitle() == "Filen har tagits bort"
    assert box.text().startswith(f"{seed.name} har tagits bort eller flyttats")
    # Nothing to read in again: save it there again, elsewhere, or not at all.
    assert [b.text() for b in buttons.values()] == ["Spara &här igen", "Spara &som…",
                                                    "Avbryt"]
    assert (box.text() + box.informativeText()).count(str(seed)) == 1
    box.deleteLater()
    asked: list[Path] = []
    monkeypatch.setattr(window, "ask_changed_on_disk",
                        lambda target: asked.append(target) or "overwrite")
    assert window.save()
    assert asked == [seed]
    assert seed.read_text(encoding="utf-8").startswith("MIN ÄNDRING ")
    assert not dialogs.shown


def test_a_hard_linked_draft_is_saved_under_both_names(
        qtbot, window, seed, dialogs) -> None:  # noqa: ANN001
    other = seed.with_name("samma-artikel.txt")
    os.link(seed, other)
    window.open_path(other)
    window.editor.insertPlainText("MIN ÄNDRING ")
    assert window.save()
    assert seed.read_text(encoding="utf-8").startswith("MIN ÄNDRING ")
    assert os.path.samefile(seed, other)
    assert not dialogs.shown


def test_a_classic_mac_draft_keeps_its_line_ends(qtbot, window, tmp_path, dialogs) -> None:  # noqa: ANN001
    """The editor shows each lone CR as a line break; saving writes CR again."""
    draft = tmp_path / "mac.txt"
    draft.write_bytes("Rad ett.\rRad två.\r".encode())
    assert window.open_path(draft)
    assert window.editor_text() == "Rad ett.\nRad två.\n"
    window.editor.insertPlainText("Ny ")
    assert window.save()
    assert draft.read_bytes() == "Ny Rad ett.\rRad två.\r".encode()


def test_a_file_name_that_is_no_valid_utf8_opens_autosaves_and_saves(
        qtbot, window, tmp_path, dialogs) -> None:  # noqa: ANN001
    """An old file system's name ("r\\xe4k.txt" in latin-1), given on the command
    line, is a str with a lone surrogate: writing recent.json and the autosave
    failed with a UnicodeEncodeError, and the app stopped at start-up."""
    draft = tmp_path / "r\udce4k.txt"
    draft.write_text("Hej då.\n", encoding="utf-8")
    assert window.open_path(draft)
    window.editor.insertPlainText("Ny ")
    assert window.autosave_now()
    assert window.save()
    assert draft.read_text(encoding="utf-8") == "Ny Hej då.\n"
    window.recent_menu.actions()[0].trigger()  # the list keeps the name as it is
    assert window.editor_text() == "Ny Hej då.\n" and not dialogs.shown


ODD_BREAKS = "Stycke ett.\u2029Stycke två\rmed CR.\ufdd0\ufdd1 Slut.\n"


def test_characters_the_editor_cannot_hold_come_back_as_they_were(
        qtbot, window, tmp_path, dialogs) -> None:  # noqa: ANN001
    """A lone U+2029 (and Qt's own frame marks U+FDD0/U+FDD1, a CR in a file of LF
    lines) became a new line in the editor, and so on save: a draft's characters
    must come back as they were unless the person edited them."""
    draft = tmp_path / "udda.txt"
    draft.write_bytes(ODD_BREAKS.encode())
    assert window.open_path(draft)
    assert window.editor_text() == ODD_BREAKS
    assert window.editor.document().blockCount() == 2  # the one real line end
    window.editor.insertPlainText("Ny ")
    assert window.save()
    assert draft.read_bytes() == ("Ny " + ODD_BREAKS).encode()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText("Mer.\u2029Sist.")  # typed or pasted: a paragraph break
    assert window.save()
    assert draft.read_bytes() == ("Ny " + ODD_BREAKS + "Mer.\nSist.").encode()


def test_a_pasted_stand_in_never_becomes_the_character_it_stands_for(
        qtbot, window, tmp_path, dialogs) -> None:  # noqa: ANN001
    from PySide6.QtCore import QMimeData

    draft = tmp_path / "udda.txt"
    draft.write_bytes("Ett.\u2029Två.\n".encode())
    assert window.open_path(draft)
    stand_in = window.editor.stand_ins["\u2029"]
    window.editor.selectAll()
    copied = window.editor.createMimeDataFromSelection()
    assert copied.text() == "Ett.\u2029Två.\n"  # the draft's own character
    pasted = QMimeData()
    pasted.setText(f"X{stand_in}Y")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    window.editor.insertFromMimeData(pasted)
    assert window.editor_text() == "XYEtt.\u2029Två.\n"


def test_reloading_from_disk_keeps_the_characters_and_undo_brings_back_the_own_version(
        qtbot, window, tmp_path, dialogs) -> None:  # noqa: ANN001
    draft = tmp_path / "udda.txt"
    draft.write_bytes("Ett.\u2029Två.\n".encode())
    assert window.open_path(draft)
    window.editor.insertPlainText("Min ")
    draft.write_bytes("Deras\r text.\ufdd0\n".encode())
    window.reload_from_disk()
    assert window.editor_text() == "Deras\r text.\ufdd0\n"
    window.editor.undo()
    assert window.editor_text() == "Min Ett.\u2029Två.\n"
