"""The speller asks Hunspell through a handle that keeps the interpreter lock
(speller._check_holding_the_interpreter): its answers must be pyenchant's own, for
every kind of word, and an error must come out as pyenchant raises it."""

from __future__ import annotations

from pathlib import Path

import enchant
import pytest

from proofer.speller import LANGUAGE, Speller, _check_holding_the_interpreter
from proofer.tokens import words

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


def _sample() -> list[str]:
    """The seed articles' words, as written, in lower case and capitalised, and
    each with a slip: names, compounds, rare forms and non-words."""
    out = {"hus", "huss", "Stockholm", "stockholm", "kvartersbutiksägare", "xqzt",
           "filipinerna", "Filipinerna", "T-shirt", "t-shirt", "SVT:s", "é", "ångström"}
    for path in sorted(SEED.glob("*.txt")):
        for tok in words(path.read_text(encoding="utf-8")):
            w = tok.text
            out.update((w, w.lower(), w[:1].upper() + w[1:], w + "x", w[1:]))
    return sorted(w for w in out if w)


def test_the_answers_are_pyenchants() -> None:
    d = enchant.Dict(LANGUAGE)
    check = _check_holding_the_interpreter(d)
    sample = _sample()
    assert len(sample) > 500
    assert [check(w) for w in sample] == [bool(d.check(w)) for w in sample]
    assert check("hus") and not check("huss")


def test_the_speller_answers_as_hunspell() -> None:
    speller = Speller()
    speller.use_table(None)  # every word to Hunspell
    d = enchant.Dict(LANGUAGE)
    sample = _sample()
    assert [speller.hunspell_knows(w) for w in sample] == [bool(d.check(w)) for w in sample]


def test_an_error_is_pyenchants() -> None:
    d = enchant.Dict(LANGUAGE)
    check = _check_holding_the_interpreter(d)
    d._free()  # pyenchant raises for a freed dictionary; so must we
    with pytest.raises(enchant.errors.Error):
        check("hus")
