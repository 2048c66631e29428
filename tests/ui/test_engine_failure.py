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
