"""Margin cards: near their lines, never off the panel, with the words around them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from proofer.ui.cards import place
from tests.ui.conftest import wait_checked


def _inside(win) -> bool:  # noqa: ANN001
    h = win.panel.height()
    return all(0 <= c.y() and c.y() + c.height() <= h for c in win.panel.visible_cards())


def _no_overlap(win) -> bool:  # noqa: ANN001
    cards = sorted(win.panel.visible_cards(), key=lambda c: c.y())
    return all(a.y() + a.height() <= b.y() for a, b in zip(cards, cards[1:], strict=False))


def test_place_keeps_current_at_its_line_and_fits_the_panel() -> None:
    # Five cards for lines 20 px apart, 30 px high each, the third current.
    wanted = [(100 + 20 * k, 30, k == 2) for k in range(5)]
    tops = place(wanted, 0, 1000, 5)
    assert tops[2] == 140
    assert all(b >= a + 35 for a, b in zip(tops, tops[1:], strict=False))
    # At the bottom of the panel the group moves up instead of falling off.
    tops = place([(950 + 10 * k, 30, False) for k in range(4)], 0, 1000, 5)
    assert tops[-1] + 30 <= 1000 and all(b >= a + 35 for a, b in zip(tops, tops[1:], strict=False))
    # Without a current card the group is centred on its lines, not pushed below them.
    tops = place([(100, 30, False), (105, 30, False)], 0, 1000, 5)
    assert tops[0] < 100 < tops[1]


def test_cards_stay_on_the_panel_top_and_bottom(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    assert len(window.panel.visible_cards()) >= 8
    assert _inside(window) and _no_overlap(window)
    bar = window.editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    window.panel.relayout()
    # Every finding whose line is on screen at the end of the text has its card, whole.
    shown = {c.item.id for c in window.panel.visible_cards()}
    first = window.editor.firstVisibleBlock().position()
    on_screen = [i for i in window.store.visible() if i.start >= first]
    assert on_screen and {i.id for i in on_screen} <= shown
    assert _inside(window) and _no_overlap(window)


def test_current_card_is_open_at_its_line_with_context(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    window.editor.setFocus()
    for _ in range(12):  # into the dense part: the dash before "Västsverige"
        qtbot.keyClick(window.editor, Qt.Key.Key_F8)
        cur = window.editor.current
        if cur is not None and cur.finding.text.strip() == "-":
            break
    qtbot.wait(10)
    card = window.panel.cards[window.editor.current.id]
    anchor = next(a for a, top, _c in window.panel.anchors if top == card.y())
    assert abs(card.y() - anchor) <= 2
    assert card.findChild(type(card.head), "message").isVisible()
    assert "Västsverige" in card.head.text()  # the words after the dash, not "-" alone
    others = [c for c in window.panel.visible_cards() if c is not card]
    assert others and all(c.height() < card.height() for c in others)


def test_cards_follow_a_new_line_not_typing_within_one(qtbot, window, seed) -> None:  # noqa: ANN001
    # The cards are placed again only when their lines can have moved: typing that
    # wraps a line pushes the cards below it down; typing within a line does not
    # touch them (relayout after every keystroke was the biggest cost of a key).
    window.checker.timer.setInterval(10**6)  # no re-check while typing
    window.open_path(seed)
    wait_checked(qtbot, window)
    block = window.editor.document().findBlockByNumber(2)  # the headline, above the cards
    cur = window.editor.textCursor()
    cur.setPosition(block.position() + block.length() - 1)
    window.editor.setTextCursor(cur)
    qtbot.wait(5)
    card = max(window.panel.visible_cards(), key=lambda c: c.y())
    before = window.panel.anchors[:]
    qtbot.keyClicks(window.editor, "ab")
    qtbot.wait(5)
    assert window.panel.anchors == before
    lines = window.editor.document().lineCount()
    while window.editor.document().lineCount() == lines:
        qtbot.keyClicks(window.editor, " ord")
    qtbot.wait(5)
    line = window.editor.fontMetrics().lineSpacing()
    moved = [(a, b) for (a, _t, _c), (b, _u, _d) in zip(before, window.panel.anchors,
                                                       strict=False) if b != a]
    assert moved and all(b - a >= line - 1 for a, b in moved)
    after = window.panel.cards.get(card.item.id)
    assert after is None or after.y() >= card.y()


def test_closed_cards_end_in_an_ellipsis_when_cut(qtbot, window, seed) -> None:  # noqa: ANN001
    # A closed card is one line; one too long for the panel ended mid-letter at its
    # edge (seen under Xvfb), now it ends in "…" and keeps the change in view.
    window.resize(960, 620)
    window.open_path(seed)
    wait_checked(qtbot, window)
    qtbot.wait(20)
    closed = [c for c in window.panel.visible_cards() if not c.current]
    assert closed
    cut = [c for c in closed if c.head.text() != c.head_html]
    assert cut, "no card too long for a narrow panel"
    for card in closed:
        assert card.head.sizeHint().width() <= card.head.width() + 1
    from PySide6.QtGui import QTextDocument

    from proofer.ui.style import LABELS

    for card in cut:
        doc = QTextDocument()
        doc.setHtml(card.head.text())
        assert "…" in doc.toPlainText()
        assert doc.toPlainText().startswith(LABELS[card.item.finding.category])
    # Opened, the card shows the whole line again.
    window.panel.set_current(cut[0].item.id)
    qtbot.wait(20)
    assert cut[0].head.text() == cut[0].head_html


def test_a_text_without_findings_says_so(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "ren.txt"
    path.write_text("Regeringen presenterade planen i går.\n", encoding="utf-8")
    assert window.open_path(path)
    wait_checked(qtbot, window)
    window.panel.relayout()
    assert window.store.items == []
    assert window.panel.empty.text() == "Inga fynd" and not window.panel.empty.isHidden()
