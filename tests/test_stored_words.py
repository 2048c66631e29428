"""A stored word table answers exactly as the dict (or set) it was made from,
before and after it loads the whole, and loads the whole only when asked enough."""

from __future__ import annotations

import mmap

import pytest

from proofer import stored_words, table_cache
from proofer.stored_words import StoredWords, store

TABLE = {"hej": 1.0, "Hej": 2.0, "ärlig": 3.5, "é": 4.0, "": 5.0, "x y": 6.0,
         "hus": 1.5, "husen": 2.5, "hej12": 0.5, "1": 7.0, "12": 8.0, "😀": 1.0}
ASKED = [*TABLE, "saknas", "ä", "he", "heja", "hejj", "11", "2", "husn", "\ud800", "e\u0301"]


@pytest.mark.parametrize("lookups", [10**9, 5, 0])
def test_a_stored_table_answers_as_the_dict(lookups: int) -> None:
    table = StoredWords(store(TABLE), lookups=lookups)
    assert len(table) == len(TABLE)
    for word in ASKED:
        assert table.get(word, -1.0) == TABLE.get(word, -1.0), word
        assert (word in table) == (word in TABLE), word
        assert (word in table.keys()) == (word in TABLE), word
        if word in TABLE:
            assert table[word] == TABLE[word]
        else:
            with pytest.raises(KeyError):
                table[word]
    assert set(ASKED) & table.keys() == set(ASKED) & TABLE.keys()
    assert table.keys() & set(ASKED) == set(ASKED) & TABLE.keys()
    assert {1, "hej"} & table.keys() == {"hej"}  # anything not a word is not in it
    assert dict(table.items()) == TABLE and len(table) == len(TABLE)
    assert table.whole == TABLE  # iterating loaded the whole


def test_past_its_look_ups_the_table_loads_the_whole_once() -> None:
    loads: list[int] = []

    def whole() -> dict[str, float]:
        loads.append(1)
        return dict(TABLE)

    table = StoredWords(store(TABLE), whole, lookups=3)
    for word in ("hej", "hus", "ärlig"):
        assert word in table
    assert table.whole is None and not loads
    assert "husen" in table and "nej" not in table
    assert loads == [1] and table.whole == TABLE
    assert table.get("x y") == 6.0 and {"hej", "nej"} & table.keys() == {"hej"}
    assert loads == [1]


def test_a_long_question_counts_its_words() -> None:
    table = StoredWords(store(TABLE), lookups=10)
    assert {"hej", "nej", "hus"} & table.keys() == {"hej", "hus"} and table.whole is None
    assert set(ASKED) & table.keys() == set(ASKED) & TABLE.keys()
    assert table.whole == TABLE


@pytest.mark.parametrize("lookups", [10**9, 0])
def test_a_stored_set_answers_as_the_set(lookups: int) -> None:
    words = frozenset(TABLE)
    table = StoredWords(store(words), lookups=lookups)
    for word in ASKED:
        assert (word in table) == (word in words), word
    assert set(ASKED) & table.keys() == set(ASKED) & words
    assert table.load() == words
    assert set(ASKED) & table.keys() == set(ASKED) & words


def test_a_table_cut_short_or_of_another_format_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    stored = store(TABLE)
    with pytest.raises(ValueError):
        StoredWords(stored[:-3])
    monkeypatch.setattr(stored_words, "FORMAT", stored_words.FORMAT + 1)
    with pytest.raises(ValueError):
        StoredWords(stored)


def test_the_cache_maps_the_stored_file_and_rebuilds_a_bad_one(tmp_path) -> None:
    source = tmp_path / "ord.txt"
    source.write_text("hej\n", encoding="utf-8")
    builds: list[int] = []

    def build() -> bytes:
        builds.append(1)
        return store(TABLE)

    first = table_cache.load_or_build_mapped("ord", [source], build, StoredWords, tmp_path)
    again = table_cache.load_or_build_mapped("ord", [source], build, StoredWords, tmp_path)
    assert builds == [1] and isinstance(again._stored, mmap.mmap)
    assert dict(first.items()) == dict(again.items()) == TABLE
    (stored,) = tmp_path.glob("ord-*.bin")
    stored.write_bytes(stored.read_bytes()[:100])  # a file cut short: built again
    assert dict(table_cache.load_or_build_mapped("ord", [source], build, StoredWords,
                                                 tmp_path).items()) == TABLE
    assert builds == [1, 1]


def test_many_distinct_values_are_kept_exactly() -> None:
    table = {f"w{i}": i / 7 for i in range(70_000)}  # more values than 16 bits hold
    stored = StoredWords(store(table))
    assert all(stored[w] == v for w, v in list(table.items())[::997])
