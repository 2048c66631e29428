"""A ceiling on the memory of a checking process that lives for many checks.

Every cache of the engine is bounded (proofer.text_cache), yet a process that checks
draft after draft keeps growing slowly: issue 13's soak went from 76 MB after the
first check to about 440 MB after 10,000 fuzzed drafts, plus 136 MB for its Apertium
tools. The growth is the allocator's, not a leak: a cache entry made during a check
is allocated among that check's temporaries, and one live entry keeps a whole arena
of freed blocks resident (sys._debugmallocstats after 300 drafts: 136 MB of arenas
holding 43 MB of live blocks; emptying every cache gave back a third of it at most).
No cache size makes that go away, so the long-lived processes (the app's engine
process, the soak's workers) ask after each check whether they have passed the
ceiling, and are then replaced by a fresh process between checks: what is lost is
only the caches, which a fresh process fills again.

The ceiling counts the process and the tools it drives, as a user's task manager
would, and leaves room under issue 13's 500 MB for the largest growth seen within
one check (59 MB in 20,000 fuzzed drafts).

Linux only (/proc); elsewhere resident_mb() is 0 and nothing is ever replaced.
"""

from __future__ import annotations

import os

#: Process + its Apertium tools, in MB, between two checks.
CEILING_MB = 400.0


def status_kb(pid: int | str, field: str) -> int:
    """A field of /proc/PID/status in kB (VmRSS:, VmHWM:), 0 if the process is gone
    or there is no /proc."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """Live child processes (and theirs): the Apertium pipelines a process drives."""
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children", encoding="ascii") as f:
                    kids = [int(k) for k in f.read().split()]
            except (OSError, ValueError):
                continue
            out.extend(kids)
            todo.extend(kids)
    return out


def resident_mb(pid: int | None = None) -> float:
    """Resident memory of the process and all it started, in MB."""
    pid = os.getpid() if pid is None else pid
    kb = status_kb(pid, "VmRSS:") + sum(status_kb(p, "VmRSS:") for p in descendants(pid))
    return kb / 1024


def spent(ceiling_mb: float = CEILING_MB) -> bool:
    """Has this process (with its tools) passed the ceiling, so that it should be
    replaced before its next check?"""
    return resident_mb() > ceiling_mb
