"""The real article Proofer started from: every one of its 20 faults must be caught,
with the right suggestion first, and nothing else in it claimed as an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from proofer.checkers.registry import build_engine
from proofer.finding import Finding, Severity
from proofer.formats import load_document
from proofer.settings import Settings

SEED = "000_8721c30d24de697f"


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> tuple[str, list[dict], list[Finding]]:
    doc = load_document(shared_dir / "seed" / f"{SEED}.txt")
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))["errors"]
    settings = Settings(languagetool_mode="off")
    engine = build_engine(settings)
    claims = [f for f in engine.check(doc.text).findings if f.severity is not Severity.INFO]
    return doc.text, gold, claims


def _overlaps(f: Finding, g: dict) -> bool:
    return f.start < g["end"] and g["start"] < f.end


def _applies(text: str, f: Finding, g: dict) -> bool:
    """Accepting the finding's first suggestion yields the gold correction around it
    (so a fix of the whole name "Fredrik Johansson" counts for "Johanssomn")."""
    if not f.suggestions:
        return False
    lo, hi = min(f.start, g["start"]), max(f.end, g["end"])
    got = text[lo : f.start] + f.suggestions[0] + text[f.end : hi]
    want = text[lo : g["start"]] + g["correct"] + text[g["end"] : hi]
    if g["correct"] == "":  # removals: white space around the leftover does not matter
        return "".join(got.split()) == "".join(want.split())
    return got == want


def test_every_gold_fault_is_caught_with_the_right_first_suggestion(seed) -> None:
    text, gold, claims = seed
    missed, wrong = [], []
    for g in gold:
        hits = [f for f in claims if _overlaps(f, g)]
        if not hits:
            missed.append(g["wrong"])
        elif not any(_applies(text, f, g) for f in hits):
            wrong.append((g["wrong"], [(f.text, f.suggestions[:1]) for f in hits]))
    assert missed == []
    assert wrong == []


def test_nothing_else_in_the_seed_is_claimed(seed) -> None:
    text, gold, claims = seed
    extra = [(f.text, f.rule) for f in claims if not any(_overlaps(f, g) for g in gold)]
    assert extra == []
