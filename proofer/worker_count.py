"""How many worker processes a command-line check is worth: decided from the
amount of text, not the number of files.

A worker pays only when its share of the text costs more to check than starting
it: the fork, its own Apertium tools loading their transducers, its first answer
(a process that checks alone has its tools started during its imports, on the
other core). So `jobs` workers for a newsroom's batch or one long draft, the
program's own process for a paragraph or a few short files.

Imported before the rest of the program (proofer.early_start decides from it
whether to start this process's tools): only the standard library here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

# Measured by benchmarks/bench_worker_start.py on the shared 2-core machine
# (3 December 2026, load 6-10): a second process costs 0.20-0.21 s more CPU (its
# fork, its own Apertium tools' start), checking costs 18.5 µs of CPU per byte of
# draft: a worker started costs as much as checking about this many bytes. (Its
# wall figures, where a second core was free, put the break-even share at 6,800
# and 15,200 bytes.)
WORKER_START_BYTES = 11_000


def sizes(paths: Sequence[str]) -> int:
    """The files' bytes on disk (a file that cannot be read counts nothing: it is
    reported when it is read)."""
    total = 0
    for path in paths:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
    return total


def workers_for(total_bytes: int, jobs: int) -> int:
    """Worker processes for this much text: as many as `jobs` allows while each
    one's share still costs more than its start (1: this process checks alone)."""
    return max(1, min(jobs, total_bytes // WORKER_START_BYTES))


def cores() -> int:
    """The cores this process may run on (the default for --jobs)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1
