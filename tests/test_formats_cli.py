"""Bad input through the real command line: each unreadable draft gets one line on
stderr naming the file and the reason, the exit status is 2, and the readable
drafts given with it are still checked and reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from proofer.formats import MAX_BYTES

PROJECT = Path(__file__).resolve().parent.parent
DRAFTS = Path(__file__).parent / "fixtures" / "drafts"


def _run(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "proofer", "check", "--no-languagetool", "--format", "json",
         *map(str, files)],
        cwd=PROJECT, capture_output=True, text=True, timeout=120, env=os.environ.copy())


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name: (file, the reason its stderr line must give)."""
    big = tmp / "jätte.txt"
    with big.open("wb") as fh:  # sparse: 50 MB on paper, nothing read
        fh.truncate(50 * 1024 * 1024)
    directory = tmp / "mapp.txt"
    directory.mkdir()
    (tmp / "tom.docx").write_bytes(b"")
    (tmp / "binär.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (tmp / "trasig-utf8.txt").write_bytes(
        "Räksmörgås åt vi på måndag.".encode() + b"\xff\xfe" + b"Och sedan.")
    (tmp / "slump.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (tmp / "trasig.docx").write_bytes(b"PK\x03\x04 detta \xe4r inget zip-arkiv")
    with zipfile.ZipFile(tmp / "fel-innehall.docx", "w") as z:
        z.writestr("hej.txt", "inte Word")
    (tmp / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp / "gammal.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    (tmp / "tom-artikel.html").write_text("<html><body><nav>Meny</nav></body></html>")
    return {
        "missing": (tmp / "finns-inte.txt", "filen finns inte"),
        "directory": (directory, "är en katalog"),
        "device": (Path("/dev/null"), "är ingen vanlig fil"),
        "empty": (tmp / "tom.docx", "filen är tom"),
        "binary": (tmp / "binär.txt", "binärfil"),
        "bad utf-8": (tmp / "trasig-utf8.txt", "varken giltig UTF-8 eller läsbar som cp1252"),
        "noise": (tmp / "slump.txt", "varken giltig UTF-8"),
        "too big": (big, "för stor"),
        "corrupt docx": (tmp / "trasig.docx", "ingen giltig Word-fil"),
        "zip but not word": (tmp / "fel-innehall.docx", "ingen giltig Word-fil"),
        "unknown binary type": (tmp / "bild.png", "filtypen .png stöds inte"),
        "old word": (tmp / "gammal.doc", "spara som .docx"),
        "html without article text": (tmp / "tom-artikel.html", "innehåller ingen text"),
    }


def test_every_bad_input_is_one_line_naming_the_file_and_the_rest_is_checked(
        tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path)
    good = DRAFTS / "mojibake.txt"
    files = [good, *(path for path, _ in bad.values()), DRAFTS / "article.html"]
    result = _run(*files)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == len(bad), result.stderr
    for name, (path, reason) in bad.items():
        matching = [line for line in lines if line.startswith(f"proofer: {path}: ")]
        assert len(matching) == 1, (name, result.stderr)
        assert reason in matching[0], (name, matching[0])
    reported = json.loads(result.stdout)["files"]
    assert [f["path"] for f in reported] == [str(good), str(DRAFTS / "article.html")]
    assert reported[0]["findings"], "the readable file was still checked"


@pytest.mark.parametrize("name", [
    "missing", "directory", "empty", "binary", "bad utf-8", "too big", "corrupt docx",
    "unknown binary type"])
def test_single_bad_input_exits_2(tmp_path: Path, name: str) -> None:
    path, reason = _bad_inputs(tmp_path)[name]
    result = _run(path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert str(path) in result.stderr and reason in result.stderr
    assert json.loads(result.stdout)["files"] == []


@pytest.mark.parametrize("name,data", [("tom.txt", b""), ("blank.md", b"  \n\n \t\n"),
                                       ("bom.txt", b"\xef\xbb\xbf")])
def test_empty_plain_text_is_a_draft_without_findings(tmp_path: Path, name: str,
                                                      data: bytes) -> None:
    """The contract: an empty file is reported with no findings (exit 0), not refused."""
    path = tmp_path / name
    path.write_bytes(data)
    result = _run(path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    [report] = json.loads(result.stdout)["files"]
    assert report["findings"] == [] and report["words"] == 0


def test_guessed_encoding_is_a_note_not_a_failure(tmp_path: Path) -> None:
    result = _run(DRAFTS / "legacy-cp1252.txt")
    assert result.returncode in (0, 1)
    assert result.stderr.strip() == (
        f"proofer: {DRAFTS / 'legacy-cp1252.txt'}: teckenkodningen gissades: cp1252")
    doc = json.loads(result.stdout)["files"][0]
    assert doc["words"] > 10


def test_max_bytes_is_well_below_the_50_mb_case() -> None:
    assert MAX_BYTES < 50 * 1024 * 1024
