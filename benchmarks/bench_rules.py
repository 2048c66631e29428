"""How fast is the whole rules pass (grammar/style/artifact YAML rules) on ~10,000 words?

    .venv/bin/python benchmarks/bench_rules.py [--words 10000] [--per-rule]

Builds a draft of about 10,000 words from the seed article and the dev set's injected
texts (paragraphs shuffled with a fixed seed, repeated if needed) and prints, cold
(fresh checkers, so no paragraph cache):

* the baseline: one regex word-tokenising pass (\\w+) over the same text;
* the rules pass: RulesChecker.check_document + ArtifactChecker on every paragraph;
* their ratio. Target: the rules pass well under 100 ms.

With --per-rule it lists the ten most expensive rules.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from proofer.checkers.artifacts import ArtifactChecker  # noqa: E402
from proofer.checkers.rules import RulesChecker  # noqa: E402
from proofer.document import split_paragraphs  # noqa: E402
from proofer.rules import load_rule_files  # noqa: E402

SHARED = ROOT.parent / "shared"


def build_text(words: int) -> str:
    sources = sorted((SHARED / "eval" / "dev" / "injected").glob("*.txt"))
    sources += sorted((SHARED / "seed").glob("*.txt"))
    paragraphs = [p for s in sources for p in s.read_text(encoding="utf-8").split("\n") if p]
    random.Random(7).shuffle(paragraphs)
    out: list[str] = []
    count = 0
    while count < words:
        for p in paragraphs:
            out.append(p)
            count += len(p.split())
            if count >= words:
                break
    return "\n".join(out) + "\n"


def best_of(fn, runs: int = 21) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--per-rule", action="store_true")
    args = ap.parse_args()
    text = build_text(args.words)
    paragraphs = split_paragraphs(text)
    rules, errors = load_rule_files()
    if errors:
        print("rule errors:", *errors, sep="\n  ")
    word = re.compile(r"\w+")

    def baseline() -> None:
        sum(1 for _ in word.finditer(text))

    def rules_pass() -> None:
        rc, ac = RulesChecker(rules), ArtifactChecker(rules)  # cold: no paragraph cache
        rc.check_document(text, paragraphs)
        for p in paragraphs:
            ac.check_paragraph(p.text)

    b_min, b_med = best_of(baseline)
    r_min, r_med = best_of(rules_pass)
    print(f"text: {len(text.split())} words, {len(paragraphs)} paragraphs, {len(rules)} rules")
    print(f"baseline (\\w+ tokenising): best {b_min:.1f} ms, median {b_med:.1f} ms")
    print(f"rules pass (cold):         best {r_min:.1f} ms, median {r_med:.1f} ms")
    print(f"ratio rules/baseline: {r_med / b_med:.1f}x  (target: rules pass < 100 ms)")
    if args.per_rule:
        cost = []
        for rule in rules:
            start = time.perf_counter()
            for p in paragraphs:
                if rule.applies(p.text, p.text.lower()):
                    list(rule.find(p.text))
            cost.append(((time.perf_counter() - start) * 1000, rule.id, bool(rule.precheck)))
        for ms, rid, pre in sorted(cost, reverse=True)[:10]:
            print(f"  {ms:6.2f} ms  {rid}{'' if pre else '  (no precheck)'}")


if __name__ == "__main__":
    main()
