"""benchmarks/fuzz_soak.py can run again just the drafts that matter: given ones,
or the huge single paragraphs (the ones over the time limit), found without making
every draft."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fuzz_soak  # noqa: E402


def _args(**kw: object) -> argparse.Namespace:
    base = {"ids": None, "huge": False, "start": 0, "n": 300, "seed": 1}
    return argparse.Namespace(**{**base, **kw})


def test_huge_drafts_are_known_without_making_them() -> None:
    huge = fuzz_soak.chosen(_args(huge=True))
    assert huge and len(huge) < 60
    for i in range(300):
        shape = fuzz_soak.draft(1, i, 200)[1] if i in huge or i % 7 == 0 else None
        if shape is not None:
            assert (shape == "huge paragraph") == (i in huge), i


def test_given_drafts_or_a_range() -> None:
    assert fuzz_soak.chosen(_args(ids="8644, 11815,3537")) == [8644, 11815, 3537]
    assert fuzz_soak.chosen(_args(start=10, n=3)) == [10, 11, 12]
