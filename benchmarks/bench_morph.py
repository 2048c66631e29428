"""How fast is the morphology (Apertium analyser, CG-3, tagger) on a 10,000-word draft?

    .venv/bin/python benchmarks/bench_morph.py [--words 10000] [--repeat 3]

The draft is bench_check's (the seed article and the dev set's texts, shuffled with a
fixed seed). Printed, each against the bare enchant pass over the same words measured
in the same run:

* start-up: the tools loading their binaries (once per engine, on first use);
* cold: every paragraph analysed with empty caches (tools already running), paragraph
  by paragraph as the engine asks (`analyse`) and all at once (`analyse_many`);
* the CPU time of the cold pass, the tools' and Python's (on a shared machine the
  wall time is mostly waiting for a core);
* re-check after a one-word edit: every paragraph asked again, one of them changed.

Targets (issue 10): the grammar engine's share of a cold check <= 2 s, a re-check
after a one-word edit < 50 ms. Each figure is the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_check import bare_hunspell, build_draft, one_word_edit  # noqa: E402

from proofer.document import split_paragraphs  # noqa: E402
from proofer.morph import apertium, stream  # noqa: E402
from proofer.morph.apertium import ApertiumMorphology  # noqa: E402
from proofer.speller import Speller  # noqa: E402
from proofer.tokens import words  # noqa: E402

TARGET_COLD_S = 2.0
TARGET_EDIT_MS = 50.0


def tool_cpu(m: ApertiumMorphology) -> float:
    """CPU seconds the running analysis tools have used (Linux /proc)."""
    return pipelines_cpu(m.pipelines())


def pipelines_cpu(pipelines: Iterable) -> float:
    """CPU seconds the running processes of these tool pipelines have used."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pipeline in pipelines:
        for p in pipeline._procs if pipeline else ():
            try:
                fields = Path(f"/proc/{p.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def fresh(speller: Speller) -> tuple[ApertiumMorphology, float]:
    """A new instance with its tools started; returns the start-up time."""
    apertium._readings.cache_clear()
    stream.analyses.cache_clear()
    m = ApertiumMorphology(speller=speller)
    t0 = time.perf_counter()
    m.analyse("Start.")
    return m, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    text = build_draft(args.words)
    paragraphs = [p.text for p in split_paragraphs(text)]
    edited = [p.text for p in split_paragraphs(one_word_edit(text))]
    word_list = [t.text for t in words(text)]
    speller = Speller()
    probe = ApertiumMorphology(speller=speller)
    if probe.status != "ok":
        sys.exit(f"bench_morph: morfologin är inte tillgänglig: {probe.status}")
    probe.close()

    bares, startups, colds, batched, cpus, own_cpus, edits = [], [], [], [], [], [], []
    unknown = compound = 0
    for _ in range(args.repeat):
        bares.append(bare_hunspell(word_list))

        m, startup = fresh(speller)
        startups.append(startup)
        cpu0, own0 = tool_cpu(m), time.process_time()
        t0 = time.perf_counter()
        for p in paragraphs:
            m.analyse(p)
        colds.append(time.perf_counter() - t0)
        cpus.append(tool_cpu(m) - cpu0)
        own_cpus.append(time.process_time() - own0)
        m.close()

        m, _ = fresh(speller)
        t0 = time.perf_counter()
        result = m.analyse_many(paragraphs)
        batched.append(time.perf_counter() - t0)
        for i in range(2):  # the edit, and back: one paragraph changes each time
            t0 = time.perf_counter()
            for p in edited if i == 0 else paragraphs:
                m.analyse(p)
            edits.append(time.perf_counter() - t0)
        m.close()
        toks = [t for tokens in result for t in tokens if any(c.isalpha() for c in t.text)]
        unknown = sum(t.source == "unknown" for t in toks)
        compound = sum(t.source == "compound" for t in toks)

    bare = min(bares)
    cold, many, edit_ms = min(colds), min(batched), min(edits) * 1000
    print(f"draft: {len(word_list)} words, {len(paragraphs)} paragraphs "
          f"({unknown} word tokens unknown to the analyser, {compound} compound guesses)")
    print(f"bare enchant pass:            {bare * 1000:8.1f} ms")
    print(f"tools' start-up (once):       {min(startups) * 1000:8.1f} ms")
    print(f"cold, paragraph by paragraph: {cold * 1000:8.1f} ms  = {cold / bare:5.1f} x bare  "
          f"(target <= {TARGET_COLD_S:.0f} s: {'ok' if cold <= TARGET_COLD_S else 'MISSED'})")
    print(f"cold, all at once:            {many * 1000:8.1f} ms  = {many / bare:5.1f} x bare")
    print(f"CPU in the cold pass:         {(min(cpus) + min(own_cpus)) * 1000:8.1f} ms  "
          f"(tools {min(cpus) * 1000:.0f} ms, Python {min(own_cpus) * 1000:.0f} ms; "
          f"wall time above it is waiting for a core on a busy machine)")
    print(f"re-check after one-word edit: {edit_ms:8.1f} ms  = {edit_ms / 1000 / bare:5.2f} x bare"
          f"  (target < {TARGET_EDIT_MS:.0f} ms: "
          f"{'ok' if edit_ms < TARGET_EDIT_MS else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
