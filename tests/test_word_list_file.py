"""The personal word list edited in place: comments kept, checked, refused on conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.speller import read_word_list
from proofer.word_list_file import ChangedOnDisk, WordListError, WordListFile


def test_add_remove_keep_comments(tmp_path: Path) -> None:
    path = tmp_path / "ord.txt"
    path.write_text("# mina ord\nregionråd\nexportturné\n", encoding="utf-8")
    path.chmod(0o644)
    f = WordListFile.load(path)
    assert f.words == ["regionråd", "exportturné"]
    f.add("Fabrics")
    f.remove("regionråd")
    f.save()
    assert path.read_text(encoding="utf-8") == "# mina ord\nexportturné\nFabrics\n"
    assert read_word_list(path) == ["exportturné", "Fabrics"]
    assert (tmp_path / "ord.txt.bak").exists()


@pytest.mark.parametrize(("word", "why"), [("", "tomt"), ("två ord", "flera ord"),
                                           ("#tagg", "kommentar"), ("exportturné", "redan")])
def test_bad_words_are_refused_with_a_reason(tmp_path: Path, word: str, why: str) -> None:
    path = tmp_path / "ord.txt"
    path.write_text("exportturné\n", encoding="utf-8")
    with pytest.raises(WordListError, match=why):
        WordListFile.load(path).add(word)


def test_a_change_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "ord.txt"
    f = WordListFile.load(path)  # does not exist yet
    f.add("regionråd")
    path.write_text("exportturné\n", encoding="utf-8")  # another window added a word
    with pytest.raises(ChangedOnDisk):
        f.save()
    assert path.read_text(encoding="utf-8") == "exportturné\n"


def test_a_list_saved_in_the_windows_encoding_is_read_and_saved_as_utf8(
        tmp_path: Path) -> None:
    """Notepad's "ANSI" is cp1252: read as UTF-8 with replacement characters the
    words with åäö were words nobody writes, and the editor could not open the list."""
    path = tmp_path / "ord.txt"
    path.write_bytes("# mina ord\r\nräksmörgås\r\nexportturné\r\n".encode("cp1252"))
    assert read_word_list(path) == ["räksmörgås", "exportturné"]
    f = WordListFile.load(path)
    assert f.words == ["räksmörgås", "exportturné"]
    f.add("Fabrics")
    f.save()
    assert path.read_text(encoding="utf-8") == "# mina ord\nräksmörgås\nexportturné\nFabrics\n"


def test_a_word_added_from_the_menu_to_a_windows_encoded_list(tmp_path: Path) -> None:
    from proofer.ui.words import _append_word

    path = tmp_path / "ord.txt"
    path.write_bytes("räksmörgås\n".encode("cp1252"))
    _append_word(path, "Fabrics")
    assert read_word_list(path) == ["räksmörgås", "Fabrics"]
    path.write_bytes(b"\xef\xbb\xbfexportturn\xc3\xa9\n")  # a byte order mark
    assert read_word_list(path) == ["exportturné"]
