"""The live checks handed over to an engine in a worker process once it is ready.

The first findings of a draft come fastest from an engine on the app's own worker
thread (no second interpreter to start); but while a check runs on that thread it
takes turns with the keystrokes for the interpreter lock, and on a busy machine a
keystroke then waits tens of milliseconds (bench_keystroke.py). So after the first
whole check is on screen, an engine is started in a worker process at a lower
priority (proofer.engine_process); when it is built, the checks go there and the
thread's engine is closed. If the worker cannot start, the thread's engine simply
stays. A new engine (new settings or dictionaries) is handed over the same way, and
so is a fresh worker for one that passed its memory ceiling (proofer.memory_guard).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from proofer.engine_process import EngineProcess
from proofer.settings import Settings
from proofer.ui.checking import LiveChecker

POLL_MS = 250


class Handover(QObject):
    def __init__(self, checker: LiveChecker, settings: Callable[[], Settings],
                 start: Callable[[Settings], EngineProcess] | None = None) -> None:
        super().__init__(checker)
        self.checker = checker
        self.settings = settings
        self.start = start or (lambda s: EngineProcess(s, wait=False))
        self.worker: EngineProcess | None = None  # being built
        self.adopted: EngineProcess | None = None
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self._poll)
        checker.checked.connect(self._checked)

    def _checked(self, *_args: object) -> None:
        engine = self.checker.engine
        if self.checker.first_pass_shown or self.worker is not None or engine is None:
            return
        if engine is self.adopted and not self.adopted.spent:
            return  # a worker over its memory ceiling is replaced like the thread's engine
        try:
            self.worker = self.start(self.settings())
        except (OSError, RuntimeError):
            return  # no worker: the thread's engine stays
        self.timer.start()

    def _poll(self) -> None:
        worker = self.worker
        if worker is None:
            self.timer.stop()
            return
        try:
            if not worker.poll_ready():
                return
        except RuntimeError:
            self.timer.stop()
            self.worker = None
            worker.close()
            return
        self.timer.stop()
        self.worker = None
        self.adopted = worker  # before adopting: its first check's report comes back
        if not self.checker.adopt(worker):
            self.adopted = None
            worker.close()

    def close(self) -> None:
        self.timer.stop()
        if self.worker is not None:
            self.worker.close()
            self.worker = None
