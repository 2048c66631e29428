"""Closing the app while a long draft is being checked (found by QA: a 5 MB draft's
check in the worker process ran on after Ctrl+Q, and the window stayed open and
frozen in waitForDone until it was done, minutes later). A check running at close
is stopped, not waited for; queued ones never start; every engine is closed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from proofer.checkers.base import ParagraphChecker
from proofer.engine import Engine, Stopped
from proofer.engine_process import EngineProcess
from proofer.finding import Finding
from proofer.settings import Settings


class _Slow(ParagraphChecker):
    """A paragraph takes 10 ms: a draft of 2,000 paragraphs takes 20 s."""

    name = "slow"
    engine = "slow"

    def __init__(self) -> None:
        self.started = threading.Event()
        self.closed = False

    def check_paragraph(self, text: str) -> list[Finding]:
        self.started.set()
        time.sleep(0.01)
        return []

    def close(self) -> None:
        self.closed = True


LONG = "\n".join(f"Stycke nummer {i}." for i in range(2000))


def _check_in_thread(check: Callable[[str], object], text: str,
                     stopped: type[Exception]) -> tuple[threading.Thread, list[object]]:
    """The check running on a thread of its own; `out` gets its report, or the
    exception that says it was stopped."""
    out: list[object] = []

    def run() -> None:
        try:
            out.append(check(text))
        except stopped as exc:
            out.append(exc)
    thread = threading.Thread(target=run)
    thread.start()
    return thread, out


def test_stop_ends_a_running_check_at_its_next_paragraph() -> None:
    checker = _Slow()
    engine = Engine([checker])
    thread, out = _check_in_thread(engine.check, LONG, Stopped)
    assert checker.started.wait(5)
    engine.stop()
    thread.join(5)
    assert not thread.is_alive()
    assert isinstance(out[0], Stopped)
    with pytest.raises(Stopped):
        engine.check("Ett stycke till.")


def test_a_worker_process_check_is_ended_by_stop() -> None:
    worker = EngineProcess(Settings(languagetool_mode="off"))
    long_text = "\n\n".join(
        f"Regeringen sgäer att Anna Hallberg kmmer till Borås den {i} maj. "
        f"Vi måste htita en lösning nummer {i} – och det snart." for i in range(6000))
    thread, out = _check_in_thread(worker.check, long_text, RuntimeError)
    time.sleep(0.5)
    worker.stop()
    thread.join(10)
    worker.close()
    assert not thread.is_alive()
    assert isinstance(out[0], RuntimeError), "the check ran to its end"
    assert not worker._process.is_alive()
    with pytest.raises(RuntimeError):
        worker.check("Ett stycke.")
