"""The one seam for background work.

The window hands every slow job (building the engine, checking the draft) to a
runner. `ThreadRunner` runs jobs one at a time on a worker thread, so checkers never
run concurrently, and delivers results on the GUI thread; `SyncRunner` runs them on
the spot, which makes GUI tests deterministic.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Runner(Protocol):
    def submit(self, job: Callable[[], Any], done: Done, failed: Failed) -> None: ...

    def wait(self) -> None: ...

    def discard_queued(self) -> None: ...

    def busy(self) -> bool: ...


class SyncRunner:
    def submit(self, job: Callable[[], Any], done: Done, failed: Failed) -> None:
        try:
            result = job()
        except Exception as exc:  # noqa: BLE001 - reported to the user by `failed`
            failed(exc)
            return
        done(result)

    def wait(self) -> None:
        pass

    def discard_queued(self) -> None:
        pass

    def busy(self) -> bool:
        return False


#: How long the worker may hold the GIL before the GUI thread gets a turn. Every
#: call from Qt into Python (each event handler, each slot) must take the GIL, so with
#: Python's default of 5 ms a keystroke during a check could wait several times 5 ms.
GIL_SWITCH_INTERVAL_S = 0.0005


class ThreadRunner(QObject):
    _finished = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL_S))
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._pending = 0
        # The receiver lives on the GUI thread, so this connection is queued there.
        self._finished.connect(self._deliver)

    def submit(self, job: Callable[[], Any], done: Done, failed: Failed) -> None:
        self._pending += 1

        def run() -> None:
            try:
                outcome = (done, (job(),))
            except Exception as exc:  # noqa: BLE001 - delivered to `failed`
                outcome = (failed, (exc,))
            try:
                self._finished.emit(*outcome)
            except RuntimeError:
                pass  # the window closed while the job ran: nobody wants the result

        self._pool.start(run)

    @Slot(object, object)
    def _deliver(self, callback: Callable[..., None], args: tuple[object, ...]) -> None:
        self._pending -= 1
        callback(*args)

    def wait(self) -> None:
        self._pool.waitForDone()

    def discard_queued(self) -> None:
        """Jobs not yet started never start (the window is closing)."""
        self._pool.clear()

    def busy(self) -> bool:
        return self._pending > 0
