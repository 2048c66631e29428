"""Visa → Fyndlista with the seed article, driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from proofer.finding import Category
from proofer.ui.findings_pane import HTML_ROLE
from tests.ui.conftest import wait_checked


def _open(qtbot, window, seed):  # noqa: ANN001, ANN202
    assert window.open_path(seed)
    wait_checked(qtbot, window)
    return window.findings_pane


def _row(pane, text: str) -> int:  # noqa: ANN001
    return next(n for n, i in enumerate(pane.model.rows) if i.finding.text == text)


def test_pane_lists_every_finding_with_its_sentence(qtbot, window, seed) -> None:  # noqa: ANN001
    pane = _open(qtbot, window, seed)
    assert window.findings_dock.isVisible()
    shown = window.store.visible()
    assert len(shown) > 10
    assert [i.id for i in pane.model.rows] == [i.id for i in shown]
    assert pane.count.text() == f"{len(shown)} av {len(shown)} kvar"
    lines = pane.lines()
    # The category in words, the line number, and the change inside its sentence.
    frd = lines[_row(pane, "Frderik")]
    assert frd.startswith("Namn, rad 7: ")
    assert "[Frderik → Fredrik] Johanssomn" in frd
    html = pane.model.index(_row(pane, "Frderik")).data(HTML_ROLE)
    assert "<s>Frderik</s>" in html and "<b>Fredrik</b>" in html and ">Namn<" in html
    for line, item in zip(lines, shown, strict=True):
        assert line.split(",")[0].split(" (")[0] in {"Stavning", "Grammatik", "Namn", "Titel",
                                                      "Konsekvens", "Stil", "Rester"}
        assert item.finding.text.strip() == "" or item.finding.text[:20] in line


def test_filter_by_category(qtbot, window, seed) -> None:  # noqa: ANN001
    pane = _open(qtbot, window, seed)
    names = [i for i in window.store.visible() if i.finding.category is Category.NAME]
    pane.filter.setCurrentIndex(pane.filter.findData("name"))
    assert pane.filter.currentText() == f"Namn ({len(names)})"
    assert [i.id for i in pane.model.rows] == [i.id for i in names]
    assert all(line.startswith("Namn") for line in pane.lines())
    assert pane.count.text() == f"{len(names)} av {len(names)} kvar"


def test_keyboard_walks_accepts_and_ignores(qtbot, window, seed) -> None:  # noqa: ANN001
    pane = _open(qtbot, window, seed)
    total = len(window.store.visible())
    view = pane.view
    # A click on the first line selects its finding; Down walks the rest.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(pane.model.index(0)).center())
    # Every finding is reachable with Down, and each line selects its text.
    seen = []
    for _ in range(total):
        fid = pane.current_id()
        seen.append(fid)
        item = window.store.by_id(fid)
        cur = window.editor.textCursor()
        assert (cur.selectionStart(), cur.selectionEnd()) == (item.start, item.end)
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert sorted(seen) == sorted(i.id for i in window.store.visible())

    # Enter on the "Frderik" line accepts its first suggestion.
    view.setCurrentIndex(pane.model.index(_row(pane, "Frderik")))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "Fredrik Johanssomn" in window.editor_text()
    assert window.changes.changes[-1].after == "Fredrik"
    # The next line is current, and its finding is selected in the text.
    nxt = window.store.by_id(pane.current_id())
    cur = window.editor.textCursor()
    assert (cur.selectionStart(), cur.selectionEnd()) == (nxt.start, nxt.end)
    wait_checked(qtbot, window)
    assert pane.count.text() == f"{len(pane.model.rows)} av {len(pane.model.rows) + 1} kvar"

    # Delete ignores the current line; the text stays as it was.
    text = window.editor_text()
    view.setFocus()
    ignored = window.store.by_id(pane.current_id()).finding
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.editor_text() == text
    assert ignored not in [i.finding for i in window.store.visible()]
    assert window.ignored_log.items[-1].text == ignored.text
    open_ = len(pane.model.rows)
    assert pane.count.text() == f"{open_} av {open_ + 2} kvar"
    # Esc ignores as well.
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert pane.count.text() == f"{open_ - 1} av {open_ + 2} kvar"


def test_text_current_finding_shows_in_pane(qtbot, window, seed) -> None:  # noqa: ANN001
    pane = _open(qtbot, window, seed)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.current is not None
    assert pane.current_id() == window.editor.current.id


def test_f7_goes_to_the_pane_and_back(qtbot, window, seed) -> None:  # noqa: ANN001
    pane = _open(qtbot, window, seed)
    go = window.findings_go_action
    assert go.shortcut().toString() == "F7"
    assert window.findings_dock.isVisible()
    window.editor.setFocus()
    go.trigger()  # open already: F7 from the text takes the keyboard there, not hides it
    assert window.findings_dock.isVisible()
    assert pane.view.hasFocus() or window.focusWidget() is pane.view
    item = window.store.by_id(pane.current_id())
    cur = window.editor.textCursor()
    assert (cur.selectionStart(), cur.selectionEnd()) == (item.start, item.end)
    go.trigger()  # in the list: hides it, back to the text
    assert not window.findings_dock.isVisible()
    assert window.focusWidget() is window.editor
    go.trigger()  # hidden: shows it with the keyboard in it
    assert window.findings_dock.isVisible()
    assert pane.view.hasFocus() or window.focusWidget() is pane.view
    toggle = window.findings_dock.toggleViewAction()  # Visa → Fyndlista still toggles
    toggle.trigger()
    assert not window.findings_dock.isVisible()


def test_rows_too_wide_end_in_an_ellipsis_and_keep_the_change(qtbot, window, seed) -> None:  # noqa: ANN001
    # A narrow list cuts a row with "…", never mid-letter at the edge, and the
    # change itself (struck-through text, the suggestion) stays in view.
    from PySide6.QtGui import QFontMetricsF

    from proofer.ui.rich_elide import ELLIPSIS, elided_document

    pane = _open(qtbot, window, seed)
    font = pane.view.font()
    width = QFontMetricsF(font).horizontalAdvance("x") * 30
    cut = 0
    for row, item in enumerate(pane.model.rows):
        html = pane.model.index(row).data(HTML_ROLE)
        doc = elided_document(html, font, width)
        full = elided_document(html, font, 10_000)
        header, sentence = (doc.findBlockByNumber(k) for k in (0, 1))
        for block in (header, sentence):
            assert block.layout().lineCount() == 1
            assert block.layout().lineAt(0).naturalTextWidth() <= width - 4
        whole = full.findBlockByNumber(1).text()
        if sentence.text() != whole:
            cut += 1
            assert ELLIPSIS in sentence.text()
        wrong = item.finding.text.strip()
        if wrong and len(wrong) < 12:
            assert wrong in sentence.text(), (sentence.text(), wrong)
    assert cut > 5
    # The tooltip has the whole sentence.
    tip = pane.model.index(_row(pane, "Frderik")).data(Qt.ItemDataRole.ToolTipRole)
    assert "[Frderik → Fredrik] Johanssomn" in tip


def test_elided_document_cuts_at_the_right_and_before_the_change(qapp) -> None:  # noqa: ANN001
    from PySide6.QtGui import QFont, QFontMetricsF

    from proofer.ui.rich_elide import elided_document

    font = QFont()
    em = QFontMetricsF(font).horizontalAdvance("m")
    short = elided_document("<div>kort rad</div>", font, em * 40)
    assert short.toPlainText() == "kort rad"
    long_after = elided_document("<div>före <s>fel</s><b style='background:#ff0'>rätt</b> "
                                 + "efter " * 30 + "</div>", font, em * 20)
    text = long_after.toPlainText()
    assert text.startswith("före felrätt efter") and text.endswith("…")
    long_before = elided_document("<div>" + "före " * 30 + "<s>fel</s>"
                                  "<b style='background:#ff0'>rätt</b> efter</div>",
                                  font, em * 20)
    text = long_before.toPlainText()
    assert text.startswith("…") and "felrätt" in text


def test_a_recheck_with_the_same_findings_keeps_the_list(qtbot, window, seed) -> None:  # noqa: ANN001
    # Rebuilding a long list after every check cost the GUI thread milliseconds; the
    # same findings after a re-check only redraw their lines, and the current line
    # stays. A finding that goes rebuilds it.
    pane = _open(qtbot, window, seed)
    resets = []
    pane.model.modelReset.connect(lambda: resets.append(1))
    pane.view.setCurrentIndex(pane.model.index(3))
    current = pane.current_id()
    window.recheck()
    wait_checked(qtbot, window)
    assert resets == [] and pane.current_id() == current
    window.ignore(pane.model.rows[0].id)
    assert resets == [1]


def test_the_sentence_around_a_finding_stops_at_a_line_break() -> None:
    # An HTML <br> (Word's Shift+Enter) is a line of its own: "Publicerad:" then the
    # caption is two lines, not one sentence.
    from proofer.ui.finding_sentence import snippet

    para = "Publicerad:\u2028Frderik Johanssomn berättar. Sedan mer."
    s = snippet(para, 12, 19, "Fredrik")
    assert (s.before, s.after) == ("", " Johanssomn berättar.")
    s = snippet(para, 0, 11, "")
    assert (s.before, s.after) == ("", "")


def test_menu_key_opens_the_current_lines_menu(qtbot, window, seed) -> None:  # noqa: ANN001
    # The Menu key (Shift+F10) in the list: the current line's menu, as a right-click
    # on that line gives (under Xvfb it opened nothing: Qt's keyboard position is
    # the middle of the list).
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    pane = _open(qtbot, window, seed)
    view = pane.view
    asked: list[int] = []
    view.menuRequested.disconnect()  # no real menu: it would wait for a click
    view.menuRequested.connect(lambda row, _pos: asked.append(row))
    view.setCurrentIndex(pane.model.index(1))
    middle = view.viewport().rect().center()
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, middle,
                                                   view.viewport().mapToGlobal(middle)))
    view.scrollTo(pane.model.index(2))
    rect = view.visualRect(pane.model.index(2))
    click = rect.center()
    # A right-click arrives at the list's viewport.
    right_click = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, click,
                                    view.viewport().mapToGlobal(click))
    QApplication.sendEvent(view.viewport(), right_click)
    assert asked == [1, 2]
