"""The app's engine in a worker process answers exactly as the engine itself."""

from __future__ import annotations

import time

import pytest

from proofer.checkers.registry import build_engine
from proofer.engine_process import EngineProcess
from proofer.settings import Settings

TEXT = ("Regeringen sgäer att Frderik Johanssomn kmmer i morgon.\n"
        "Vi måste htita en lösning – och det snart.\n")


def test_a_check_in_the_worker_equals_one_in_process() -> None:
    settings = Settings(languagetool_mode="off")
    here = build_engine(settings)
    expected = here.check(TEXT)
    more = here.more_suggestions("spelling", "huvedpersson")
    here.close()
    worker = EngineProcess(settings)
    try:
        got = worker.check(TEXT)
        assert got.findings == expected.findings and got.engines == expected.engines
        assert worker.more_suggestions("spelling", "huvedpersson") == more
        assert more[0] == "huvudperson"
        assert worker.more_suggestions("grammar_rules", "huvedpersson") == []
        worker.invalidate()  # sent with the next check
        assert worker.check(TEXT).findings == expected.findings
        edited = TEXT.replace("htita", "hitta")
        assert worker.check(edited).findings == build_engine(settings).check(edited).findings
    finally:
        worker.close()
    assert not worker._process.is_alive()
    with pytest.raises(RuntimeError):
        worker.check(TEXT)


def test_a_worker_says_when_it_has_passed_its_memory_ceiling() -> None:
    """A worker under its ceiling is not spent; one over it says so after its check
    (and still answers it): the app then starts a fresh one (proofer.ui.handover)."""
    settings = Settings(languagetool_mode="off")
    roomy = EngineProcess(settings, ceiling_mb=100_000)
    tight = EngineProcess(settings, ceiling_mb=1)
    try:
        assert not roomy.spent and not tight.spent
        expected = roomy.check(TEXT).findings
        assert not roomy.spent
        assert tight.check(TEXT).findings == expected
        assert tight.spent
    finally:
        roomy.close()
        tight.close()



def test_poll_ready_does_not_wait() -> None:
    worker = EngineProcess(Settings(languagetool_mode="off"), wait=False)
    try:
        assert worker.poll_ready() is False  # a spawned interpreter is not built at once
        deadline = time.monotonic() + 120
        while not worker.poll_ready():
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert worker.check(TEXT).findings
    finally:
        worker.close()
