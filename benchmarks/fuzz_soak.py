"""Soak test for issue 13: N fuzzed drafts through the engine (LanguageTool off).

Each draft mixes Swedish words, slips, names, punctuation the tokenizer treats
specially, awkward characters, and now and then a very long "word" (up to
--longest letters), a very long paragraph, or runs of one character. Prints how
many were tried, how many raised, how many findings had offsets that do not slice
to their text, the slowest draft (and its shape), and the process's peak memory
(an upper bound for any single draft).

    .venv/bin/python benchmarks/fuzz_soak.py [-n 20000] [--longest 10000] [--seed 1]

Exits 1 if any draft raised, had a bad offset, or went over --max-seconds.
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proofer.checkers.registry import build_engine  # noqa: E402
from proofer.settings import Settings  # noqa: E402

PIECES = [
    "Regeringen", "sgäer", "htita", "Frderik", "Johanssomn", "kommer", "bl.a.", "t.ex.",
    "(S)", "(MP)", "1:a", "40-åringen", "2019-2020", "https://www.dn.se/a.b", "a@b.se",
    "#val", "@tt", "EU:s", "Göteborgs-Posten", "rut-", "och", "de", "dem", "ska", "ger",
    "statminister", "partisyrelse", "kmmer", "har", "gjorde", "Anna", "Hallberg", "kl.",
    " - ", " – ", "  ", ".", ",", "?", "”", "'", "’", ":", "😀", "e\u0301", "a\u0308",
    "\u200b", "\u00a0", "\u202e", "שלום", "İ", "ß", "ﬁ", "\t", "1 000", "3M", "#metoo",
]
LETTERS = "abcdefghijklmnopqrstuvwxyzåäöé"


def long_word(rng: random.Random, longest: int) -> str:
    n = rng.randint(61, longest)
    shape = rng.randrange(4)
    if shape == 0:
        return "".join(rng.choice(LETTERS) for _ in range(n))
    if shape == 1:
        unit = rng.choice(["ha", "hus", "kommun", "a", "Ha"])
        return (unit * (n // len(unit) + 1))[:n].capitalize()
    if shape == 2:
        return "-".join(rng.choice(["tv", "hälso", "sjuk", "vård"]) for _ in range(n // 4))
    return rng.choice(["_", ".", "+", "-", "1"]) * n


def draft(rng: random.Random, longest: int) -> tuple[str, str]:
    """(text, shape) of one fuzzed draft."""
    roll = rng.random()
    if roll < 0.05:  # one huge paragraph (about 100-300 kB)
        words = [rng.choice(PIECES) for _ in range(rng.randint(20_000, 60_000))]
        return " ".join(words), "huge paragraph"
    parts: list[str] = []
    shape = "ordinary"
    for _ in range(rng.randint(1, 12)):
        sentence = [rng.choice(PIECES) for _ in range(rng.randint(1, 25))]
        if rng.random() < 0.3:
            sentence.insert(rng.randrange(len(sentence) + 1), long_word(rng, longest))
            shape = "long word"
        parts.append(" ".join(sentence))
    return rng.choice(["\n", "\n\n", " ", "\r\n"]).join(parts), shape


class TooSlow(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise TooSlow


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=20_000, help="drafts (default 20,000)")
    ap.add_argument("--longest", type=int, default=10_000, help="longest word (letters)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-seconds", type=float, default=5.0,
                    help="a draft slower than this counts as a failure")
    ap.add_argument("--give-up", type=int, default=60,
                    help="seconds after which one draft is abandoned as hung")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    engine = build_engine(Settings(languagetool_mode="off"))
    t0 = time.perf_counter()
    engine.check("Hon kmmer hem i morgon, sa Anna Hallberg (S).")  # word lists, morphology
    print(f"warm-up (loading word lists and morphology): {time.perf_counter() - t0:.1f} s",
          file=sys.stderr)
    signal.signal(signal.SIGALRM, _alarm)
    tried = crashes = bad = slow = hung = findings = 0
    worst = (0.0, "")
    t_start = time.perf_counter()
    try:
        for i in range(args.n):
            text, shape = draft(rng, args.longest)
            engine.new_document()
            t0 = time.perf_counter()
            signal.alarm(args.give_up)
            try:
                report = engine.check(text)
            except TooSlow:
                hung += 1
                print(f"draft {i} ({shape}, {len(text)} chars): abandoned after "
                      f"{args.give_up} s", file=sys.stderr)
                continue
            except Exception:
                crashes += 1
                print(f"draft {i} ({shape}): {traceback.format_exc(limit=3)}", file=sys.stderr)
                continue
            finally:
                signal.alarm(0)
                tried += 1
            took = time.perf_counter() - t0
            if took > worst[0]:
                worst = (took, f"{shape}, {len(text):,} chars")
            slow += took > args.max_seconds
            findings += len(report.findings)
            bad += sum(1 for f in report.findings
                       if not (0 <= f.start <= f.end <= len(text)) or text[f.start:f.end] != f.text)
            if (i + 1) % 1000 == 0:
                print(f"... {i + 1} drafts, {time.perf_counter() - t_start:.0f} s", file=sys.stderr,
                      flush=True)
    except KeyboardInterrupt:
        print("(interrupted: figures so far)", file=sys.stderr)
    finally:
        engine.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"tried {tried}  crashes {crashes}  bad offsets {bad} (of {findings:,} findings)  "
          f"hung {hung}  over {args.max_seconds:g} s {slow}")
    print(f"max seconds {worst[0]:.2f} ({worst[1]})  peak memory {peak_mb:.0f} MB "
          f"(whole process)  total {time.perf_counter() - t_start:.0f} s")
    return 1 if crashes or bad or hung or slow else 0


if __name__ == "__main__":
    sys.exit(main())
