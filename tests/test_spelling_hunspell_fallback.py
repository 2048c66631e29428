"""A claimed word with no correction of ours gets Hunspell's own suggestions
("huvedpersson" -> huvudperson), within a budget of slow look-ups per block of text,
so that a draft of nonsense words is not slowed by one Hunspell search each. In a
long block the searches run on a thread of their own and their answers are put in
at the end of the block (SpellingChecker.refine): the tests run both ways."""

from __future__ import annotations

import pytest

from proofer import speller as speller_module
from proofer.checkers import spelling
from proofer.checkers.spelling import SpellingChecker
from proofer.engine import Engine
from proofer.speller import Speller

NONSENSE = ["grötvsklmpa", "brfnkstvda", "plöktrvsnd", "kvrtsnöbla", "sfjrtlkvna",
            "mpjörskvta", "tlvrksnuba", "fnörkstvla"]


@pytest.fixture(params=["in the pass", "in the background"])
def background(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Both ways of asking: a short text's (in the spelling pass) and, with the
    threshold at 0, a long block's (beside the other checkers)."""
    if request.param == "in the background":
        monkeypatch.setattr(spelling, "BACKGROUND_SEARCH_CHARS", 0)
        return True
    return False


@pytest.fixture
def speller(background: bool) -> Speller:
    return Speller([])


def _count_searches(speller: Speller, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The words Hunspell's suggest is asked about, on this thread or the search thread."""
    asked: list[str] = []
    real = speller.hunspell_suggest
    monkeypatch.setattr(speller, "hunspell_suggest", lambda w: asked.append(w) or real(w))
    real_background = speller_module._background_suggest
    monkeypatch.setattr(speller_module, "_background_suggest",
                        lambda lang, w: asked.append(w) or real_background(lang, w))
    return asked


def test_a_word_several_edits_away_gets_hunspells_correction(speller: Speller) -> None:
    text = "Han är huvedpersson i boken."
    found = Engine([SpellingChecker(speller)]).check(text).findings
    assert [(f.text, f.suggestions[:1]) for f in found] == [("huvedpersson", ("huvudperson",))]


def test_hunspell_is_asked_at_most_the_budget_per_block(
        speller: Speller, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _count_searches(speller, monkeypatch)
    text = "Han skrev " + " och ".join(NONSENSE) + " i texten."
    found = Engine([SpellingChecker(speller)]).check(text).findings
    assert [f.text for f in found] == NONSENSE  # every one still claimed
    assert len(asked) == spelling.HUNSPELL_SUGGESTS_PER_BLOCK


def test_an_answer_at_hand_costs_no_budget(speller: Speller,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling, "HUNSPELL_SUGGESTS_PER_BLOCK", 1)
    engine = Engine([SpellingChecker(speller)])
    engine.check("Han är huvedpersson i boken.")
    text = "Han är huvedpersson och finanserars i boken."
    found = {f.text: f.suggestions[:1] for f in engine.check(text).findings}
    assert found == {"huvedpersson": ("huvudperson",), "finanserars": ("finansieras",)}


def test_a_long_blocks_searches_run_on_the_search_thread(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spelling, "BACKGROUND_SEARCH_CHARS", 0)
    speller = Speller([])
    asked = _count_searches(speller, monkeypatch)
    found = Engine([SpellingChecker(speller)]).check("Han är huvedpersson i boken.").findings
    assert [(f.text, f.suggestions[:1]) for f in found] == [("huvedpersson", ("huvudperson",))]
    assert asked == ["huvedpersson"]  # once, through _background_suggest only


def test_a_short_text_asks_in_its_spelling_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    speller = Speller([])
    monkeypatch.setattr(speller_module, "_background_suggest",
                        lambda lang, w: pytest.fail("a short text searched in the background"))
    found = Engine([SpellingChecker(speller)]).check("Han är huvedpersson i boken.").findings
    assert found[0].suggestions[:1] == ("huvudperson",)


def test_both_ways_give_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Han är huvedpersson i boken och skrev " + " och ".join(NONSENSE[:4])
            + ".\nDet var finanserars sak, sa " + NONSENSE[4] + " huvedpersson.")
    plain = Engine([SpellingChecker(Speller([]))]).check(text).findings
    monkeypatch.setattr(spelling, "BACKGROUND_SEARCH_CHARS", 0)
    background = Engine([SpellingChecker(Speller([]))]).check(text).findings
    assert background == plain
    assert any(f.suggestions for f in plain if f.text == "huvedpersson")


def test_a_check_without_the_refinement_leaves_the_answer_for_the_next(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's fast first pass skips the grammar, and with it the refinement: the
    finding comes without Hunspell's suggestions, and the full check after it (the
    paragraph's plain findings cached) has them."""
    monkeypatch.setattr(spelling, "BACKGROUND_SEARCH_CHARS", 0)
    engine = Engine([SpellingChecker(Speller([]))])
    text = "Han är huvedpersson i boken."
    (fast,) = engine.check(text, skip=frozenset({"grammar_rules"})).findings
    assert fast.suggestions == ()
    (full,) = engine.check(text).findings
    assert full.suggestions[:1] == ("huvudperson",)


def test_the_paragraphs_that_waited_are_not_kept_as_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """What the checker remembers of a paragraph whose finding waited for a search
    holds no text: a fuzzed draft's 300 kB paragraph must not outlive the engine's
    bounded caches here (issue 13)."""
    monkeypatch.setattr(spelling, "BACKGROUND_SEARCH_CHARS", 0)
    checker = SpellingChecker(Speller([]))
    Engine([checker]).check("Han är huvedpersson i boken.")
    assert checker._awaiting  # the finding waited
    for key in checker._awaiting:
        parts = key if isinstance(key, tuple) else (key,)
        assert not any(isinstance(part, str) for part in parts)
