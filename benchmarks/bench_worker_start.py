"""Where a second process starts to pay for one draft: the measurement behind
proofer.worker_count.WORKER_START_BYTES.

    .venv/bin/python benchmarks/bench_worker_start.py [--repeat 3] [--words 2000 10000]

For drafts of distinct paragraphs of each size (bench_cli.distinct_draft), every
cache cleared before each run as bench_check clears them (a command-line run
starts cold), interleaved, best of --repeat:

* alone: the whole check (batch.check_file) in this process, whose Apertium tools
  are running (a command-line run starts them during its imports);
* shared: the same file through batch_workers.check_in_workers with 2 processes
  (this one and one forked worker, which starts its own tools), as a long draft
  is checked now.

CPU figures are of the processes and every tool they start. What a second
process costs in CPU at the small size (its fork, its own tools' start: most of
it) over what checking costs per byte is the share of text it must get to pay
for itself: WORKER_START_BYTES. Wall figures are fitted as a start plus a cost
per byte (the two sizes); where the lines cross is where two processes start to
pay on this machine now, half of it each one's share there: on a quiet machine
that is the figure to compare (the load average is printed); on a busy one the
second core is not free and the CPU figure is what counts.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_check import clear_grammar_caches, clear_process_caches  # noqa: E402
from benchmarks.bench_cli import distinct_draft  # noqa: E402
from proofer import batch, batch_workers, memory_guard, worker_count  # noqa: E402
from proofer.checkers.registry import build_engine  # noqa: E402
from proofer.engine import Engine  # noqa: E402
from proofer.settings import Settings  # noqa: E402


def _cold(engine: Engine) -> None:
    clear_process_caches()
    clear_grammar_caches()
    engine.invalidate()


def _adopt_orphans() -> None:
    """Become the parent of our children's orphans (Linux's child subreaper): a
    worker's Apertium tools outlive it by a moment, and their CPU counts too."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def tree_cpu() -> float:
    """CPU seconds of this process, of its live descendants (its own Apertium
    tools) and of those that ended and were waited for (a worker and its tools)."""
    time.sleep(0.2)  # a stopped worker's tools read end-of-file and end
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
    tick = os.sysconf("SC_CLK_TCK")
    total = time.process_time()
    for pid in memory_guard.descendants(os.getpid()):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            continue
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    return total + ended.ru_utime + ended.ru_stime


def alone(engine: Engine, path: str) -> tuple[float, float]:
    _cold(engine)
    c0, t0 = tree_cpu(), time.perf_counter()
    batch.check_file(engine, path)
    secs = time.perf_counter() - t0
    return secs, tree_cpu() - c0


def shared(engine: Engine, path: str) -> tuple[float, float]:
    _cold(engine)
    c0, t0 = tree_cpu(), time.perf_counter()
    for _ in batch_workers.check_in_workers(engine, [path], 2):
        pass
    secs = time.perf_counter() - t0
    return secs, tree_cpu() - c0


def _line(sizes: list[int], secs: list[float]) -> tuple[float, float]:
    """Start and cost per byte through the first and last point."""
    per_byte = (secs[-1] - secs[0]) / (sizes[-1] - sizes[0])
    return secs[0] - per_byte * sizes[0], per_byte


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--words", type=int, nargs=2, default=[2_000, 10_000])
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_worker_start-"))
    paths, sizes = [], []
    for n in args.words:
        p = tmp / f"{n}.txt"
        p.write_text(distinct_draft(n, seed=n), encoding="utf-8")
        paths.append(str(p))
        sizes.append(p.stat().st_size)
    _adopt_orphans()
    engine = build_engine(Settings(languagetool_mode="off"))
    best = {(kind, p): float("inf") for kind in ("alone", "shared") for p in paths}
    cpu = dict.fromkeys(best, float("inf"))
    try:
        engine.check("Det var dit han måste nå.")  # the tools started and warm
        for _ in range(args.repeat):  # interleaved
            for p in paths:
                for kind, run in (("alone", alone), ("shared", shared)):
                    secs, used = run(engine, p)
                    best[kind, p] = min(best[kind, p], secs)
                    cpu[kind, p] = min(cpu[kind, p], used)
    finally:
        engine.close()
    print(f"load average {os.getloadavg()[0]:.1f}; best of {args.repeat}")
    for n, p, size in zip(args.words, paths, sizes, strict=True):
        print(f"{n:>7,} words ({size:,} bytes): wall alone {best['alone', p]:.2f} s, "
              f"2 processes {best['shared', p]:.2f} s; CPU (processes and tools) alone "
              f"{cpu['alone', p]:.2f} s, 2 processes {cpu['shared', p]:.2f} s "
              f"(+{cpu['shared', p] - cpu['alone', p]:.2f} s)")
    a0, a1 = _line(sizes, [best["alone", p] for p in paths])
    s0, s1 = _line(sizes, [best["shared", p] for p in paths])
    print(f"alone: {a0:.3f} s + {a1 * 1e6:.2f} µs/byte; "
          f"2 processes: {s0:.3f} s + {s1 * 1e6:.2f} µs/byte")
    # In CPU, what the second process costs (at the small size, where its tools'
    # start is most of it) in bytes of checking: what its share must outweigh.
    small, big = paths[0], paths[-1]
    per_byte = (cpu["alone", big] - cpu["alone", small]) / (sizes[-1] - sizes[0])
    extra = cpu["shared", small] - cpu["alone", small]
    print(f"CPU: a second process costs {extra:.2f} s, checking costs "
          f"{per_byte * 1e6:.2f} µs/byte: {extra / per_byte:,.0f} bytes "
          f"(proofer.worker_count.WORKER_START_BYTES = {worker_count.WORKER_START_BYTES:,})")
    if s1 >= a1:
        print("wall: a second process never pays here (the machine's second core is busy)")
        return 0
    even = (s0 - a0) / (a1 - s1)
    print(f"wall: 2 processes pay from {even:,.0f} bytes: each process's share there "
          f"{even / 2:,.0f} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
