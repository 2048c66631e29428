"""What a Hunspell call costs the thread that asks while another Python thread works.

    .venv/bin/python benchmarks/bench_speller_gil.py [--repeat 3]

The words of bench_check's 10,000-word draft that the word table does not answer
(the ones a check sends to Hunspell), each asked once:

* through pyenchant's `Dict.check` (a ctypes.CDLL call: it lets go of the
  interpreter lock, and must get it back after the call);
* through the speller's handle (speller._check_holding_the_interpreter, a
  ctypes.PyDLL call that keeps it);

each alone and beside a thread that runs Python all the time, as the morphology's
reader thread does during a check. Wall and CPU of the asking thread, best of
--repeat. With the other thread, a call that lets go of the lock waits for that
thread's switch interval to get it back: the wall time grows far past the CPU.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_check import build_draft  # noqa: E402
from proofer import word_table  # noqa: E402
from proofer.settings import config_dir  # noqa: E402
from proofer.speller import Speller, _check_holding_the_interpreter  # noqa: E402
from proofer.tokens import words  # noqa: E402


def asked_words() -> list[str]:
    """The draft's distinct word tokens the word table leaves to Hunspell."""
    speller = Speller()
    table = word_table.load(config_dir() / "cache", speller.hunspell_knows)
    tokens = dict.fromkeys(t.text for t in words(build_draft(10_000)))
    return [w for w in tokens if table is None or table.answer(w) is None]


def timed(check: Callable[[str], bool], asked: list[str], busy: bool) -> tuple[float, float]:
    stop = threading.Event()

    def spin() -> None:
        n = 0
        while not stop.is_set():
            n += 1

    other = threading.Thread(target=spin, daemon=True)
    if busy:
        other.start()
        time.sleep(0.01)
    w0, c0 = time.perf_counter(), time.thread_time()
    for w in asked:
        check(w)
    wall, cpu = time.perf_counter() - w0, time.thread_time() - c0
    stop.set()
    if busy:
        other.join()
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    asked = asked_words()
    d = Speller()._dict
    if d is None:
        sys.exit("bench_speller_gil: ingen svensk ordlista")
    ways = {"pyenchant (lets go)": lambda w: bool(d.check(w)),
            "speller (keeps it)": _check_holding_the_interpreter(d)}
    print(f"{len(asked)} words to Hunspell; wall / CPU of the asking thread, "
          f"best of {args.repeat}")
    for busy in (False, True):
        for name, check in ways.items():
            runs = [timed(check, asked, busy) for _ in range(args.repeat)]
            wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
            beside = "beside a busy thread" if busy else "alone"
            print(f"{name:22s} {beside:22s} wall {wall * 1000:7.1f} ms  CPU {cpu * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
