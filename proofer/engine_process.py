"""The engine in a process of its own, for the desktop app.

A check is pure Python: run on a thread of the app's process it holds the
interpreter lock for most of its time, and every keystroke, which Qt hands to
Python, waits for it (issue 12: 13 of 150 keystrokes over a frame while a check
ran). In a worker process the check takes no lock of the app's: the app's thread
that waits for the answer sleeps in a pipe read, which releases the lock.

The worker is started with "spawn" (a fresh interpreter, never a fork of a process
running Qt's threads) and builds its own engine; it ends when the app closes it,
and on its own when the app is gone (its pipe closes).

It runs at a lower priority (nice, inherited by its Apertium processes), so that on
a machine with fewer free cores than busy processes the scheduler gives the app's
keystrokes the core first while a check runs: with a thread, the check could not
be put behind the keystrokes, since both need the same interpreter lock. Measured
with bench_keystroke.py. Starting it costs a second interpreter's imports and a
second engine, which made the first findings later when the app waited for it: the
app takes the first findings from an engine on its own thread and hands the live
checks over to the worker once it is ready (proofer.ui.handover).

After each check the worker says whether it has passed the memory ceiling
(proofer.memory_guard); the app then hands the checks over to a fresh worker the
same way, so a day of editing does not pin hundreds of megabytes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from proofer import memory_guard
from proofer.document import Paragraph
from proofer.settings import Settings

if TYPE_CHECKING:  # the engine's modules bring the speller: imported when it is built
    from proofer.engine import Report

CLOSE_WAIT_S = 5.0
#: How much lower the worker's priority is than the app's (nice increment).
WORKER_NICENESS = 5


class EngineProcess:
    """Stands in for an Engine where the app uses one: check, invalidate, close.
    Constructing it waits until the worker's engine is built (the app does that on
    its background thread), unless wait=False: then ready() does; a worker that
    fails raises RuntimeError. `spent` turns true after a check that left the worker
    over ceiling_mb (with its tools): it should be replaced before long."""

    def __init__(self, settings: Settings, wait: bool = True,
                 ceiling_mb: float = memory_guard.CEILING_MB) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(child, settings, ceiling_mb),
                                    daemon=True, name="proofer-kontroll")
        self._process.start()
        child.close()
        self._lock = threading.Lock()
        # Asked by the GUI thread while a check may be running: remembered, and sent
        # with the next check instead of waiting for the worker.
        self._forget = False
        self._ready = False
        self._stopped = False
        self.spent = False
        if wait:
            self.ready()

    def poll_ready(self) -> bool:
        """Ready without waiting? Raises RuntimeError if the worker failed."""
        if not self._ready:
            if not self._conn.poll():
                if not self._process.is_alive():
                    raise RuntimeError("kontrollprocessen avslutades oväntat")
                return False
            self.ready()
        return True

    def ready(self) -> EngineProcess:
        """Wait until the worker's engine is built."""
        with self._lock:
            if not self._ready:
                self._receive()
                self._ready = True
        return self

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def check(self, text: str, paragraphs: list[Paragraph] | None = None,
              skip: frozenset[str] = frozenset()) -> Report:
        self.ready()
        with self._lock:
            self._refuse_if_stopped()
            forget, self._forget = self._forget, False
            self._send(("check", (text, forget, skip)))
            report, spent = self._receive()
        self.spent = self.spent or spent
        return report

    def more_suggestions(self, source: str, word: str) -> list[str]:
        """Engine.more_suggestions, asked of the worker (between checks)."""
        self.ready()
        with self._lock:
            self._refuse_if_stopped()
            self._send(("suggest", (source, word)))
            return self._receive()

    def invalidate(self) -> None:
        """Forget cached results before the next check (a dictionary or setting
        changed)."""
        self._forget = True

    def stop(self) -> None:
        """Take no more checks, and end the one running now at once (Engine.stop):
        the worker holding it is ended, and the check waiting for it raises
        RuntimeError. A worker with nothing to do is left to close() as usual."""
        self._stopped = True
        if self._lock.locked() or not self._ready:
            self._process.terminate()

    def _refuse_if_stopped(self) -> None:
        if self._stopped:
            raise RuntimeError("kontrollen avbröts")

    def close(self) -> None:
        if not self._ready and not self._lock.locked():
            self._process.terminate()  # still building its engine: nothing to wait for
        try:
            with self._lock:
                self._send(("close", ()))
        except RuntimeError:
            pass  # already gone
        self._process.join(CLOSE_WAIT_S)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(CLOSE_WAIT_S)
        self._conn.close()

    def _send(self, message: tuple[str, tuple[Any, ...]]) -> None:
        """(what, its arguments): ("check", (text, forget, skip)),
        ("suggest", (checker, word)) or ("close", ())."""
        try:
            self._conn.send(message)
        except (OSError, ValueError) as exc:
            raise RuntimeError("kontrollprocessen har avslutats") from exc

    def _receive(self) -> Any:
        try:
            ok, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise RuntimeError("kontrollprocessen avslutades oväntat") from exc
        if not ok:
            raise RuntimeError(value)
        return value


def _serve(conn: Connection, settings: Settings, ceiling_mb: float) -> None:
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    from proofer.checkers.registry import build_engine

    try:
        engine = build_engine(settings)
    except Exception as exc:  # noqa: BLE001 - said to the app, which shows it
        conn.send((False, f"kontrollmotorn kunde inte byggas: {exc!r}"))
        return
    conn.send((True, None))
    try:
        while True:
            try:
                op, args = conn.recv()
            except (EOFError, OSError):
                return  # the app is gone
            if op == "close":
                return
            try:
                if op == "suggest":
                    conn.send((True, engine.more_suggestions(*args)))
                    continue
                text, forget, skip = args
                if forget:
                    engine.invalidate()
                report = engine.check(text, skip=skip)
                conn.send((True, (report, memory_guard.spent(ceiling_mb))))
            except Exception as exc:  # noqa: BLE001 - one check's failure, reported
                conn.send((False, f"{exc!r}"))
    finally:
        engine.close()

