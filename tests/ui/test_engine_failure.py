"""An engine that cannot start is said for as long as it holds: the status bar must
never keep saying "Startar kontrollmotorn…" (or show no findings) over a text that
nobody checks (issue 13, item 2's symptom in the app)."""

from __future__ import annotations

from proofer.settings import Settings
from proofer.ui.background import SyncRunner
from proofer.ui.main_window import MainWindow


def _broken(_settings: Settings):  # noqa: ANN202 - stands in for build_engine
    raise IndexError("namnregistret kunde inte byggas")


def test_a_failed_engine_start_stays_on_screen(qtbot, settings: Settings, dialogs) -> None:  # noqa: ANN001
    win = MainWindow(settings, runner=SyncRunner(), engine_factory=_broken)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    text = win.engines.text()
    assert "Startar kontrollmotorn" not in text
    assert "kunde inte startas" in text and "inte kontrollerad" in text
    assert "Inga fynd" not in win.counts.text()
    win.checker.close()


def _shown(win) -> tuple[str, str, str]:  # noqa: ANN001
    """What the margin, the findings list and the counts say with no finding."""
    assert not win.panel.empty.isHidden() and not win.findings_pane.empty.isHidden()
    return win.panel.empty.text(), win.findings_pane.empty.text(), win.counts.text()


def test_a_draft_not_yet_checked_never_says_no_findings(
        qtbot, settings: Settings, dialogs, tmp_path) -> None:  # noqa: ANN001
    """A long draft's first check takes a while (a book-length one, minutes): until
    it has come, "Inga fynd" in the margin and the list would pass an unchecked text
    for a clean one."""
    win = _with_draft(qtbot, MainWindow(settings, runner=SyncRunner(), start_engine=False),
                      tmp_path)
    assert _shown(win) == ("Kontrolleras …", "Kontrolleras …", "Kontrolleras …")
    win.start_engine()
    qtbot.waitUntil(lambda: win.checker.idle, timeout=20_000)
    qtbot.wait(1)
    assert _shown(win) == ("Inga fynd", "Inga fynd", "Inga fynd")
    win.checker.close()


def test_a_draft_the_engine_never_checked_says_so(
        qtbot, settings: Settings, dialogs, tmp_path) -> None:  # noqa: ANN001
    win = _with_draft(qtbot, MainWindow(settings, runner=SyncRunner(), engine_factory=_broken),
                      tmp_path)
    margin, listed, _counts = _shown(win)
    assert (margin, listed) == ("Inte kontrollerad", "Inte kontrollerad")
    win.checker.close()


def _with_draft(qtbot, win: MainWindow, tmp_path) -> MainWindow:  # noqa: ANN001
    """The window shown, with a one-line draft opened."""
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    draft = tmp_path / "utkast.txt"
    draft.write_text("Regeringen presenterade budgeten i dag.\n", encoding="utf-8")
    assert win.open_path(draft)
    return win
