"""The word table must give exactly Hunspell's answers, or not be used at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer import word_table
from proofer.checkers.registry import build_engine
from proofer.cli import main
from proofer.frequency import swedish_words
from proofer.settings import Settings, config_dir
from proofer.speller import Speller
from proofer.tokens import words


def _subset(texts: list[str]) -> dict[str, float]:
    """The frequency list cut down to the lower-cased words of `texts` (a table of
    340,000 words takes seconds to build; one of a few hundred is enough here)."""
    listed = swedish_words()
    out = {}
    for text in texts:
        for tok in words(text):
            low = tok.text.lower()
            if low in listed:
                out[low] = listed[low]
    return out


@pytest.fixture
def seed_text(shared_dir: Path) -> str:
    paths = sorted((shared_dir / "seed").glob("*.txt"))
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


@pytest.fixture
def small_table(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> dict[str, float]:
    extra = "Filipinerna filipinerna Sverige sverige regeringen Regeringen hus Hus bilar"
    subset = _subset([seed_text, extra])
    monkeypatch.setattr(word_table, "swedish_words", lambda: subset)
    return subset


def test_table_answers_as_hunspell(small_table: dict[str, float], tmp_path: Path) -> None:
    built = word_table.build(tmp_path, workers=1)
    assert built is not None
    bare = Speller()
    table = word_table.load(tmp_path, bare.hunspell_knows)
    assert table is not None
    probes = list(small_table) + [w[:1].upper() + w[1:] for w in small_table] + [
        "Frderik", "Johanssomn", "xyzzy", "EU-kommissionen", "HUS"]
    covered = 0
    for w in probes:
        answer = table.answer(w)
        if answer is not None:
            covered += 1
            assert answer == bare.hunspell_knows(w), w
    assert covered >= len(small_table)  # every listed word, and most capitalised ones


def test_capitalised_flips_are_recorded(small_table: dict[str, float], tmp_path: Path) -> None:
    """Hunspell knows "filipinerna" but not "Filipinerna": the table must not
    conclude the capitalised answer from the lower-case one."""
    bare = Speller()
    if not (bare.hunspell_knows("filipinerna") and not bare.hunspell_knows("Filipinerna")):
        pytest.fail("the dictionary changed: pick another exception for this test")
    word_table.build(tmp_path, workers=1)
    table = word_table.load(tmp_path, bare.hunspell_knows)
    assert table is not None
    assert table.answer("filipinerna") is True
    assert table.answer("Filipinerna") is False
    assert table.answer("Regeringen") is True
    # ... nor the other way round: a name Hunspell knows only capitalised.
    assert bare.hunspell_knows("Sverige") and not bare.hunspell_knows("sverige")
    assert table.answer("sverige") is False
    assert table.answer("Sverige") is True


def test_stale_table_is_refused_and_removed(small_table: dict[str, float], tmp_path: Path) -> None:
    key = word_table.dictionary_key()
    assert key is not None
    path = word_table.table_path(tmp_path, key)
    # A table claiming Hunspell rejects every listed word: plainly not this dictionary's.
    word_table.write_table(path, sorted(small_table), [])
    assert word_table.load(tmp_path, Speller().hunspell_knows) is None
    assert not path.exists()


def test_missing_or_unreadable_table_is_no_table(tmp_path: Path) -> None:
    assert word_table.load(tmp_path, Speller().hunspell_knows) is None
    key = word_table.dictionary_key()
    assert key is not None
    word_table.table_path(tmp_path, key).write_bytes(b"\xff\xfe\x00broken")
    assert word_table.load(tmp_path, Speller().hunspell_knows) is None


def test_key_follows_the_dictionary_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(word_table, "_DICTIONARY_DIRS", (str(tmp_path),))
    monkeypatch.delenv("ENCHANT_CONFIG_DIR", raising=False)
    assert word_table.dictionary_key() is None  # no files: no table
    (tmp_path / "sv_SE.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (tmp_path / "sv_SE.dic").write_text("1\nhus\n", encoding="utf-8")
    first = word_table.dictionary_key()
    (tmp_path / "sv_SE.dic").write_text("2\nhus\nbil\n", encoding="utf-8")
    assert first is not None and word_table.dictionary_key() not in (None, first)


def test_findings_are_the_same_with_and_without_table(small_table: dict[str, float],
                                                      seed_text: str) -> None:
    settings = Settings(languagetool_mode="off")
    without = build_engine(settings)
    assert not next(c for c in without.checkers if c.name == "spelling").speller.has_table
    plain = without.check(seed_text).findings
    without.close()
    word_table.build(config_dir() / "cache", workers=1)
    with_table = build_engine(settings)
    assert next(c for c in with_table.checkers if c.name == "spelling").speller.has_table
    assert with_table.check(seed_text).findings == plain
    with_table.close()


def test_prepare_command_builds_once(small_table: dict[str, float],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prepare"]) == 0
    assert "byggd" in capsys.readouterr().err
    key = word_table.dictionary_key()
    assert key is not None and word_table.table_path(config_dir() / "cache", key).is_file()
    assert main(["prepare"]) == 0
    assert "aktuell" in capsys.readouterr().err


def test_app_start_prepares_a_missing_table_in_the_background(
        small_table: dict[str, float], monkeypatch: pytest.MonkeyPatch) -> None:
    """The app builds a missing table in another process (its own `prepare`), and
    does nothing when the table is there."""
    started: list[list[str]] = []

    class FakePopen:
        def __init__(self, cmd: list[str], **kwargs: object) -> None:
            started.append(cmd)

    monkeypatch.setattr(word_table.subprocess, "Popen", FakePopen)
    assert word_table.prepare_in_background() is not None
    assert started and started[0][1:] == ["-m", "proofer", "prepare", "--quiet"]
    word_table.build(config_dir() / "cache", workers=1)
    started.clear()
    assert word_table.prepare_in_background() is None
    assert not started


def test_prepare_reports_an_unwritable_cache(small_table: dict[str, float], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("en fil, ingen mapp", encoding="utf-8")
    monkeypatch.setenv("PROOFER_CONFIG_DIR", str(blocker))  # cache/ cannot be made here
    assert main(["prepare"]) == 2
    err = capsys.readouterr().err
    assert "ordtabellen kunde inte skrivas" in err and str(blocker) in err
    assert "Traceback" not in err


def test_key_follows_enchants_own_word_list(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    """A word the user added to enchant's list changes Hunspell's answers (enchant
    consults it), so the table must be built again."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    before = word_table.dictionary_key()
    (tmp_path / "enchant").mkdir()
    (tmp_path / "enchant" / "sv_SE.dic").write_text("redaktionsord\n", encoding="utf-8")
    assert before is not None and word_table.dictionary_key() not in (None, before)


def test_enchants_empty_word_lists_keep_the_key(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    """enchant writes empty personal lists the first time it opens sv_SE (during the
    first table build): the table built then must still be the one later runs find."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    before = word_table.dictionary_key()
    (tmp_path / "enchant").mkdir()
    for name in ("sv_SE.dic", "sv_SE.exc"):
        (tmp_path / "enchant" / name).write_bytes(b"")
    assert before is not None and word_table.dictionary_key() == before


def test_an_unchanged_dictionary_is_not_read_again(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    """The key of unchanged files comes from their stat; a change of a file's
    contents (with its stat) gives the key of the new contents."""
    monkeypatch.setattr(word_table, "_DICTIONARY_DIRS", (str(tmp_path),))
    monkeypatch.delenv("ENCHANT_CONFIG_DIR", raising=False)
    (tmp_path / "sv_SE.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (tmp_path / "sv_SE.dic").write_text("1\nhus\n", encoding="utf-8")
    first = word_table.dictionary_key()
    reads: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: reads.append(p.name) or real(p))
    assert word_table.dictionary_key() == first
    assert not {"sv_SE.dic", "sv_SE.aff"} & set(reads)  # only the cached key was read
    (tmp_path / "sv_SE.dic").write_text("2\nhus\nbil\n", encoding="utf-8")
    second = word_table.dictionary_key()
    assert "sv_SE.dic" in reads and second != first
    (tmp_path / "sv_SE.dic").write_text("1\nhus\n", encoding="utf-8")
    assert word_table.dictionary_key() == first  # the same contents, the same key


def test_a_verified_table_is_not_compared_again(small_table: dict[str, float],
                                                tmp_path: Path) -> None:
    word_table.build(tmp_path, workers=1)
    asked: list[str] = []
    speller = Speller()

    def check(word: str) -> bool:
        asked.append(word)
        return speller.hunspell_knows(word)

    word_table._loaded.clear()
    assert word_table.load(tmp_path, check) is not None
    assert asked  # a new table file: its sample is compared with Hunspell
    asked.clear()
    word_table._loaded.clear()  # as in a new process
    assert word_table.load(tmp_path, check) is not None
    assert asked == []
