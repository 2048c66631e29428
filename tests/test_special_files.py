"""Issue 13, item 10: `--dictionary` on a FIFO hung, and on /dev/zero read forever.
A dictionary, the settings and the personal word list are read only when they are
regular files of a sane size; anything else is refused with a Swedish reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from proofer.bounded_read import NotARegularFile, read_bytes
from proofer.names.loader import load_file
from proofer.settings import Settings, config_dir
from proofer.speller import read_word_list

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "rör.yaml"
    os.mkfifo(path)
    return path


def test_the_check_with_a_fifo_and_a_device_as_dictionaries_finishes(
        fifo: Path, tmp_path: Path) -> None:
    draft = tmp_path / "utkast.txt"
    draft.write_text("Hon kmmer hem.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "proofer", "check", "--no-languagetool", "--dictionary",
         str(fifo), "--dictionary", "/dev/zero", str(draft)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PROOFER_CONFIG_DIR": str(tmp_path / "cfg")})
    assert proc.returncode == 1, proc.stderr  # the draft's finding, checked
    assert f"{fifo}: är ingen vanlig fil" in proc.stderr
    assert "/dev/zero: är ingen vanlig fil" in proc.stderr


def test_load_file_refuses_special_and_oversized_files(
        fifo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for path in (fifo, Path("/dev/zero")):
        [problem] = load_file(path).problems
        assert "ingen vanlig fil" in problem.reason
    big = tmp_path / "stor.yaml"
    big.write_bytes(b"entries:\n" + b"#" * 4096)
    from proofer.names import loader

    monkeypatch.setattr(loader, "MAX_DICTIONARY_BYTES", 1024)
    [problem] = load_file(big).problems
    assert "för stor" in problem.reason


def test_settings_and_word_list_on_a_fifo(fifo: Path) -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    os.mkfifo(config_dir() / "settings.json")
    s = Settings.load()
    assert s.problems and "ingen vanlig fil" in s.problems[0]
    assert read_word_list(fifo) == []


def test_read_bytes_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hej")
    assert read_bytes(path, 3) == b"hej"
    with pytest.raises(NotARegularFile):
        read_bytes(path, 2)
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "saknas", 10)


def test_html_nested_thousands_deep_gets_a_swedish_reason(tmp_path: Path) -> None:
    """It was refused with Python's own RecursionError text."""
    from proofer.formats import LoadError, load_document

    path = tmp_path / "djup.html"
    n = 5_000
    path.write_text("<html><body><p>Hej.</p>" + "<div>" * n + "Djupt." + "</div>" * n
                    + "</body></html>", encoding="utf-8")
    with pytest.raises(LoadError) as exc:
        load_document(path)
    message = str(exc.value)
    assert "nästlad" in message and "djup.html" in message
    assert "Recursion" not in message and "recursion" not in message


@pytest.mark.parametrize("argv", [
    ["dict", "add", "Bo Ek", "--kind", "person", "--file", "{fifo}"],
    ["dict", "remove", "Bo Ek", "--file", "{fifo}"],
    ["dict", "import-csv", "{fifo}", "--file", "{tmp}/d.yaml"],
])
@pytest.mark.timeout(90)
def test_dict_commands_on_a_fifo_say_so_instead_of_waiting(
        fifo: Path, tmp_path: Path, argv: list[str]) -> None:
    """`dict add --file FIFO` and `dict import-csv FIFO` waited for a writer forever."""
    args = [a.format(fifo=fifo, tmp=tmp_path) for a in argv]
    proc = subprocess.run(
        [sys.executable, "-m", "proofer", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=60, env={**os.environ, "PROOFER_CONFIG_DIR": str(tmp_path / "cfg")})
    assert proc.returncode in (1, 2)
    assert f"{fifo}: är ingen vanlig fil (en namngiven rörledning) och läses inte" \
        in proc.stderr, proc.stderr
    assert not (tmp_path / "d.yaml").exists()


@pytest.mark.timeout(30)  # without the bounded read, each of these waits forever
def test_editing_files_on_a_fifo_is_refused(fifo: Path) -> None:
    """The app's dictionary editor, the proposals queue, the word list editor and
    "Lägg till i ordlistan" read through the same bounded read."""
    from proofer.formats.errors import LoadError
    from proofer.names.editing import DictionaryFile
    from proofer.names.model import EntryError
    from proofer.names.proposals import ProposalQueue
    from proofer.ui.entry_csv import read_csv_text
    from proofer.ui.words import _append_word
    from proofer.word_list_file import WordListFile

    with pytest.raises(EntryError, match="är ingen vanlig fil"):
        DictionaryFile.load(fifo)
    with pytest.raises(EntryError, match="förslagsfilen är ingen vanlig fil"):
        ProposalQueue(fifo).pending()
    for read in (WordListFile.load, lambda p: _append_word(p, "ord")):
        with pytest.raises(OSError, match="är ingen vanlig fil"):
            read(fifo)
    with pytest.raises(LoadError, match="är ingen vanlig fil"):
        read_csv_text(fifo)
