"""Keyboard review is a state the person controls: a background re-check never ends
it, never moves the selection, and Enter never types over a selection while it is on."""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt

from proofer.ui.offsets import OffsetMap
from tests.ui.conftest import wait_checked


def _spans(win) -> list[tuple[int, int]]:  # noqa: ANN001
    omap = OffsetMap(win.editor_text())
    return [(omap.to_codepoint(i.start), omap.to_codepoint(i.end)) for i in win.store.items]


def _open_text(qtbot, win, tmp_path, text: str) -> None:  # noqa: ANN001
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    win.open_path(path)
    wait_checked(qtbot, win)


def test_f8_then_enter_21_times_changes_text_only_at_findings(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    before = window.editor_text()
    spans = _spans(window)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    for _ in range(21):
        qtbot.keyClick(window.editor, Qt.Key.Key_Return)
        wait_checked(qtbot, window)  # the background re-check lands between two presses
    after = window.editor_text()
    # No line break typed over the text (19 blank lines once); a leftover line removed
    # by "(ta bort)" takes its own line break, and one empty line beside it, with it.
    assert after.count("\n") <= before.count("\n")
    assert after.count("\n\n\n") == before.count("\n\n\n") == 0
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    changed = [(a1, a2) for tag, a1, a2, _b1, _b2 in ops if tag != "equal"]
    assert changed, "no finding was accepted"

    def covered(k: int) -> bool:  # in a finding, or a line break right after one
        return any(s <= k < e or before[k] == "\n" and e <= k < e + 2 for s, e in spans)

    for a1, a2 in changed:
        if a1 == a2:  # an insertion: at a finding
            assert any(s <= a1 <= e for s, e in spans), (before[max(a1 - 20, 0):a2 + 20])
        for k in range(a1, a2):
            assert covered(k), (before[max(a1 - 20, 0):a2 + 20], after)
    assert len(window.changes.changes) >= 2


def test_recheck_keeps_review_and_selection(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)  # accept: review moves on
    current = window.editor.current
    assert current is not None and window.editor.reviewing
    sel = (window.editor.textCursor().selectionStart(), window.editor.textCursor().selectionEnd())
    wait_checked(qtbot, window)
    assert window.editor.reviewing
    assert window.editor.current is not None
    assert (window.editor.current.start, window.editor.current.end) == sel
    assert (window.editor.textCursor().selectionStart(),
            window.editor.textCursor().selectionEnd()) == sel


def test_enter_in_review_without_current_finding_types_nothing(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    item = window.editor.current
    assert item is not None and window.editor.textCursor().hasSelection()
    # The finding is gone (as when a re-check no longer reports it); its text stays selected.
    window.store.remove(item)
    window._findings_changed()
    assert window.editor.reviewing and window.editor.current is None
    before = window.editor_text()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.keyClick(window.editor, Qt.Key.Key_1)
    assert window.editor_text() == before
    # F8 selects the finding next to the selection; it skips none.
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.current is not None


def test_f8_does_not_skip_a_selected_finding(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    items = window.store.visible()
    second = items[1]
    window.editor.select_finding(second)
    window.editor.leave_review()  # selected, but review is off (as after a mouse selection)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.current is second


def test_last_finding_says_done_with_counts(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    _open_text(qtbot, window, tmp_path, "Frderik Johanssomn kom  hem.\n")
    n = len(window.store.visible())
    assert n >= 2
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)  # ignore the first
    for _ in range(n - 1):
        qtbot.keyClick(window.editor, Qt.Key.Key_Return)
        wait_checked(qtbot, window)
    accepted = len(window.changes.changes)
    want = f"Klart – {accepted} ändrad{'e' if accepted != 1 else ''}, 1 ignorerad"
    assert want in window.state.text(), window.state.text()
    text = window.editor_text()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)  # review is done: Enter types nothing
    assert window.editor_text() == text


def test_ignore_sticks_after_accept_in_same_paragraph(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    _open_text(qtbot, window, tmp_path, "Frderik Johanssomn kom  hem.\n")
    first = next(i for i in window.store.visible() if i.finding.text == "Frderik")
    window.ignore(first.id)
    other = next(i for i in window.store.visible() if i.finding.text == "Johanssomn")
    window.accept(other.id)
    window.recheck()
    wait_checked(qtbot, window)
    assert "Johansson" in window.editor_text()
    assert not any(i.finding.text == "Frderik" for i in window.store.visible())
    # Typed before it on the same line, the ignore follows the text.
    cur = window.editor.textCursor()
    cur.setPosition(0)
    cur.insertText("Nu: ")
    wait_checked(qtbot, window)
    assert not any(i.finding.text == "Frderik" for i in window.store.visible())


def test_accepted_suggestion_is_not_flagged_again(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    _open_text(qtbot, window, tmp_path, "Frderik Johanssomn kom hem.\n")
    item = next(i for i in window.store.visible() if i.finding.text == "Frderik")
    k = item.finding.suggestions.index("Frederik")
    window.accept(item.id, k)
    window.recheck()
    wait_checked(qtbot, window)
    assert window.editor_text().startswith("Frederik Johanssomn")
    assert not any("Frederik" in i.finding.text for i in window.store.visible())


def test_accept_all_menu_says_the_rule_in_swedish(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    _open_text(qtbot, window, tmp_path, "- Ja, sa han.\n- Nej, sa hon.\n- Kanske, sa de.\n")
    item = next(i for i in window.store.visible() if len(window.store.same_rule(i)) > 1)
    cur = window.editor.textCursor()
    cur.setPosition(item.start)
    menu = window.editor.finding_menu(window.editor.cursorRect(cur).center())
    texts = [a.text() for a in menu.actions()]
    godta = [t for t in texts if t.startswith("Godta alla")]
    assert godta and item.finding.rule not in godta[0], texts
    assert godta[0].startswith(f"Godta alla {len(window.store.same_rule(item))}: ")


def test_accept_all_with_different_suggestions_does_not_name_one_of_them(
        qtbot, window, tmp_path) -> None:  # noqa: ANN001
    """"Godta alla 2: Genitiv på svenska: Trafikverkets (…)" read as if SVT's became
    "Trafikverkets" too; each finding takes its own suggestion."""
    _open_text(qtbot, window, tmp_path,
               "Trafikverket's talesperson sa att vägen stängs. SVT's reporter var där.\n")
    item = next(i for i in window.store.visible() if i.finding.text == "Trafikverket's")
    cur = window.editor.textCursor()
    cur.setPosition(item.start)
    menu = window.editor.finding_menu(window.editor.cursorRect(cur).center())
    godta = [a.text() for a in menu.actions() if a.text().startswith("Godta alla")]
    assert godta == ["Godta alla 2: Genitiv på svenska (vart och ett med sitt förslag)"]


def test_removing_a_whole_line_leaves_no_hole(qtbot, window, seed) -> None:  # noqa: ANN001
    # "(ta bort)" on a leftover line: the line goes with its line break, so the
    # paragraphs around it are as if it had never been there; Ctrl+Z brings it back.
    window.open_path(seed)
    wait_checked(qtbot, window)
    original = window.editor_text()
    item = next(i for i in window.store.visible()
                if i.finding.text == "Gå direkt till huvudinnehållet")
    assert list(item.finding.suggestions) == [""]
    window.accept(item.id)
    assert window.editor_text() == original.replace("Gå direkt till huvudinnehållet\n", "")
    assert window.changes.changes[-1].before == "Gå direkt till huvudinnehållet"
    window.editor.undo()
    assert window.editor_text() == original


def test_a_line_between_empty_lines_takes_one_of_them(qapp) -> None:  # noqa: ANN001
    from PySide6.QtGui import QTextDocument

    from proofer.ui.replacing import removal_span

    doc = QTextDocument()
    doc.setPlainText("A\n\nX\n\nB")
    assert removal_span(doc, 3, 4) == (3, 6)  # "X\n\n" goes: "A\n\nB"
    assert removal_span(doc, 3, 3) == (3, 3)  # not the whole line
    doc.setPlainText("A\nX")
    assert removal_span(doc, 2, 3) == (2, 3)  # the last line: nothing after it to take


def test_a_line_inside_a_paragraph_takes_its_break(qapp) -> None:  # noqa: ANN001
    # An HTML <br> or Word's Shift+Enter is LINE_SEP inside one block.
    from PySide6.QtGui import QTextDocument

    from proofer.ui.replacing import removal_span

    doc = QTextDocument()
    doc.setPlainText("Ab\u2028X\u2028Cd")
    assert removal_span(doc, 0, 2) == (0, 3)  # the first line and the break after it
    assert removal_span(doc, 3, 4) == (3, 5)  # a middle line: the break after it
    assert removal_span(doc, 5, 7) == (4, 7)  # the last line: the break before it
    assert removal_span(doc, 0, 1) == (0, 1)  # part of a line: only the text
    assert removal_span(doc, 6, 7) == (6, 7)
