"""CPU of the grammar rules alone (the matcher and its corrections) per word, cold.

    .venv/bin/python benchmarks/bench_grammar_rules.py [--words 10000] [--repeat 7]
                                                       [--compare DIR]

The draft is bench_check's. Its paragraphs are analysed once (the Apertium tools
are not what this measures: bench_morph.py does that), then every grammar rule runs
over every paragraph with the matcher's memory of word forms emptied first, as in a
cold check; the cyclic garbage collector is off, as the engine has it during a
check. Printed, best of --repeat, in CPU time (steadier than wall time on a shared
machine): the bare enchant pass over the same words, the rules pass and their
ratio. --compare DIR runs the same measurement with another checkout (e.g. `git
worktree add --detach /tmp/before <commit>`), interleaved with this one, so that
both see the same load.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(root: Path, words: int, repeat: int) -> tuple[float, float, int]:
    """(bare enchant pass, rules pass, findings) in CPU seconds, best of `repeat`,
    with the code of the checkout at `root`."""
    sys.path.insert(0, str(root))
    sys.path.insert(0, str(root / "benchmarks"))
    import bench_check
    from bench_check import bare_hunspell, build_draft, clear_process_caches

    from proofer.checkers.grammar import GrammarChecker, analysable
    from proofer.document import split_paragraphs
    from proofer.tokens import words as word_tokens

    bench_check._clock = time.process_time
    text = build_draft(words)
    paragraphs = [p.text for p in split_paragraphs(text) if p.text.strip()]
    word_list = [t.text for t in word_tokens(text)]
    checker = GrammarChecker()
    rules, morph = checker.rules, checker.morphology()
    if morph is None or morph.status != "ok":
        sys.exit(f"bench_grammar_rules: morfologin är inte tillgänglig: {checker.status()}")
    analysed = morph.analyse_many([analysable(p) for p in paragraphs])
    found = sum(len(rules.check(p, t, morph.generate, morph.analyse))
                for p, t in zip(paragraphs, analysed, strict=True))  # corrections generated
    bares, passes = [], []
    gc.disable()
    for _ in range(repeat):
        bares.append(bare_hunspell(word_list))
        clear_process_caches()
        analysed = morph.analyse_many([analysable(p) for p in paragraphs])
        t0 = time.process_time()
        for p, tokens in zip(paragraphs, analysed, strict=True):
            rules.check(p, tokens, morph.generate, morph.analyse)
        passes.append(time.process_time() - t0)
    gc.enable()
    return min(bares), min(passes), found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--compare", type=Path, help="another checkout, measured alongside")
    ap.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.raw:  # one measurement of that checkout, for --compare's interleaving
        bare, rules, found = measure(args.raw, args.words, args.repeat)
        print(f"{bare} {rules} {found}")
        return 0

    def run(root: Path) -> tuple[float, float, int]:
        # this script, run with the other checkout's code (which may predate it)
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--raw",
                              str(root), "--words", str(args.words), "--repeat",
                              str(args.repeat)], cwd=root, capture_output=True, text=True,
                             check=True).stdout.split()
        return float(out[0]), float(out[1]), int(out[2])

    roots = [("this checkout", ROOT)]
    if args.compare is not None:
        roots.append(("compare", args.compare.resolve()))
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(3 if args.compare is not None else 1):
        for name, root in roots:
            got = run(root)
            old = best.get(name)
            best[name] = got if old is None else (min(old[0], got[0]), min(old[1], got[1]),
                                                  got[2])
    print(f"{args.words} words, CPU, best of {args.repeat}"
          + (" x 3 interleaved runs" if args.compare is not None else ""))
    for name, (bare, rules, found) in best.items():
        print(f"{name:<14} bare enchant {bare * 1000:7.1f} ms   rules pass {rules * 1000:7.1f} ms"
              f" = {rules / bare:5.2f}x bare   ({found} findings)")
    if args.compare is not None:
        mine, other = best["this checkout"][1], best["compare"][1]
        print(f"rules pass, this checkout / compare: {mine / other:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
