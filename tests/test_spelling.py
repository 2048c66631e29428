"""The spelling checker: its own examples, the seed article, the names contract,
the personal word list and the suggestion ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.checkers.registry import build_engine
from proofer.checkers.spelling import CORRECT, EXAMPLES, WARNED, SpellingChecker
from proofer.engine import Engine
from proofer.finding import Category, Severity
from proofer.settings import Settings
from proofer.speller import Speller, read_word_list
from proofer.suggestions import keyboard_distance, near_keys

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


def claims(checker: SpellingChecker, text: str):
    return [f for f in checker.check_paragraph(text) if f.severity is not Severity.INFO]


@pytest.mark.parametrize(("text", "wrong", "first"), EXAMPLES)
def test_wrong_examples_are_claimed_with_the_right_first_suggestion(
        speller: Speller, text: str, wrong: str, first: str) -> None:
    found = claims(SpellingChecker(speller), text)
    assert [f.text for f in found] == [wrong]
    f = found[0]
    assert text[f.start:f.end] == wrong
    assert f.category is Category.SPELLING
    assert f.suggestions[0] == first


@pytest.mark.parametrize(("text", "wrong"), WARNED)
def test_rare_words_without_evidence_are_claimed(
        speller: Speller, text: str, wrong: str) -> None:
    assert [f.text for f in claims(SpellingChecker(speller), text)] == [wrong]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_examples_make_no_claim(speller: Speller, text: str) -> None:
    assert claims(SpellingChecker(speller), text) == []


def test_seed_names_get_the_right_first_suggestion(speller: Speller) -> None:
    text = "Frderik Johanssomn, vd för Fabrisc, sade att exporten ökade."
    by_word = {f.text: f for f in SpellingChecker(speller).check_paragraph(text)}
    assert by_word["Frderik"].suggestions[0] == "Fredrik"
    assert by_word["Johanssomn"].suggestions[0] == "Johansson"


def test_no_ordinary_word_of_the_seed_is_claimed(speller: Speller) -> None:
    gold_wrong = {"Frderik", "Johanssomn", "utrikeshandelminister", "phonenumber"}
    text = next(SEED.glob("*.txt")).read_text(encoding="utf-8")
    checker = SpellingChecker(speller, names_handle_capitalised=True)
    claimed = {f.text for line in text.splitlines() for f in claims(checker, line)}
    assert claimed <= gold_wrong


def test_capitalised_words_mid_sentence_belong_to_the_name_checker(speller: Speller) -> None:
    text = "I går talade Zainali med pressen."
    alone = SpellingChecker(speller).check_paragraph(text)
    assert [(f.text, f.severity) for f in alone] == [("Zainali", Severity.INFO)]
    assert SpellingChecker(speller, names_handle_capitalised=True).check_paragraph(text) == []


def test_a_common_word_one_key_away_at_a_sentence_start_is_a_slip(speller: Speller) -> None:
    found = claims(SpellingChecker(speller), "Kmmer du i morgon?")
    assert [f.suggestions[0] for f in found] == ["Kommer"]


def test_an_unknown_capitalised_word_at_a_sentence_start_is_only_a_hint(
        speller: Speller) -> None:
    assert claims(SpellingChecker(speller), "Zainali kommer i morgon.") == []


def test_foreign_words_inside_swedish_stay_hints(speller: Speller) -> None:
    text = "Seminariet hette New thinking in school mathematics och var populärt."
    assert claims(SpellingChecker(speller), text) == []


def test_personal_words_are_honoured(tmp_path: Path) -> None:
    path = tmp_path / "ord.txt"
    path.write_text("# mina ord\nhtita\n\n", encoding="utf-8")
    engine = build_engine(Settings(personal_words=str(path), languagetool_mode="off"))
    assert not [f for f in engine.check("Vi måste htita en lösning.").findings
                if f.category is Category.SPELLING]
    assert read_word_list(tmp_path / "saknas.txt") == []


def test_words_added_at_runtime_take_effect_after_invalidate() -> None:
    speller = Speller()
    engine = Engine([SpellingChecker(speller)])
    text = "Vi måste htita en lösning."
    assert [f.text for f in engine.check(text).findings] == ["htita"]
    speller.add_words(["htita"])
    engine.invalidate()
    assert engine.check(text).findings == []


def test_keyboard_distance_prefers_neighbouring_keys() -> None:
    assert near_keys("n", "h") and not near_keys("r", "h")
    assert keyboard_distance("vänneh", "vännen") < keyboard_distance("vänneh", "vänner")
    assert keyboard_distance("kalades", "kallades") < keyboard_distance("kalades", "talades")
    assert keyboard_distance("htita", "hitta") < 1.0
    # A dropped letter is likelier than a neighbouring key: "bjd" is "bjöd", not "bud".
    assert keyboard_distance("bjd", "bjöd") < keyboard_distance("bjd", "bud")


def test_suggestions_are_cheap_to_repeat(speller: Speller) -> None:
    first = speller.suggest("partisyrelse")
    assert first[0] == "partistyrelse"
    assert speller.suggest("partisyrelse") == first


def test_the_speller_claims_nothing_about_an_empty_string() -> None:
    from proofer.speller import Speller

    speller = Speller()
    assert speller.check("") and speller.hunspell_knows("")


def test_a_word_remembered_as_judged_is_judged_again_when_the_speller_learns_a_part() -> None:
    """The per-word verdicts live as long as the speller knows the same words: a
    compound whose last part the user adds is a compound from then on."""
    speller = Speller()
    checker = SpellingChecker(speller)
    text = "Han köpte en bilxqzt i går."
    (before,) = [f for f in checker.check_paragraph(text) if f.text == "bilxqzt"]
    assert before.rule != "spelling.compound"
    speller.add_words(["xqzt"])
    (after,) = [f for f in checker.check_paragraph(text) if f.text == "bilxqzt"]
    assert after.rule == "spelling.compound"


def test_more_suggestions_asks_hunspell_only_where_ours_have_nothing() -> None:
    """Several edits away: our error model has no correction, Hunspell's search has
    the word meant (the app asks it for the finding a person opens)."""
    from proofer.speller import Speller

    sp = Speller([])
    assert sp.suggest("huvedpersson") == []
    assert sp.more_suggestions("huvedpersson")[0] == "huvudperson"
    assert sp.more_suggestions("Huvedpersson")[0] == "Huvudperson"
    assert sp.more_suggestions("altid") == sp.suggest("altid")  # ours kept


OTHER_SCRIPTS = [
    "Texten innehåller arabiska: مرحبا بالعالم och hebreiska: שלום עולם i mitten.",
    "Presidenten Volodymyr Zelenskyj (Володимир Зеленський) talade i går.",
    "Ordet ἀγάπη är grekiska, och 東京 är Tokyo.",
]


@pytest.mark.parametrize("text", OTHER_SCRIPTS)
def test_words_in_another_script_are_no_misspelling_nor_a_name_to_check(text: str) -> None:
    """"بالعالم" and "東京" were claimed as unknown Swedish words, "Зеленський" hinted
    as a name to check: no Swedish word list can judge another script's words."""
    engine = build_engine(Settings(languagetool_mode="off"))
    found = [(f.text, f.rule) for f in engine.check(text).findings
             if not f.text.isascii() and not any(c in "åäöÅÄÖ" for c in f.text)]
    assert found == []


def test_a_latin_word_with_a_foreign_letter_is_still_checked(speller: Speller) -> None:
    checker = SpellingChecker(speller)
    assert [f.text for f in claims(checker, "Hon åt en smörgåß i går.")] == ["smörgåß"]
