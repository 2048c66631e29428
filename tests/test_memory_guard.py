"""The memory ceiling counts the process and the tools it started."""

from __future__ import annotations

import subprocess
import sys

from proofer import memory_guard


def test_resident_memory_counts_the_children() -> None:
    alone = memory_guard.resident_mb()
    assert alone > 5  # this interpreter with pytest loaded
    child = subprocess.Popen([sys.executable, "-c",
                              "import sys; b = bytearray(60 * 2**20); sys.stdin.read()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdin is not None
        for _ in range(200):  # until the child has touched its 60 MB
            if memory_guard.status_kb(child.pid, "VmRSS:") > 60 * 1024:
                break
            subprocess.run(["sleep", "0.05"])
        assert child.pid in memory_guard.descendants(memory_guard.os.getpid())
        assert memory_guard.resident_mb() > alone + 55
        assert memory_guard.spent(alone + 30) and not memory_guard.spent(alone + 10_000)
    finally:
        child.kill()
        child.wait()


def test_a_process_that_is_gone_counts_nothing() -> None:
    assert memory_guard.status_kb(2**22 + 12345, "VmRSS:") == 0
    assert memory_guard.descendants(2**22 + 12345) == []
