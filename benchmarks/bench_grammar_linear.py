"""Is the grammar engine linear on one huge paragraph? Its cost per word on a single
paragraph of 10,000 words and more, against tokenizing the same text (the
baseline, measured in the same run).

    .venv/bin/python benchmarks/bench_grammar_linear.py [--sizes 10000 100000] [--million]

For each size the draft of bench_check is joined into ONE paragraph and checked by
the grammar checker from cold (the morphology's caches cleared; its tools keep
running). Printed per size: wall time, and CPU time of this process plus the
Apertium tools' (from /proc; on a machine shared with busy sessions wall time is
mostly waiting for a core), CPU µs per word, and the CPU cost per word relative to
the smallest size (target: flat, ≤ 1.2×;
before the tools got long paragraphs in pieces, 40,000 words timed the tools out
and a 1 MB paragraph took 88 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_check import build_draft, clear_grammar_caches  # noqa: E402
from bench_morph import tool_cpu  # noqa: E402

from proofer import tokens  # noqa: E402
from proofer.checkers.grammar import GrammarChecker  # noqa: E402
from proofer.tokens import words  # noqa: E402

TARGET = 1.2


def one_paragraph(n_words: int) -> str:
    return " ".join(build_draft(n_words).split("\n")).strip()


def timed(checker: GrammarChecker, text: str, runs: int) -> tuple[float, float, int]:
    """Best wall and best CPU seconds (this process's and the Apertium tools')."""
    best_wall = best_cpu = float("inf")
    found = 0
    morph = checker.morphology()
    for _ in range(runs):
        clear_grammar_caches()
        t0, c0, k0 = time.perf_counter(), time.process_time(), tool_cpu(morph)
        found = len(checker.check_paragraph(text))
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0 + tool_cpu(morph) - k0)
    return best_wall, best_cpu, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--million", action="store_true", help="also 1,000,000 words (slow)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size below 1M (best)")
    args = ap.parse_args()
    sizes = sorted(set(args.sizes + ([1_000_000] if args.million else [])))
    checker = GrammarChecker()
    if checker.status() != "ok":
        print(f"grammar engine: {checker.status()}")
        return 1
    checker.check_paragraph("Motorn startas.")  # the tools running, as in an editor
    first: float | None = None
    print(f"{'words':>9} {'chars':>9} {'tokenize':>9} {'wall':>8} {'cpu':>8} "
          f"{'cpu µs/word':>11} {'cpu×tokenize':>12} {'per word vs first':>17} findings")
    worst = 0.0
    for n in sizes:
        text = one_paragraph(n)
        tokens.clear_caches()
        t0 = time.perf_counter()
        count = sum(1 for _ in words(text))
        base = time.perf_counter() - t0
        wall, cpu, found = timed(checker, text, 1 if n >= 1_000_000 else args.repeat)
        per_word = cpu / count
        first = per_word if first is None else first
        rel = per_word / first
        worst = max(worst, rel)
        print(f"{count:9d} {len(text):9d} {base:8.2f}s {wall:7.2f}s {cpu:7.2f}s "
              f"{per_word * 1e6:11.1f} {cpu / base:12.1f} {rel:16.2f}× {found}", flush=True)
    verdict = "OK" if worst <= TARGET else "OVER TARGET"
    print(f"worst cost per word against the first size: {worst:.2f}× (target ≤ {TARGET}×) "
          f"{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
