"""Live checking: debounced, off the GUI thread, and never applied to stale text.

Every edit bumps a revision number. ~300 ms after the last edit the current text is
handed to the engine in the background; when the report comes back it is applied
only if the revision has not moved on (novelWriter's pattern). The engine caches
per paragraph, so a re-check after typing re-runs only the edited paragraph.

A new draft (or a new engine) is checked in two passes: the fast checkers first, so
the first findings are on screen within a second or so, then the whole check with
the grammar (its morphology runs in outside processes and takes longer), whose
report replaces the first. Live re-checks after an edit are one pass: the edited
paragraph is quick whatever runs.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from proofer.settings import Settings
from proofer.ui.background import Runner
from proofer.ui.live import LiveFinding, to_live

if TYPE_CHECKING:  # the engine's modules bring the speller: imported when it is built
    from proofer.engine import Engine, Report

DEBOUNCE_MS = 300
#: Left out of the first pass over a new draft: the checkers that wait for the
#: morphology's outside processes, and the one that compares the whole draft.
SLOW_CHECKERS = frozenset({"grammar_rules", "split_compounds", "consistency"})
#: Reports whose findings were converted on the worker thread but never shown
#: (the text moved on) are forgotten past this many.
LIVE_KEPT = 8


def build_engine(settings: Settings) -> Engine:
    """The checkers' modules (the speller, the grammar, the name lists) are imported
    here, on the worker thread, not before the window is on screen."""
    from proofer.checkers.registry import build_engine as build

    return build(settings)


def _freeze_heap() -> None:
    """Keep the cycle collector away from the engine's dictionaries and caches.

    A full collection walks every object; with the name index and paragraph cache in
    memory that took ~70 ms, and it could start in the middle of a keystroke. Frozen
    objects are still freed by reference counting, just never scanned again.
    """
    gc.freeze()


class LiveChecker(QObject):
    #: revision, the text that was checked, the report
    checked = Signal(int, str, object)
    engineReady = Signal()
    failed = Signal(str)
    #: the engine could not be built: nothing is being checked until settings change
    engineFailed = Signal(str)

    def __init__(self, runner: Runner, text_source: Callable[[], str],
                 engine_factory: Callable[[Settings], Engine] = build_engine) -> None:
        super().__init__()
        self.runner = runner
        self.text_source = text_source
        self.engine_factory = engine_factory
        self.engine: Engine | None = None
        self.revision = 0
        self.checked_revision = -1
        self.in_flight = 0
        self._building = False
        self.last_report: Report | None = None
        self.first_pass_shown = False  # on screen: the fast checkers' findings only
        self._two_passes = True  # the next check is of a new draft or a new engine
        self._live: dict[int, tuple[Report, list[LiveFinding]]] = {}
        self._live_lock = threading.Lock()
        #: engines replaced while in use, whose close() is queued on the runner
        self._retired: list[Engine] = []
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.check_now)

    # -- engine ---------------------------------------------------------------
    def rebuild(self, settings: Settings) -> None:
        """Build a fresh engine (new settings or dictionaries) in the background."""
        self._building = True
        self.in_flight += 1
        self.runner.submit(lambda: self.engine_factory(settings), self._engine_built,
                           self._build_failed)

    def _engine_built(self, engine: Engine) -> None:
        self.in_flight -= 1
        self._building = False
        old, self.engine = self.engine, engine
        if old is not None:
            self._retire(old)
        _freeze_heap()
        self.engineReady.emit()
        self.checked_revision = -1
        self._two_passes = True
        self.check_now()

    def adopt(self, engine: Engine) -> bool:
        """Take an engine built elsewhere (proofer.ui.handover) for the checks from
        now on; False while a new engine is being built (that one wins)."""
        if self._building or self.engine is None:
            return False
        old, self.engine = self.engine, engine
        self._retire(old)
        # Its caches are empty: a check now, off this process's interpreter lock,
        # makes the next re-check after an edit as quick as before.
        self.check_now()
        return True

    def _retire(self, old: Engine) -> None:
        """Close a replaced engine after the jobs queued for it."""
        self._retired.append(old)

        def close() -> None:
            if old in self._retired:
                self._retired.remove(old)
                old.close()
        self.runner.submit(close, lambda _r: None, lambda _e: None)

    def _build_failed(self, exc: BaseException) -> None:
        self.in_flight -= 1
        self._building = False
        message = f"Kontrollmotorn kunde inte startas: {exc}"
        self.failed.emit(message)
        self.engineFailed.emit(message)

    # -- checking ---------------------------------------------------------------
    def text_changed(self) -> None:
        self.revision += 1
        self.timer.start()

    def new_text(self) -> None:
        """Another draft was opened: its first check comes in two passes."""
        self._two_passes = True

    def check_now(self) -> None:
        self.timer.stop()
        engine = self.engine
        if engine is None:
            return  # the check runs when the engine is ready
        rev = self.revision
        text = self.text_source()
        if self._two_passes:
            self._two_passes = False
            self.in_flight += 1
            self.runner.submit(lambda: self._job(engine, text, SLOW_CHECKERS),
                               lambda report: self._done(rev, text, report, True),
                               self._check_failed)
        self.in_flight += 1
        self.runner.submit(lambda: self._job(engine, text),
                           lambda report: self._done(rev, text, report), self._check_failed)

    def _job(self, engine: Engine, text: str, skip: frozenset[str] = frozenset()) -> Report:
        """On the worker thread: the check, and its findings' positions in Qt's
        units (a pass over the whole text that took a millisecond of the GUI
        thread after every check of a long draft)."""
        report = engine.check(text, skip=skip)
        live = to_live(text, report.findings)
        with self._live_lock:
            self._live[id(report)] = (report, live)
        return report

    def live_findings(self, text: str, report: Report) -> list[LiveFinding]:
        """The report's findings as the window shows them (worked out on the worker
        thread when the report came from there)."""
        with self._live_lock:
            got = self._live.pop(id(report), None)
            if len(self._live) > LIVE_KEPT:
                self._live.clear()
        if got is not None and got[0] is report:
            return got[1]
        return to_live(text, report.findings)

    def _done(self, rev: int, text: str, report: Report, first_pass: bool = False) -> None:
        self.in_flight -= 1
        if rev != self.revision or (first_pass and self.checked_revision == rev):
            # The text moved on (a newer check is scheduled), or the whole check came
            # first (a test's runner runs in order): not shown.
            with self._live_lock:
                self._live.pop(id(report), None)
            return
        if first_pass:
            self.first_pass_shown = True
            self.checked.emit(rev, text, report)
            return
        self.first_pass_shown = False
        self.checked_revision = rev
        self.last_report = report
        _freeze_heap()
        self.checked.emit(rev, text, report)

    def _check_failed(self, exc: BaseException) -> None:
        self.in_flight -= 1
        self.failed.emit(f"Kontrollen misslyckades: {exc}")

    @property
    def idle(self) -> bool:
        """Nothing pending and the findings on screen belong to the current text."""
        return (self.in_flight == 0 and not self.timer.isActive() and not self._building
                and self.engine is not None and self.checked_revision == self.revision)

    def close(self) -> None:
        """The window is closing: the check running now is stopped, not waited for
        (a long draft's took minutes, the window frozen meanwhile), queued ones never
        start, and every engine is closed."""
        self.timer.stop()
        self.runner.discard_queued()
        current = self.engine
        for engine in [*self._retired, current]:
            stop = getattr(engine, "stop", None)  # a test's engine may have none
            if callable(stop):
                stop()
        self.runner.wait()
        self.engine = None
        retired, self._retired = self._retired, []  # their queued close() never ran
        for engine in [*retired, current]:
            if engine is not None:
                engine.close()
