"""The start-up cache: a table is built once per change of its sources, and two
installations sharing one config folder do not throw each other's tables away."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from proofer import table_cache


def _loader(calls: list[str], label: str):
    def build() -> dict[str, str]:
        calls.append(label)
        return {"from": label}
    return build


def test_a_table_is_built_once_and_again_when_a_source_changes(tmp_path: Path) -> None:
    cache, source = tmp_path / "cache", tmp_path / "words.txt"
    source.write_text("a\n", encoding="utf-8")
    calls: list[str] = []
    for _ in range(3):
        table_cache.load_or_build("words", [source], _loader(calls, "one"), cache)
    assert calls == ["one"]
    source.write_text("a\nb\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # a different stat even within one clock tick
    assert table_cache.load_or_build("words", [source], _loader(calls, "two"), cache) \
        == {"from": "two"}
    assert calls == ["one", "two"]
    assert len(list(cache.glob("words-*.marshal"))) == 1  # the old version is gone


def test_two_installations_keep_a_table_each(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, second = tmp_path / "venv1" / "words.txt", tmp_path / "venv2" / "words.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text("a\n", encoding="utf-8")
    calls: list[str] = []
    for _ in range(3):  # as two checkouts' runs take turns
        table_cache.load_or_build("words", [first], _loader(calls, "first"), cache)
        table_cache.load_or_build("words", [second], _loader(calls, "second"), cache)
    assert calls == ["first", "second"]


def test_files_named_the_old_way_are_removed(tmp_path: Path) -> None:
    cache, source = tmp_path / "cache", tmp_path / "words.txt"
    cache.mkdir()
    source.write_text("a\n", encoding="utf-8")
    legacy = cache / "words-0123456789abcdef0123.marshal"
    legacy.write_bytes(b"old")
    table_cache.load_or_build("words", [source], lambda: {"a": 1}, cache)
    assert not legacy.exists()
    assert len(list(cache.glob("words-*.marshal"))) == 1


@dataclass(frozen=True, slots=True)
class _Plain:
    word: str
    parts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Derived:
    word: str
    upper: str = field(init=False, default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "upper", self.word.upper() + "!")


def test_stored_dataclasses_come_back_equal(tmp_path: Path) -> None:
    """Frozen dataclasses with slots are stored as calls of their class (or, when
    __init__ does more than set the fields, field by field): equal when read back,
    and a __post_init__ is not run a second time."""
    source = tmp_path / "regler.yaml"
    source.write_text("a\n", encoding="utf-8")
    value = [_Plain("hej", ("h", "ej")), _Plain("hej", ("h", "ej")), _Derived("nej"),
             {"inne": _Plain("x")}]
    built = table_cache.load_or_build("regler", [source], lambda: value, tmp_path,
                                      objects=True)
    read = table_cache.load_or_build("regler", [source], lambda: [], tmp_path,
                                     objects=True)
    assert read == built == value
    assert read[2].upper == "NEJ!"


def test_building_a_frequency_table_leaves_nothing_in_wordfreqs_caches() -> None:
    """wordfreq memoizes every list and dict it makes without a bound; the process
    that built our tables (the first after an install or upgrade) kept some 90 MB
    more than any other for its whole life. The config dir is a fresh one per test
    (conftest), so the table is built here, not read."""
    from wordfreq import get_frequency_dict, get_frequency_list

    table = table_cache.frequency_dict("sv", "small")
    assert table["och"] > 0.01
    assert get_frequency_dict.cache_info().currsize == 0
    assert get_frequency_list.cache_info().currsize == 0
