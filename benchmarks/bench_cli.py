"""What a user waits for at the command line, against a bare pyenchant process
measured in the same run (interleaved, best of --repeat: noise only adds).

    .venv/bin/python benchmarks/bench_cli.py [--repeat 3] [--million] [--compare DIR]

Each figure is the wall time of a whole process, start-up included, with the
package's byte-code compiled first (as scripts/setup.sh does):

* bare: `python -c 'import enchant; d = enchant.Dict("sv_SE"); ...'` reading the same
  input and checking every word token with `d.check` (no cache);
* `python -m proofer check --no-languagetool --format json` on the same input.

Inputs (paragraphs from shared/seed and shared/eval/dev, shuffled with a fixed seed):

* one paragraph: proofer ≤ 2× bare;
* 10,000 words: ≤ 2.5× bare (on every core, the default; and with --jobs 1);
* 100 files × 500 words, `--jobs 1` and `--jobs 2`: jobs 2 ≤ 0.5× one job of the
  code before issue 12 (see --compare);
* 50,000 and (with --million) 1,000,000 words, every paragraph distinct: 1M ≤ 1.5×
  bare, and the cost per word at 1M within 1.2× of that at 50k.

--cpu times the CPU of each process and every process under it (the Apertium tools
included, also when the check exits without waiting for them: this process adopts
them) instead of wall time: on a machine shared with other busy sessions wall time
is mostly waiting for a core.

--compare DIR runs the same commands with another checkout's code as well (e.g. a
worktree of an older commit) and prints its ratios beside these.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_check import build_draft  # noqa: E402

BARE = r"""
import re, sys
import enchant
d = enchant.Dict("sv_SE")
word = re.compile(r"[^\W\d_]+(?:[-'’:][^\W\d_]+)*")
n = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as fh:
        for m in word.finditer(fh.read()):
            n += d.check(m.group())
"""


def distinct_draft(n_words: int, seed: int = 7) -> str:
    """Every paragraph different: real paragraphs with a numbered word appended,
    so no cache keyed by paragraph text can help, but the words stay Swedish."""
    base = build_draft(min(n_words, 20_000), seed).splitlines()
    rng = random.Random(seed)
    out: list[str] = []
    count = 0
    i = 0
    while count < n_words:
        para = base[i % len(base)]
        # A different, real word order per copy: swap two words.
        words = para.split(" ")
        if len(words) > 3:
            a, b = rng.randrange(len(words)), rng.randrange(len(words))
            words[a], words[b] = words[b], words[a]
        out.append(" ".join(words) + f" Nr {i}.")
        count += len(words) + 1
        i += 1
    return "\n".join(out) + "\n"


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """Wall seconds (or with --cpu: the CPU seconds of the process and of every
    process under it, the Apertium tools included, also those it left to end by
    themselves)."""
    t0 = time.perf_counter()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env=env)
    secs = time.perf_counter() - t0
    if _CPU:
        _reap_orphans()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench_cli: {' '.join(cmd[:5])} … gav {proc.returncode}: {proc.stderr[-500:]}")
    if _CPU:
        return (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return secs


def _adopt_orphans() -> None:
    """Become the parent of our children's orphans (Linux's child subreaper): a
    check that exits at once leaves its Apertium tools to end by themselves, and
    their CPU then counts only if this process waits for them."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _reap_orphans() -> None:
    """Wait for every adopted orphan (they end within moments of their input)."""
    import os

    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


# --cpu: on a machine shared with other busy sessions, wall time is mostly waiting
# for a core; CPU time is disturbed far less (the ratio is what counts).
_CPU = False


def _own_config(directory: Path) -> dict[str, str]:
    """An environment whose config folder is `directory`, with a copy of the user's
    word tables (building one takes a minute): each checkout measured keeps its own
    cache, as if it were the only installation, whatever the other one's code does
    to the cache files it does not know."""
    import os
    import shutil

    from proofer.settings import config_dir

    cache = directory / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    for table in (config_dir() / "cache").glob("hunspell-*"):
        if ".tmp" in table.suffixes:
            continue  # another process writing it: the finished file is what counts
        try:
            shutil.copy2(table, cache / table.name)
        except FileNotFoundError:  # replaced or removed by another process meanwhile
            pass
    return {**os.environ, "PROOFER_CONFIG_DIR": str(directory)}


def proofer_cmd(files: list[Path], *extra: str) -> list[str]:
    return [sys.executable, "-m", "proofer", "check", "--no-languagetool", "--format",
            "json", *extra, *map(str, files)]


def bare_cmd(files: list[Path]) -> list[str]:
    return [sys.executable, "-c", BARE, *map(str, files)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--million", action="store_true", help="also the 1M-word input (slow)")
    ap.add_argument("--compare", type=Path, metavar="DIR",
                    help="another checkout to measure beside this one")
    ap.add_argument("--only", choices=("paragraph", "10k", "batch", "linear"))
    ap.add_argument("--cpu", action="store_true",
                    help="CPU time of each process and its children instead of wall time")
    ap.add_argument("--no-compare-million", action="store_true",
                    help="run the 1M input with this code only (the compared code may "
                         "take far longer on it)")
    args = ap.parse_args()
    global _CPU
    _CPU = args.cpu
    if _CPU:
        _adopt_orphans()
    tmp = Path(tempfile.mkdtemp(prefix="bench_cli-"))
    para = tmp / "stycke.txt"
    para.write_text(build_draft(60).splitlines()[0] + "\n", encoding="utf-8")
    ten_k = tmp / "10k.txt"
    ten_k.write_text(build_draft(10_000), encoding="utf-8")
    batch_dir = tmp / "batch"
    batch_dir.mkdir()
    batch = []
    for i in range(100):
        p = batch_dir / f"{i:03d}.txt"
        p.write_text(build_draft(500, seed=i), encoding="utf-8")
        batch.append(p)
    linear = {}
    for n in (50_000, *((1_000_000,) if args.million else ())):
        p = tmp / f"{n}.txt"
        p.write_text(distinct_draft(n), encoding="utf-8")
        linear[n] = p

    projects = {"this": ROOT, **({"compare": args.compare.resolve()} if args.compare else {})}
    envs = {key: _own_config(tmp / f"config-{key}") for key in projects}
    for key, cwd in projects.items():  # as scripts/setup.sh leaves it: byte-code written
        subprocess.run([sys.executable, "-m", "compileall", "-q", "proofer"], cwd=cwd,
                       stdout=subprocess.DEVNULL, check=False)
        # and its cache filled, as after a first run
        subprocess.run(proofer_cmd([para]), cwd=cwd, env=envs[key],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    cases: dict[str, tuple[list[Path], tuple[str, ...]]] = {}
    if args.only in (None, "paragraph", "linear"):  # linear: the start-up to take out
        cases["one paragraph"] = ([para], ())
    if args.only in (None, "10k"):
        cases["10k words"] = ([ten_k], ())  # on every core (--jobs: all by default)
        cases["10k words, jobs 1"] = ([ten_k], ("--jobs", "1"))
    if args.only in (None, "batch"):
        cases["100 × 500, jobs 1"] = (batch, ("--jobs", "1"))
        cases["100 × 500, jobs 2"] = (batch, ("--jobs", "2"))
    if args.only in (None, "linear"):
        for n, p in linear.items():
            cases[f"{n:,} distinct"] = ([p], ())

    print(f"{'CPU' if args.cpu else 'wall'} time, best of {args.repeat}")
    print(f"{'input':<22} {'bare':>8} " + " ".join(f"{k:>18}" for k in projects))
    results: dict[str, dict[str, float]] = {}
    for name, (files, extra) in cases.items():
        best: dict[str, float] = {}
        for _ in range(args.repeat):  # interleaved: each round runs everything once
            for key, cwd in {"bare": ROOT, **projects}.items():
                if key == "bare":
                    cmd = bare_cmd(files)
                elif key == "this":
                    cmd = proofer_cmd(files, *extra)
                elif extra == ("--jobs", "2"):
                    continue  # the older code knows no --jobs: it ran one job above
                elif name.startswith("1,000,000") and args.no_compare_million:
                    continue
                else:
                    cmd = proofer_cmd(files)
                best[key] = min(best.get(key, float("inf")), timed(cmd, cwd, envs.get(key)))
        results[name] = best
        cells = " ".join(f"{best[k]:7.2f} s {best[k] / best['bare']:5.2f}×"
                         if k in best else f"{'–':>18}" for k in projects)
        print(f"{name:<22} {best['bare']:6.2f} s {cells}", flush=True)

    _targets(results, linear)
    return 0


def _targets(results: dict[str, dict[str, float]], linear: dict[int, Path]) -> None:
    print()
    r = results.get("one paragraph")
    if r:
        print(f"one paragraph: {r['this'] / r['bare']:.2f}× bare (target ≤ 2)")
    r = results.get("10k words")
    if r:
        print(f"10k words: {r['this'] / r['bare']:.2f}× bare (target ≤ 2.5)")
    r1 = results.get("10k words, jobs 1")
    if r and r1:
        print(f"10k words: every core = {r['this'] / r1['this']:.2f}× one process")
    one, two = results.get("100 × 500, jobs 1"), results.get("100 × 500, jobs 2")
    if one and two and _CPU:
        print("batch: (CPU time adds up over the workers: the --jobs target is one of wall "
              "time)")
    elif one and two:
        print(f"batch: jobs 2 = {two['this'] / one['this']:.2f}× jobs 1 (this code)")
        if "compare" in one:
            print(f"batch: jobs 2 = {two['this'] / one['compare']:.2f}× one job of the "
                  "compared code (target ≤ 0.5)")
    small, big = results.get("50,000 distinct"), results.get("1,000,000 distinct")
    if big:
        print(f"1M distinct: {big['this'] / big['bare']:.2f}× bare (target ≤ 1.5)")
    if small and big:
        # Per word, start-up taken out (the one-paragraph run stands for it).
        start = results.get("one paragraph", {}).get("this", 0.0)
        per_small = (small["this"] - start) / 50_000
        per_big = (big["this"] - start) / 1_000_000
        print(f"cost per word: 1M {per_big * 1e6:.1f} µs, 50k {per_small * 1e6:.1f} µs, "
              f"{per_big / per_small:.2f}× (target ≤ 1.2)")


if __name__ == "__main__":
    raise SystemExit(main())
