"""The compiled store: inflections, the speller's word lookup, the pickle cache and
the fuzzy index."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.checkers.names import NameChecker
from proofer.checkers.registry import build_checkers
from proofer.checkers.spelling import SpellingChecker
from proofer.names.index import FuzzyIndex
from proofer.names.inflect import genitive, title_forms
from proofer.names.keyboard import slip_cost
from proofer.names.model import Entry
from proofer.names.store import NameStore
from proofer.settings import Settings
from proofer.speller import Speller


@pytest.mark.parametrize("title,forms", [
    ("utrikeshandelsminister", ["utrikeshandelsministern", "utrikeshandelsministrar",
                                "utrikeshandelsministrarna", "utrikeshandelsministerns"]),
    ("regionråd", ["regionrådet", "regionråden", "regionrådets"]),
    ("chef", ["chefen", "chefer", "cheferna", "chefens"]),
    ("talesman", ["talesmannen", "talesmän", "talesmännen"]),
    ("hemmatränare", ["hemmatränaren", "hemmatränarna"]),
    ("president", ["presidenten", "presidenter", "presidentens"]),
    ("professor", ["professorn", "professorer"]),
    ("drottning", ["drottningen", "drottningar"]),
    ("riksdagsledamot", ["riksdagsledamoten", "riksdagsledamöter", "riksdagsledamöterna"]),
    ("kommunstyrelsens ordförande", ["kommunstyrelsens ordföranden"]),
])
def test_title_inflections(title: str, forms: list[str]) -> None:
    generated = title_forms(title)
    assert generated[0] == title
    for f in forms:
        assert f in generated
    assert "presidentet" not in title_forms("president")


def test_genitive() -> None:
    assert genitive("Hallberg") == "Hallbergs"
    assert genitive("Jonas") == "Jonas"
    assert genitive("Marx") == "Marx"


def test_keyboard_slips_decide_ties() -> None:
    assert slip_cost("Hallbergz", "Hallbergs") < slip_cost("Hallbergz", "Hallberg")
    assert slip_cost("Beustg", "Beust") < slip_cost("Beustg", "Beusts")
    assert slip_cost("chfeen", "chefen") <= 0.5


def test_fuzzy_index_finds_near_words_and_not_far_ones() -> None:
    idx = FuzzyIndex(["johansson", "fredrik", "hallberg", "hallbergs"])
    assert idx.lookup("Johanssomn")[0] == ("johansson", 1)
    assert idx.lookup("Frderik")[0] == ("fredrik", 1)
    assert idx.lookup("Karlsson") == []
    assert idx.lookup("Hall") == []  # too short to stand alone


def test_store_knows_name_words_and_genitives_for_the_speller() -> None:
    store = NameStore([Entry("Bijan Zainali", "person"), Entry("regionråd", "title")])
    assert store.knows_word("Zainali") and store.knows_word("Zainalis")
    assert store.knows_word("regionrådet") and store.knows_word("Regionråden")
    assert not store.knows_word("zainali")  # a name is written with a capital
    assert not store.knows_word("Zainaly")


def test_the_speller_accepts_dictionary_names_once_the_checker_is_built() -> None:
    speller = Speller()
    store = NameStore([Entry("Bijan Zainali", "person")])
    assert not speller.check("Zainali")
    NameChecker(store, speller)
    assert speller.check("Zainali")


def test_warm_load_comes_from_the_cache_and_a_changed_file_is_reread(tmp_path: Path) -> None:
    d = tmp_path / "d.yaml"
    d.write_text("entries:\n  - name: Bo Ek\n    kind: person\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = NameStore.load([d], cache)
    assert len(list(cache.glob("names-*.pickle"))) == 1
    second = NameStore.load([d], cache)
    assert second is not first and [e.name for e in second.entries] == ["Bo Ek"]
    assert second.entries[0].origin == f"{d}:2"
    d.write_text("entries:\n  - name: Eva Lund\n    kind: person\n", encoding="utf-8")
    third = NameStore.load([d], cache)
    assert [e.name for e in third.entries] == ["Eva Lund"]


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    d = tmp_path / "d.yaml"
    d.write_text("entries:\n  - name: Bo Ek\n    kind: person\n", encoding="utf-8")
    NameStore.load([d], tmp_path)
    for p in tmp_path.glob("names-*.pickle"):
        p.write_bytes(b"not a pickle")
    assert [e.name for e in NameStore.load([d], tmp_path).entries] == ["Bo Ek"]


def test_registry_hands_capitalised_words_to_the_name_checker() -> None:
    checkers = build_checkers(Settings())
    spelling = next(c for c in checkers if isinstance(c, SpellingChecker))
    names = next(c for c in checkers if isinstance(c, NameChecker))
    assert spelling.names_handle_capitalised
    assert spelling.speller is names.speller and names.speller.check("Zainali")
    off = Settings(disabled_categories=["name"])
    assert not any(isinstance(c, NameChecker) for c in build_checkers(off))


def test_cached_candidate_strength_follows_what_the_speller_learns() -> None:
    """The name checker caches each word's candidate strength; a word the speller
    learns later (personal list) must stop being an unknown name at once."""
    speller = Speller()
    checker = NameChecker(NameStore([Entry("Bijan Zainali", "person")]), speller)
    text = "I går talade Qwzxyvik om saken."
    assert any(f.rule == "names.unknown" for f in checker.check_paragraph(text))
    speller.add_words(["Qwzxyvik"])
    assert not any(f.rule == "names.unknown" for f in checker.check_paragraph(text))
    checker.invalidate()
    assert not checker._strengths


def test_two_edit_lookup_finds_slips_at_both_ends_of_a_word() -> None:
    """Neither the first two nor the last two letters survive "Hlalengrn": the
    (first letter, length) buckets still hold "hallengren"; one edit does not."""
    index = FuzzyIndex(["Hallengren", "Hallberg", "Lindström"])
    assert ("hallengren", 2) in index.lookup("Hlalengrn", k=2)
    assert index.lookup("Hlalengrn", k=1) == []
