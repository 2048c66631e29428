"""Issue 13, item 2: a dictionary name without a word in it ("3M", "2024", "#metoo",
"–") broke every check with an IndexError while the names were compiled, and
`dict add` / `dict validate` accepted it."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.checkers.registry import build_engine
from proofer.cli import main
from proofer.names.loader import load_file
from proofer.names.model import Entry, EntryError
from proofer.names.store import NameStore
from proofer.settings import Settings

ODD_BUT_REAL = ["3M", "#metoo", "H&M", "Anna-Lena 2"]
NO_LETTER = ["2024", "–", "#123", "...", "1 000"]


@pytest.mark.parametrize("name", NO_LETTER)
def test_a_name_without_a_letter_is_refused_with_a_reason(name: str) -> None:
    with pytest.raises(EntryError, match="ingen bokstav"):
        Entry(name, "organization").validate()


@pytest.mark.parametrize("name", ODD_BUT_REAL)
def test_names_with_a_letter_are_accepted(name: str) -> None:
    Entry(name, "organization").validate()


def test_an_alias_or_wrong_form_without_a_letter_is_refused() -> None:
    with pytest.raises(EntryError, match="'–'"):
        Entry("Bo Ek", "person", aliases=("–",)).validate()
    with pytest.raises(EntryError, match="'2024'"):
        Entry("Bo Ek", "person", wrong=("2024",)).validate()


def test_the_store_compiles_names_the_tokenizer_reads_as_no_word() -> None:
    """Built directly (as a cache or an older file may hold them): no IndexError."""
    entries = [Entry(n, "organization") for n in ODD_BUT_REAL + NO_LETTER]
    entries.append(Entry("Anna Hallberg", "person", aliases=("–", "2024")))
    store = NameStore(entries)
    assert store.find("Anna Hallberg") is not None
    assert store.knows_word("Hallberg")


def _dictionary(tmp_path: Path) -> Path:
    path = tmp_path / "namn.yaml"
    path.write_text(
        "entries:\n"
        "  - name: 3M\n    kind: organization\n"
        "  - name: '2024'\n    kind: organization\n"
        "  - name: '#metoo'\n    kind: term\n"
        "  - name: –\n    kind: term\n"
        "  - name: Sara Nyberg\n    kind: person\n",
        encoding="utf-8")
    return path


def test_a_bad_entry_in_a_file_is_refused_by_line_and_the_rest_loads(tmp_path: Path) -> None:
    path = _dictionary(tmp_path)
    result = load_file(path)
    assert [e.name for e in result.entries] == ["3M", "#metoo", "Sara Nyberg"]
    assert [(p.path, p.line) for p in result.problems] == [(str(path), 4), (str(path), 8)]
    assert all("ingen bokstav" in p.reason for p in result.problems)


def test_a_check_with_such_a_dictionary_still_finds_names(tmp_path: Path) -> None:
    settings = Settings()
    settings.languagetool_mode = "off"
    settings.extra_dictionaries = [str(_dictionary(tmp_path))]
    engine = build_engine(settings)
    text = "Sara Nyberg och 3M stöder #metoo. I går sa Sara Nybreg att det är 2024."
    report = engine.check(text)
    assert report.engines["names"] == "ok"
    assert any(f.text == "Nybreg" or "Nybreg" in f.text for f in report.findings)


def test_dict_add_refuses_a_name_without_a_letter(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("entries:\n  - name: Bo Ek\n    kind: person\n", encoding="utf-8")
    assert main(["dict", "add", "2024", "--kind", "organization", "--file", str(path)]) != 0
    assert "ingen bokstav" in capsys.readouterr().err
    assert [e.name for e in load_file(path).entries] == ["Bo Ek"]
    assert main(["dict", "add", "3M", "--kind", "organization", "--file", str(path)]) == 0


def test_dict_validate_names_the_bad_entry(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = _dictionary(tmp_path)
    assert main(["dict", "validate", str(path)]) != 0
    out = capsys.readouterr().out
    assert f"{path}:4: " in out and f"{path}:8: " in out


@pytest.mark.parametrize("titles", ["5", "[5]", "[kommunalråd, 2024]", "1.5"])
def test_a_number_for_the_titles_is_reported_by_line_and_the_rest_loads(
        tmp_path: Path, titles: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`titles: 5` was read as a title "5" without a word about it."""
    path = tmp_path / "namn.yaml"
    path.write_text("entries:\n"
                    "  - name: Sara Nyberg\n    kind: person\n    titles: [kommunalråd]\n"
                    f"  - name: Anna Hallberg\n    kind: person\n    titles: {titles}\n"
                    "  - name: Bo Ek\n    kind: person\n", encoding="utf-8")
    result = load_file(path)
    assert [e.name for e in result.entries] == ["Sara Nyberg", "Bo Ek"]
    assert [(p.path, p.line) for p in result.problems] == [(str(path), 5)]
    assert "'titles' ska vara en lista med titlar" in result.problems[0].reason
    assert main(["dict", "validate", str(path)]) == 1
    assert f"{path}:5: titeln" in capsys.readouterr().out


def test_dict_add_refuses_a_title_without_a_letter(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    assert main(["dict", "add", "Bo Ek", "--kind", "person", "--title", "5",
                 "--file", str(path)]) == 2
    assert not path.exists()


def test_a_dictionary_folder_without_dictionaries_is_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder given as a dictionary whose files end in .yml (only *.yaml is read)
    or that holds none: its names went unchecked without a word."""
    shared = tmp_path / "delad"
    shared.mkdir()
    (shared / "namn.yml").write_text("entries:\n  - name: Bo Ek\n    kind: person\n",
                                     encoding="utf-8")
    empty = tmp_path / "tom"
    empty.mkdir()
    settings = Settings()
    settings.languagetool_mode = "off"
    settings.dictionary_paths = [str(shared)]
    settings.extra_dictionaries = [str(empty)]
    engine = build_engine(settings)
    names = next(c for c in engine.checkers if c.name == "names")
    said = [str(p) for p in names.store.problems]
    assert f"{shared}: är en mapp utan namnordlistor (*.yaml) (namn.yml läses inte: byt " \
           "ändelsen till .yaml); inga namn lästes därifrån" in said
    assert f"{empty}: är en mapp utan namnordlistor (*.yaml); inga namn lästes därifrån" in said
    assert f"proofer: namnordlista: {empty}: är en mapp utan" in capsys.readouterr().err
    settings.dictionary_paths = [str(empty)]  # a shared folder with no lists yet
    settings.extra_dictionaries = []
    names = next(c for c in build_engine(settings).checkers if c.name == "names")
    assert names.store.problems == []
