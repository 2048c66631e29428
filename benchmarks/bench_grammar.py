"""Speed of the grammar and consistency checkers against tokenizing the same text
(the baseline, measured in the same run).

    .venv/bin/python benchmarks/bench_grammar.py [--words 10000]

The consistency checker runs on the whole document at every check, so it must stay
cheap: target well under 100 ms per 10,000 words once warm (a re-check after a
one-word edit; the checker keeps its statistics between checks). The paragraph
checkers are cached per paragraph by the engine; their cold time per 1,000 words is
printed for reference.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_check import one_word_edit  # noqa: E402

from proofer import tokens  # noqa: E402
from proofer.checkers.consistency import ConsistencyChecker  # noqa: E402
from proofer.checkers.grammar import GrammarChecker  # noqa: E402
from proofer.checkers.split_compounds import SplitCompoundChecker  # noqa: E402
from proofer.document import split_paragraphs  # noqa: E402
from proofer.speller import Speller  # noqa: E402
from proofer.tokens import words  # noqa: E402

SHARED = ROOT.parent / "shared"


def sample_text(n_words: int) -> str:
    """Real Swedish from the dev set (or the seed), repeated with numbered variants
    so that the vocabulary grows like a long article's would."""
    files = sorted((SHARED / "eval" / "dev" / "clean").glob("*.txt")) or sorted(
        (SHARED / "seed").glob("*.txt"))
    if not files:
        sys.exit("bench_grammar: no sample text found under ../shared")
    base = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    out, count = [], 0
    while count < n_words:
        out.append(base)
        count += len(base.split())
    text = "\n\n".join(out)
    return " ".join(text.split(" ")[:n_words])


def best_ms(fn: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=10_000)
    args = ap.parse_args()
    text = sample_text(args.words)
    paragraphs = split_paragraphs(text)
    speller = Speller()
    n = len(text.split())

    def tokenize_uncached() -> None:
        tokens.clear_caches()
        for para in paragraphs:
            list(words(para.text))

    baseline = best_ms(tokenize_uncached)
    consistency = ConsistencyChecker(speller)
    t0 = time.perf_counter()
    consistency.check_document(text, paragraphs)
    cold = (time.perf_counter() - t0) * 1000
    # Warm: a re-check after a one-word edit, alternating with the original (the
    # checker keeps its statistics, so an unchanged text would cost nothing).
    edited = split_paragraphs(one_word_edit(text))
    versions = [(one_word_edit(text), edited), (text, paragraphs)]
    flip = iter(range(10**9))
    warm = best_ms(lambda: consistency.check_document(*versions[next(flip) % 2]))
    print(f"{n} words; baseline tokenize: {baseline:.1f} ms")
    print(f"consistency cold: {cold:.1f} ms ({cold / baseline:.2f}x baseline)")
    print(f"consistency warm: {warm:.1f} ms ({warm / baseline:.2f}x baseline)"
          f"  target < 100 ms per 10,000 words: {'ok' if warm * 10_000 / n < 100 else 'SLOW'}")
    for checker in (SplitCompoundChecker(speller), GrammarChecker()):
        t0 = time.perf_counter()
        for para in paragraphs:
            checker.check_paragraph(para.text)
        ms = (time.perf_counter() - t0) * 1000
        print(f"{checker.name} cold: {ms * 1000 / n:.1f} ms per 1,000 words "
              f"({ms / baseline:.2f}x baseline)")


if __name__ == "__main__":
    main()
