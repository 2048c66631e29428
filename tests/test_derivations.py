"""The derivation data's own examples, on the real speller: each derived word is
recognised from its base, and each look-alike (a misspelt base, a wrong joint) is not."""

from __future__ import annotations

import pytest

from proofer.derivations import base_of, derivations
from proofer.speller import Speller

SPELLER = Speller()
pytestmark = pytest.mark.skipif(not SPELLER.available, reason="Hunspell sv_SE saknas")

RIGHT = [pytest.param(w, b, id=w) for d in derivations() for w, b in d.examples]
WRONG = [pytest.param(w, id=w) for d in derivations() for w in d.wrong]


@pytest.mark.parametrize(("word", "base"), RIGHT)
def test_a_regular_derivation_names_its_base(word: str, base: str) -> None:
    assert not SPELLER.check(word), f"{word} finns redan i ordlistan: välj ett annat exempel"
    found = base_of(word, SPELLER.check)
    assert found is not None and found[0] == base


@pytest.mark.parametrize("word", WRONG)
def test_a_misspelt_base_or_joint_is_no_derivation(word: str) -> None:
    assert base_of(word, SPELLER.check) is None


def test_every_derivation_has_examples_both_ways() -> None:
    for d in derivations():
        assert d.examples and d.wrong, d.name
