"""Soak test for issue 13: N fuzzed drafts through the engine (LanguageTool off).

Each draft mixes Swedish words, slips, names, punctuation the tokenizer treats
specially, awkward characters, and now and then a very long "word" (61 to
--longest letters), a news article of many paragraphs, a very long paragraph, or
runs of one character. Draft i is made from its own seed (seed, i), so any draft
can be made again on its own (`--show I`) and a run can stop and resume.

The drafts are checked by --workers long-lived child processes (each builds one
engine, as the app does, and keeps its caches between drafts). Like the app's engine
process, a worker that has passed the memory ceiling (proofer.memory_guard, or
--ceiling-mb; 0 = none) after a draft is replaced by a fresh one before the next.
For every draft a worker records the wall time, the CPU time (its own and that of
the Apertium processes it drives), the process's resident memory before the draft and its peak
during the draft (the kernel's high-water mark, reset before each draft through
/proc/self/clear_refs), the number of findings and the findings whose offsets do not
slice to their text. One JSON line per draft goes to --out; a run with the same
--out skips the drafts already there, so it can be stopped (Ctrl+C, kill) and
started again, in chunks (--start/-n) or under `nice -n 19` in the background.

    .venv/bin/python benchmarks/fuzz_soak.py [-n 20000] [--longest 10000] [--seed 1]
        [--workers 2] [--out /tmp/fuzz.jsonl] [--summary] [--show I] [--profile I]
        [--redo-failed] [--ids I,J,...] [--huge]

Prints, from everything in --out: tried / crashes / bad offsets / hung (--give-up) /
over --max-seconds (wall or CPU) / over --max-mb (peak resident memory during the
draft), and the worst drafts by wall time, CPU time and memory with their shapes.
Exit 1 if any draft failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import select
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from proofer import memory_guard  # noqa: E402

PIECES = [
    "Regeringen", "sgäer", "htita", "Frderik", "Johanssomn", "kommer", "bl.a.", "t.ex.",
    "(S)", "(MP)", "1:a", "40-åringen", "2019-2020", "https://www.dn.se/a.b", "a@b.se",
    "#val", "@tt", "EU:s", "Göteborgs-Posten", "rut-", "och", "de", "dem", "ska", "ger",
    "statminister", "partisyrelse", "kmmer", "har", "gjorde", "Anna", "Hallberg", "kl.",
    " - ", " – ", "  ", ".", ",", "?", "”", "'", "’", ":", "😀", "e\u0301", "a\u0308",
    "\u200b", "\u00a0", "\u202e", "שלום", "İ", "ß", "ﬁ", "\t", "1 000", "3M", "#metoo",
]
LETTERS = "abcdefghijklmnopqrstuvwxyzåäöé"
SEPARATORS = ["\n", "\n\n", " ", "\r\n"]


def long_word(rng: random.Random, longest: int) -> tuple[str, str]:
    """A "word" of 61..longest letters and its kind."""
    n = rng.randint(61, longest)
    shape = rng.randrange(4)
    if shape == 0:
        return "".join(rng.choice(LETTERS) for _ in range(n)), "random letters"
    if shape == 1:
        unit = rng.choice(["ha", "hus", "kommun", "a", "Ha"])
        return (unit * (n // len(unit) + 1))[:n].capitalize(), f"'{unit}' repeated"
    if shape == 2:
        return ("-".join(rng.choice(["tv", "hälso", "sjuk", "vård"]) for _ in range(n // 4)),
                "hyphenated parts")
    char = rng.choice(["_", ".", "+", "-", "1"])
    return char * n, f"'{char}' repeated"


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25)))


HUGE_PARAGRAPH = 0.05  # the share of drafts that are one huge paragraph
ARTICLE = 0.07  # ... and (the next 2 %) a news article


def is_huge(seed: int, i: int) -> bool:
    """Whether draft i is one huge paragraph, without making it (--huge)."""
    return random.Random(f"{seed}:{i}").random() < HUGE_PARAGRAPH


def draft(seed: int, i: int, longest: int) -> tuple[str, str]:
    """(text, shape) of fuzzed draft number i: made from (seed, i) alone."""
    rng = random.Random(f"{seed}:{i}")
    roll = rng.random()
    if roll < HUGE_PARAGRAPH:  # one huge paragraph (about 100-300 kB): an extreme, not a draft
        words = [rng.choice(PIECES) for _ in range(rng.randint(20_000, 60_000))]
        return " ".join(words), "huge paragraph"
    if roll < ARTICLE:  # a news article: up to ~20,000 words in paragraphs of 1-8 sentences
        target = rng.randint(2_000, 20_000)
        paragraphs: list[str] = []
        n = 0
        while n < target:
            para = " ".join(sentence(rng) + "." for _ in range(rng.randint(1, 8)))
            n += para.count(" ") + 1
            paragraphs.append(para)
        return "\n\n".join(paragraphs), "article"
    parts: list[str] = []
    kinds: list[str] = []
    for _ in range(rng.randint(1, 12)):
        words = sentence(rng).split(" ")
        if rng.random() < 0.3:
            word, kind = long_word(rng, longest)
            words.insert(rng.randrange(len(words) + 1), word)
            kinds.append(f"{kind} {len(word):,}")
        parts.append(" ".join(words))
    shape = f"long word ({', '.join(kinds)})" if kinds else "ordinary"
    return rng.choice(SEPARATORS).join(parts), shape


# -- a worker: one engine, drafts by number on stdin, one JSON line each on stdout ----------

def _cpu_seconds(pid: int) -> float:
    """utime + stime of one live process, from /proc (clock ticks)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _children_cpu() -> dict[int, float]:
    return {p: _cpu_seconds(p) for p in memory_guard.descendants(os.getpid())}


def _reaped_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _children_kb(field: str) -> int:
    return sum(memory_guard.status_kb(p, field) for p in memory_guard.descendants(os.getpid()))


def _reset_peak(pid: int | str) -> None:
    try:
        with open(f"/proc/{pid}/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
    except OSError:
        pass  # the process is gone


def worker(seed: int, longest: int, ceiling_mb: float) -> int:
    from proofer.checkers.registry import build_engine
    from proofer.settings import Settings

    engine = build_engine(Settings(languagetool_mode="off"))
    engine.check("Hon kmmer hem i morgon, sa Anna Hallberg (S).")  # word lists, morphology
    print(json.dumps({"ready": True, "rss_mb": memory_guard.status_kb("self", "VmRSS:") / 1024}),
          flush=True)
    for line in sys.stdin:
        i = int(line)
        text, shape = draft(seed, i, longest)
        engine.new_document()
        rss0 = memory_guard.status_kb("self", "VmRSS:") / 1024
        kids0 = _children_cpu()
        for pid in ["self", *kids0]:  # reset each peak resident size to the current one
            _reset_peak(pid)
        reaped0 = _reaped_cpu()
        cpu0, t0 = time.process_time(), time.perf_counter()
        row: dict[str, object] = {"i": i, "shape": shape, "chars": len(text),
                                  "paragraphs": text.count("\n") + 1}
        try:
            report = engine.check(text)
        except Exception:  # noqa: BLE001 - a crash is what the soak counts
            row["crash"] = traceback.format_exc(limit=4)
            report = None
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        kids1 = _children_cpu()
        # Tools killed and reaped during the draft (a time-out restarts the pipeline)
        # count with their whole life, minus what they had used before the draft.
        gone = sum(v for p, v in kids0.items() if p not in kids1)
        apertium = (sum(v - kids0.get(p, 0.0) for p, v in kids1.items())
                    + max(0.0, _reaped_cpu() - reaped0 - gone))
        row.update(
            wall=round(wall, 3), cpu=round(cpu, 3), cpu_apertium=round(apertium, 3),
            rss_before_mb=round(rss0, 1),
            peak_mb=round(memory_guard.status_kb("self", "VmHWM:") / 1024, 1),
            rss_after_mb=round(memory_guard.status_kb("self", "VmRSS:") / 1024, 1),
            apertium_rss_mb=round(_children_kb("VmRSS:") / 1024, 1),
            # the tools' peaks during the draft (tools started during it: their whole life)
            apertium_peak_mb=round(_children_kb("VmHWM:") / 1024, 1),
        )
        if report is not None:
            down = {k: v for k, v in report.engines.items() if v not in ("ok", "off")}
            if down:  # a checker that stopped working is a failure too
                row["engines_down"] = down
            row["findings"] = len(report.findings)
            bad = [f for f in report.findings
                   if not (0 <= f.start <= f.end <= len(text)) or text[f.start:f.end] != f.text]
            row["bad_offsets"] = len(bad)
            if bad:
                row["bad_example"] = repr(bad[0])[:300]
        spent = ceiling_mb > 0 and memory_guard.spent(ceiling_mb)
        if spent:
            row["replaced_mb"] = round(memory_guard.resident_mb(), 1)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        if spent:
            break  # the parent starts a fresh worker, as the app does
    engine.close()
    return 0


# -- the parent: hands out drafts, times out hung ones, writes the results ------------------

class Worker:
    def __init__(self, args: argparse.Namespace) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--seed", str(args.seed),
             "--longest", str(args.longest), "--ceiling-mb", str(args.ceiling_mb)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert self.proc.stdout is not None
        ready = json.loads(self.proc.stdout.readline() or "{}")
        if not ready.get("ready"):
            raise RuntimeError("a worker did not start")
        self.job: int | None = None
        self.since = 0.0

    def give(self, i: int) -> None:
        assert self.proc.stdin is not None
        self.job, self.since = i, time.monotonic()
        self.proc.stdin.write(f"{i}\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


def done_indices(out: Path) -> set[int]:
    if not out.exists():
        return set()
    return {row["i"] for row in read_rows(out)}


def read_rows(out: Path) -> list[dict]:
    rows = []
    with out.open(encoding="utf-8") as f:
        for line in f:
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                pass  # a line cut short by a kill: that draft is run again
    return rows


def redo_indices(args: argparse.Namespace) -> list[int]:
    """Drafts whose latest row failed other than by time (a crash, hung, bad offsets, a
    checker down, over --max-mb): run again after a fix, the new row replacing the old
    in the summary (which keeps the last row of each draft). Time is left out: a huge
    paragraph over 5 s is over 5 s again, and wall time on a shared machine is load."""
    rows = {r["i"]: r for r in read_rows(args.out)} if args.out.exists() else {}
    return sorted(i for i, r in rows.items()
                  if r.get("crash") or r.get("hung") or r.get("bad_offsets")
                  or r.get("engines_down") or _mb(r) > args.max_mb)


def chosen(args: argparse.Namespace) -> list[int]:
    """The drafts this run is about: --ids, or those of --start/-n (with --huge only
    the huge paragraphs among them, to run again the ones over the time limit after
    the analysis got faster: in a fresh --out, since a draft already there is
    skipped)."""
    if args.ids:
        return [int(i) for i in args.ids.split(",") if i.strip()]
    ids = range(args.start, args.start + args.n)
    return [i for i in ids if is_huge(args.seed, i)] if args.huge else list(ids)


def _interrupted(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> None:
    # Stopped by kill (TERM) or Ctrl+C, also when started in the background (where
    # the shell ignores SIGINT): the workers are stopped and the results kept.
    signal.signal(signal.SIGTERM, _interrupted)
    signal.signal(signal.SIGINT, _interrupted)
    done = done_indices(args.out)
    todo = [i for i in chosen(args) if i not in done]
    redo = redo_indices(args) if args.redo_failed else []
    print(f"{len(done)} drafts already in {args.out}; {len(redo)} failed ones to run again, "
          f"{len(todo)} new to run", file=sys.stderr, flush=True)
    todo = redo + todo
    if not todo:
        return
    todo.reverse()
    workers = [Worker(args) for _ in range(min(args.workers, len(todo)))]
    t_start = time.monotonic()
    ran = 0
    try:
        with args.out.open("a", encoding="utf-8") as out:
            for w in workers:
                if todo:
                    w.give(todo.pop())
            while any(w.job is not None for w in workers):
                busy = {w.proc.stdout: w for w in workers if w.job is not None}
                ready, _, _ = select.select(list(busy), [], [], 1.0)
                for stream in ready:
                    w = busy[stream]
                    line = stream.readline()
                    if line:
                        row = json.loads(line)
                    else:  # the worker died under the draft
                        w.proc.wait()
                        row = {"i": w.job, "crash": f"worker died, exit {w.proc.returncode}",
                               "wall": round(time.monotonic() - w.since, 3)}
                        workers[workers.index(w)] = w = Worker(args)
                    _finish(out, row, args)
                    ran += 1
                    w.job = None
                    if "replaced_mb" in row:  # over the memory ceiling: a fresh worker
                        w.proc.stdin.close()
                        w.proc.wait()
                        workers[workers.index(w)] = w = Worker(args)
                    if todo:
                        w.give(todo.pop())
                for k, w in enumerate(workers):
                    if w.job is not None and time.monotonic() - w.since > args.give_up:
                        row = {"i": w.job, "hung": True, "wall": args.give_up}
                        w.stop()
                        _finish(out, row, args)
                        ran += 1
                        workers[k] = w = Worker(args)
                        if todo:
                            w.give(todo.pop())
                if ran and ran % args.every == 0 and ready:
                    rate = ran / (time.monotonic() - t_start)
                    print(f"... {ran} drafts this run ({rate * 3600:.0f}/h), {len(todo)} left",
                          file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print("(interrupted: the drafts so far are kept)", file=sys.stderr)
    finally:
        for w in workers:
            w.stop()


def _finish(out, row: dict, args: argparse.Namespace) -> None:  # noqa: ANN001
    if "shape" not in row:  # hung or died: say what the draft was
        text, shape = draft(args.seed, row["i"], args.longest)
        row.update(shape=shape, chars=len(text))
    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    if row.get("crash") or row.get("hung") or row.get("bad_offsets"):
        what = row.get("crash") or ("hung" if row.get("hung") else row.get("bad_example"))
        print(f"draft {row['i']} ({row['shape']}): {what}", file=sys.stderr, flush=True)


def summary(args: argparse.Namespace) -> bool:
    rows = read_rows(args.out) if args.out.exists() else []
    rows = list({r["i"]: r for r in rows}.values())  # a draft run twice counts once
    if not rows:
        print("no drafts yet")
        return True
    crashes = [r for r in rows if r.get("crash")]
    down = [r for r in rows if r.get("engines_down")]
    hung = [r for r in rows if r.get("hung")]
    bad = sum(r.get("bad_offsets", 0) for r in rows)
    findings = sum(r.get("findings", 0) for r in rows)
    slow = [r for r in rows if r.get("wall", 0) > args.max_seconds]
    slow_cpu = [r for r in rows if _cpu(r) > args.max_seconds]
    big = [r for r in rows if _mb(r) > args.max_mb]
    print(f"tried {len(rows)}  crashes {len(crashes)}  bad offsets {bad} (of {findings:,} "
          f"findings)  hung {len(hung)}  over {args.max_seconds:g} s: wall {len(slow)}, "
          f"CPU {len(slow_cpu)}  over {args.max_mb:g} MB {len(big)}  "
          f"a checker down after the draft {len(down)}")
    for r in down[:3]:
        print(f"  draft {r['i']} ({r.get('shape')}): {r['engines_down']}")
    shapes: dict[str, list[dict]] = {}
    for r in rows:
        shapes.setdefault(r.get("shape", "?").split(" (")[0], []).append(r)
    for name, rs in sorted(shapes.items()):
        walls = sorted(r.get("wall", 0) for r in rs)
        print(f"  {name:15} {len(rs):6} drafts  wall median {walls[len(walls) // 2]:.2f} s, "
              f"max {walls[-1]:.2f} s; peak memory max "
              f"{max(r.get('peak_mb', 0) for r in rs):.0f} MB (with the tools "
              f"{max(_mb(r) for r in rs):.0f} MB), growth in a draft max "
              f"{max(r.get('peak_mb', 0) - r.get('rss_before_mb', 0) for r in rs):.0f} MB")

    def show(title: str, key, unit: str) -> None:  # noqa: ANN001
        print(title)
        for r in sorted(rows, key=key, reverse=True)[:args.worst]:
            print(f"  {key(r):8.2f} {unit}  draft {r['i']}: {r.get('shape')}, "
                  f"{r.get('chars', 0):,} chars (wall {r.get('wall', 0):.2f} s, cpu "
                  f"{r.get('cpu', 0):.2f} + apertium {r.get('cpu_apertium', 0):.2f} s, "
                  f"peak {r.get('peak_mb', 0):.0f} MB from {r.get('rss_before_mb', 0):.0f}, "
                  f"tools {r.get('apertium_peak_mb', r.get('apertium_rss_mb', 0)):.0f} MB)")

    show("worst wall time:", lambda r: r.get("wall", 0), "s")
    show("worst CPU time (python + apertium):", _cpu, "s")
    show("worst peak resident memory during a draft (process + Apertium tools):", _mb, "MB")
    show("worst memory growth within a draft:",
         lambda r: r.get("peak_mb", 0) - r.get("rss_before_mb", 0), "MB")
    last = max(rows, key=lambda r: r["i"])
    print(f"resident memory after the last draft: {last.get('rss_after_mb', 0):.0f} MB "
          f"(+ apertium {last.get('apertium_rss_mb', 0):.0f} MB)")
    replaced = [r["replaced_mb"] for r in rows if "replaced_mb" in r]
    if replaced:
        print(f"workers replaced over the memory ceiling: {len(replaced)} (at "
              f"{min(replaced):.0f}-{max(replaced):.0f} MB with tools, after "
              f"{len(rows) / len(replaced):.0f} drafts each on average)")
    return not (crashes or hung or bad or slow or slow_cpu or big or down)


def _mb(row: dict) -> float:
    """The draft's peak memory: the checking process's and its Apertium tools' peaks
    added (an upper bound: the peaks need not coincide)."""
    return row.get("peak_mb", 0) + row.get("apertium_peak_mb", row.get("apertium_rss_mb", 0))


def _cpu(row: dict) -> float:
    return row.get("cpu", 0) + row.get("cpu_apertium", 0)


def profile(args: argparse.Namespace) -> None:
    """cProfile and tracemalloc of one draft in this process (after a warm-up)."""
    import cProfile
    import pstats
    import tracemalloc

    from proofer.checkers.registry import build_engine
    from proofer.settings import Settings

    text, shape = draft(args.seed, args.profile, args.longest)
    engine = build_engine(Settings(languagetool_mode="off"))
    engine.check("Hon kmmer hem i morgon, sa Anna Hallberg (S).")
    print(f"draft {args.profile}: {shape}, {len(text):,} chars")
    prof = cProfile.Profile(time.process_time)  # CPU: a busy machine only adds waits
    t0, c0 = time.perf_counter(), time.process_time()
    prof.enable()
    engine.check(text)
    prof.disable()
    print(f"wall {time.perf_counter() - t0:.2f} s, CPU {time.process_time() - c0:.2f} s "
          "(profiled, Apertium's processes not included)")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    engine.new_document()
    tracemalloc.start(5)
    engine.check("Ny text. " + text)  # a new paragraph: nothing cached
    snap = tracemalloc.take_snapshot()
    cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"tracemalloc: {cur / 2**20:.0f} MB held after the check, peak {peak / 2**20:.0f} MB")
    for stat in snap.statistics("traceback")[:8]:
        print(f"  {stat.size / 2**20:.1f} MB in {stat.count} blocks")
        for line in stat.traceback.format()[-6:]:
            print("   ", line)
    engine.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=20_000, help="drafts (default 20,000)")
    ap.add_argument("--start", type=int, default=0, help="first draft number")
    ap.add_argument("--longest", type=int, default=10_000, help="longest word (letters)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--ceiling-mb", type=float, default=memory_guard.CEILING_MB,
                    help="a worker over this (with its tools) after a draft is replaced "
                         "(0: never)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/proofer-fuzz-soak.jsonl"))
    ap.add_argument("--max-seconds", type=float, default=5.0,
                    help="a draft slower than this (wall or CPU) counts as a failure")
    ap.add_argument("--max-mb", type=float, default=500.0,
                    help="a draft whose process peaks above this counts as a failure")
    ap.add_argument("--give-up", type=float, default=300.0,
                    help="seconds after which one draft is abandoned as hung")
    ap.add_argument("--worst", type=int, default=5, help="worst drafts listed per figure")
    ap.add_argument("--every", type=int, default=100, help="progress line every N drafts")
    ap.add_argument("--summary", action="store_true", help="only print the figures so far")
    ap.add_argument("--redo-failed", action="store_true",
                    help="first run again the drafts in --out that failed other than by time")
    ap.add_argument("--ids", help="only these drafts (comma-separated numbers)")
    ap.add_argument("--huge", action="store_true",
                    help="only the huge single paragraphs among --start/-n")
    ap.add_argument("--show", type=int, help="print draft I and exit")
    ap.add_argument("--profile", type=int, help="profile draft I in this process and exit")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args.seed, args.longest, args.ceiling_mb)
    if args.show is not None:
        text, shape = draft(args.seed, args.show, args.longest)
        print(f"# {shape}, {len(text):,} chars\n{text}")
        return 0
    if args.profile is not None:
        profile(args)
        return 0
    if not args.summary:
        run(args)
    return 0 if summary(args) else 1


if __name__ == "__main__":
    sys.exit(main())
