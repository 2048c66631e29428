"""Closing the window while a long draft is being checked: see
tests/test_close_while_checking.py."""

from __future__ import annotations

import time

from proofer.engine import Engine
from proofer.settings import Settings
from proofer.ui.background import ThreadRunner
from proofer.ui.checking import LiveChecker
from tests.test_close_while_checking import LONG, _Slow


def test_the_app_closes_at_once_while_a_long_check_runs(qtbot) -> None:  # noqa: ANN001
    checker = _Slow()
    engines = [Engine([checker])]
    live = LiveChecker(ThreadRunner(), lambda: LONG, lambda _s: engines[0])
    live.rebuild(Settings(languagetool_mode="off"))
    qtbot.waitUntil(lambda: live.engine is not None, timeout=5000)
    assert checker.started.wait(5)  # the two passes of a new draft are queued
    began = time.monotonic()
    live.close()
    assert time.monotonic() - began < 2
    assert checker.closed and live.engine is None
