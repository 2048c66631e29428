"""What the person types or pastes ends up in the file as they saw it: a new line is
a line the file's format can hold, and nothing invisible that would make the saved
draft unreadable comes in with a paste."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt

from proofer.formats import load_document


def _open(window, path: Path, content: str) -> None:  # noqa: ANN001
    path.write_text(content, encoding="utf-8")
    assert window.open_path(path)
    cur = window.editor.textCursor()
    cur.setPosition(9)  # after "Rad ett. "
    window.editor.setTextCursor(cur)


def _paste(window, text: str) -> None:  # noqa: ANN001
    data = QMimeData()
    data.setText(text)
    window.editor.insertFromMimeData(data)


def test_shift_enter_in_a_plain_text_draft_is_a_new_line(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    """Qt types U+2028 for Shift+Enter: in a .txt file that is no line break but an
    invisible character a CMS shows as nothing or as a box."""
    draft = tmp_path / "utkast.txt"
    _open(window, draft, "Rad ett. Rad två.\n")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor_text() == "Rad ett. \nRad två.\n"
    window.editor.undo()
    assert window.editor_text() == "Rad ett. Rad två.\n"
    window.editor.redo()
    assert window.save()
    assert draft.read_bytes() == "Rad ett. \nRad två.\n".encode()


def test_shift_enter_in_an_html_draft_is_a_line_break_in_the_paragraph(
        qtbot, window, tmp_path) -> None:  # noqa: ANN001
    draft = tmp_path / "utkast.html"
    _open(window, draft, "<html><body><p>Rad ett. Rad två.</p></body></html>\n")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor_text() == "Rad ett. \u2028Rad två."
    assert window.save()
    assert "Rad ett. <br>" in draft.read_text(encoding="utf-8")


def test_a_paste_brings_no_control_characters(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    """A NUL pasted from a PDF or a terminal made the saved draft a "binary file"
    that Proofer itself refused to open again."""
    draft = tmp_path / "utkast.txt"
    _open(window, draft, "Rad ett. Rad två.\n")
    _paste(window, "Klistrad\r\nrad\x00 med\x07 skräp\x0bny rad\u2028och en till. ")
    assert window.editor_text() == ("Rad ett. Klistrad\nrad med skräp\nny rad\noch en "
                                    "till. Rad två.\n")
    window.editor.undo()  # one paste, one undo step
    assert window.editor_text() == "Rad ett. Rad två.\n"
    window.editor.redo()
    assert window.save()
    assert load_document(draft).text == window.editor_text()
