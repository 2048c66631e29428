"""A claimed word with no correction of ours gets Hunspell's own suggestions
("huvedpersson" -> huvudperson), within a budget of slow look-ups per block of text,
so that a draft of nonsense words is not slowed by one Hunspell search each."""

from __future__ import annotations

import pytest

from proofer.checkers import spelling
from proofer.checkers.spelling import SpellingChecker
from proofer.engine import Engine
from proofer.speller import Speller


@pytest.fixture
def speller() -> Speller:
    return Speller([])


def test_a_word_several_edits_away_gets_hunspells_correction(speller: Speller) -> None:
    text = "Han är huvedpersson i boken."
    found = Engine([SpellingChecker(speller)]).check(text).findings
    assert [(f.text, f.suggestions[:1]) for f in found] == [("huvedpersson", ("huvudperson",))]


def test_hunspell_is_asked_at_most_the_budget_per_block(
        speller: Speller, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = speller.hunspell_suggest
    monkeypatch.setattr(speller, "hunspell_suggest", lambda w: asked.append(w) or real(w))
    nonsense = ["grötvsklmpa", "brfnkstvda", "plöktrvsnd", "kvrtsnöbla", "sfjrtlkvna",
                "mpjörskvta", "tlvrksnuba", "fnörkstvla"]
    text = "Han skrev " + " och ".join(nonsense) + " i texten."
    found = Engine([SpellingChecker(speller)]).check(text).findings
    assert [f.text for f in found] == nonsense  # every one still claimed
    assert len(asked) == spelling.HUNSPELL_SUGGESTS_PER_BLOCK


def test_an_answer_at_hand_costs_no_budget(speller: Speller,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling, "HUNSPELL_SUGGESTS_PER_BLOCK", 1)
    engine = Engine([SpellingChecker(speller)])
    engine.check("Han är huvedpersson i boken.")
    text = "Han är huvedpersson och finanserars i boken."
    found = {f.text: f.suggestions[:1] for f in engine.check(text).findings}
    assert found == {"huvedpersson": ("huvudperson",), "finanserars": ("finansieras",)}
