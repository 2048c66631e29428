"""The live checks move to the worker process's engine once it is built; until
then, and if it fails, the thread's engine checks."""

from __future__ import annotations

from proofer.engine import Report
from proofer.ui.background import SyncRunner
from proofer.ui.checking import LiveChecker
from proofer.ui.handover import Handover
from tests.ui.test_live import FakeEngine


class FakeWorker(FakeEngine):
    def __init__(self) -> None:
        self.built = False
        self.failed = False
        self.checks = 0
        self.closed = False
        self.spent = False

    def poll_ready(self) -> bool:
        if self.failed:
            raise RuntimeError("kontrollprocessen avslutades oväntat")
        return self.built

    def check(self, text, skip=frozenset()) -> Report:  # noqa: ANN001
        self.checks += 1
        return super().check(text, skip)

    def close(self) -> None:
        self.closed = True


class ClosingEngine(FakeEngine):
    closed = False

    def close(self) -> None:
        self.closed = True


def _checker() -> tuple[LiveChecker, list[FakeWorker]]:
    checker = LiveChecker(SyncRunner(), lambda: "ab cd", lambda _s: ClosingEngine())
    started: list[FakeWorker] = []
    return checker, started


def test_checks_go_to_the_worker_once_it_is_built(qtbot) -> None:  # noqa: ANN001
    checker, started = _checker()
    handover = Handover(checker, lambda: None,
                        start=lambda _s: started.append(FakeWorker()) or started[-1])
    checker.rebuild(None)  # the thread's engine: first the fast pass, then the whole
    assert len(started) == 1 and handover.timer.isActive()  # started after the whole
    thread_engine = checker.engine
    worker = started[0]
    handover._poll()
    assert checker.engine is thread_engine  # not built yet: the thread checks on
    worker.built = True
    handover._poll()
    assert checker.engine is worker and thread_engine.closed
    assert worker.checks == 1 and checker.idle  # warmed with the current text
    checker.text_changed()
    checker.check_now()
    assert worker.checks == 2 and len(started) == 1  # no second worker


def test_a_worker_that_fails_leaves_the_thread_engine(qtbot) -> None:  # noqa: ANN001
    checker, started = _checker()
    handover = Handover(checker, lambda: None,
                        start=lambda _s: started.append(FakeWorker()) or started[-1])
    checker.rebuild(None)
    started[0].failed = True
    handover._poll()
    assert started[0].closed and not handover.timer.isActive()
    assert isinstance(checker.engine, ClosingEngine) and not checker.engine.closed
    checker.text_changed()
    checker.check_now()
    assert checker.idle


def test_a_worker_over_its_memory_ceiling_is_replaced_by_a_fresh_one(qtbot) -> None:  # noqa: ANN001
    checker, started = _checker()
    handover = Handover(checker, lambda: None,
                        start=lambda _s: started.append(FakeWorker()) or started[-1])
    checker.rebuild(None)
    first = started[0]
    first.built = True
    handover._poll()
    assert checker.engine is first
    checker.text_changed()
    checker.check_now()
    assert len(started) == 1  # under the ceiling: no second worker
    first.spent = True
    checker.text_changed()
    checker.check_now()
    assert len(started) == 2 and checker.engine is first  # the spent one checks on
    checker.text_changed()
    checker.check_now()
    assert len(started) == 2  # one successor at a time
    started[1].built = True
    handover._poll()
    assert checker.engine is started[1] and first.closed and started[1].checks == 1
