"""Name-dictionary speed: load time (cold and warm) with 100,000 generated person
names on top of the shipped dictionaries, and the name pass over a 1,000-word article
against the spelling pass over the same text (the baseline measured in the same run).

    .venv/bin/python benchmarks/bench_names.py [--names 100000]

Targets: warm load < 1 s; name pass < 50 ms per 1,000 words.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proofer.checkers.names import NameChecker  # noqa: E402
from proofer.checkers.spelling import SpellingChecker  # noqa: E402
from proofer.document import split_paragraphs  # noqa: E402
from proofer.frequency import foreign_zipf, zipf  # noqa: E402
from proofer.names.store import NameStore  # noqa: E402
from proofer.settings import SHIPPED_DICTIONARIES  # noqa: E402
from proofer.speller import Speller  # noqa: E402

FIRST = ("Anna Maria Eva Karin Sara Lena Emma Kerstin Ingrid Malin Johanna Linnea Elin "
         "Lars Mikael Anders Johan Erik Per Karl Peter Thomas Jan Daniel Fredrik Hans "
         "Bengt Nils Mohammed Ali Fatima Leila Omar Yusuf Aino Juha Mattias Oskar").split()
SYLL = ("berg ström lund gren holm qvist son sjö dahl ek fors hag mark vik borg stad "
        "ljung bäck kvist blom näs wall ros lind al gran hed rud sand ström").split()
PRE = ("Ander Jo Karl Nils Pet Sven Lars Ols Pers Jons Eriks Hall Lind Berg Sund Ny "
       "Öst Väst Norr Sö Ekl Holm Dahl Fors Zain Jon Abd Kar Mat Ben").split()

ARTICLE_EXTRA = (
    "Kommunstyrelsens ordförande Karin Lindqvist (M) i Borås sade på tisdagen att "
    "kommunen ska satsa på export. Regionrådet Bijan Zainali (S) höll med och "
    "utrikeshandelsministern Anna Hallberg besökte företaget FOV Fabrics AB. "
    "Frderik Johanssomn berättade för finansministern om Västra Götalandsregionen. "
)


def generate(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    seen: set[str] = set()
    lines = ["entries:"]
    while len(seen) < n:
        sur = rng.choice(PRE) + rng.choice(SYLL) + (rng.choice(SYLL) if rng.random() < .5 else "")
        name = f"{rng.choice(FIRST)} {sur}"
        if name in seen:
            continue
        seen.add(name)
        lines.append(f"  - name: {name}\n    kind: person")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def article(words: int = 1000) -> str:
    seed = next((ROOT.parent / "shared" / "seed").glob("*.txt"), None)
    base = seed.read_text(encoding="utf-8") if seed else ARTICLE_EXTRA
    text = ARTICLE_EXTRA + "\n" + base
    while len(text.split()) < words:
        text += "\n" + base
    return "\n".join(" ".join(p.split()) for p in text.split("\n"))[: len(text)]


def _timed(fn, repeat: int = 1) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", type=int, default=100_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "generated.yaml"
        generate(big, args.names)
        paths = [*sorted(SHIPPED_DICTIONARIES.glob("*.yaml")), big]
        cache = Path(tmp) / "cache"
        cold, _ = _timed(lambda: NameStore.load(paths, cache))
        warm, store = _timed(lambda: NameStore.load(paths, cache), repeat=3)
        speller = Speller()
        names = NameChecker(store, speller)  # type: ignore[arg-type]
        spelling = SpellingChecker(speller, names_handle_capitalised=True)
        text = article()
        paras = [p.text for p in split_paragraphs(text)]
        n_words = len(text.split())

        def run(checker) -> list:  # type: ignore[no-untyped-def]
            return [f for p in paras for f in checker.check_paragraph(p)]

        # First pass: Hunspell's and wordfreq's caches start empty (as in a new run),
        # but wordfreq's tables (Swedish and the foreign ones) are loaded first: their
        # one-off load (about 1-2 s) is start-up, not a cost of either pass.
        zipf("och")
        foreign_zipf("the")
        t_spell_cold, _ = _timed(lambda: run(spelling))
        t_names_cold, _ = _timed(lambda: run(names))
        t_spell, _ = _timed(lambda: run(spelling), repeat=5)
        t_names, found = _timed(lambda: run(names), repeat=5)
        per_kw = 1000 / n_words
        print(f"dictionary: {len(store.entries):,} entries ({args.names:,} generated)")
        print(f"load cold (parse + compile + cache write): {cold:.2f} s")
        print(f"load warm (from cache): {warm:.3f} s  (target < 1 s)")
        print(f"article: {n_words} words, {len(paras)} paragraphs, "
              f"{len(found)} name findings")  # type: ignore[arg-type]
        print(f"first pass, cold caches: names {t_names_cold * 1000 * per_kw:.1f} ms, "
              f"spelling {t_spell_cold * 1000 * per_kw:.1f} ms per 1,000 words "
              f"(ratio {t_names_cold / t_spell_cold:.2f})")
        print(f"name pass: {t_names * 1000 * per_kw:.1f} ms per 1,000 words (target < 50 ms)")
        print(f"spelling pass: {t_spell * 1000 * per_kw:.1f} ms per 1,000 words")
        print(f"ratio name/spelling (warm): {t_names / t_spell:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
