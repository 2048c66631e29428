"""How much of real Swedish text does the analyser know, and what does the tagger choose?

    .venv/bin/python scripts/morph_quality.py [--sample 60]

For the clean (corrected or published) texts of ../shared/eval/real/news and
real/dalaj: word tokens unknown to Apertium without and with the compound fall-back
(proofer/morph/compounds.py), the most frequent unknown words, and a sample of tokens
whose remaining readings (after CG-3) still differ in part of speech, with the tagger's
choice first, to read through by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from proofer.morph.apertium import ApertiumMorphology  # noqa: E402
from proofer.morph.model import TaggedToken  # noqa: E402

REAL = ROOT.parent / "shared" / "eval" / "real"


def paragraphs(corpus: str) -> list[str]:
    return [line for f in sorted((REAL / corpus / "clean").glob("*.txt"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_word(t: TaggedToken) -> bool:
    return any(c.isalpha() for c in t.text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=60)
    args = ap.parse_args()
    plain = ApertiumMorphology(compound_guesses=False)
    full = ApertiumMorphology()
    if full.status != "ok":
        sys.exit(f"morph_quality: {full.status}")
    ambiguous: list[str] = []
    for corpus in ("news", "dalaj"):
        paras = paragraphs(corpus)
        before = [t for tokens in plain.analyse_many(paras) for t in tokens if is_word(t)]
        analysed = full.analyse_many(paras)
        after = [t for tokens in analysed for t in tokens if is_word(t)]
        n = len(after)
        unknown_before = sum(t.source == "unknown" for t in before)
        unknown_after = [t.text for t in after if t.source == "unknown"]
        print(f"{corpus}: {n} word tokens; unknown to Apertium {unknown_before} "
              f"({unknown_before / n:.2%}); with the compound fall-back "
              f"{len(unknown_after)} ({len(unknown_after) / n:.2%}); compound readings "
              f"{sum(t.source == 'compound' for t in after)}")
        print("  most frequent unknown:",
              ", ".join(f"{w} {c}" for w, c in Counter(unknown_after).most_common(25)))
        several = 0
        for tokens in analysed:
            for i, t in enumerate(tokens):
                if len({r.tags[0] for r in t.readings if r.tags}) > 1:
                    several += 1
                    left = " ".join(x.text for x in tokens[max(0, i - 4):i])
                    right = " ".join(x.text for x in tokens[i + 1:i + 4])
                    choice = ", ".join(f"{r.lemma} {' '.join(r.tags)}" for r in t.readings[:3])
                    ambiguous.append(f"  {left} [{t.text}] {right}  =>  {choice}")
        print(f"  tokens with readings of more than one part of speech left: {several} "
              f"({several / n:.1%})")
    random.Random(7).shuffle(ambiguous)
    print(f"\nsample of {args.sample} ambiguous tokens (tagger's choice first):")
    print("\n".join(ambiguous[:args.sample]))
    plain.close()
    full.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
