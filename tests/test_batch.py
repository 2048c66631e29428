"""A batch is many single checks: each file's findings are those of checking it
alone, whatever came before it and however many workers shared the files, and the
output keeps the order of the input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from proofer.batch import check_files, expand_paths
from proofer.checkers.registry import build_engine
from proofer.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "proofer", "check", "--no-languagetool", "--format", "json",
         *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PROOFER_PROGRESS": "0"})


@pytest.fixture(scope="module")
def drafts(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Articles that share words and names (dev texts), and two that make the
    consistency checker speak only when read together: alone, each is consistent."""
    tmp = tmp_path_factory.mktemp("batch")
    texts = sorted((shared_dir / "eval" / "dev" / "injected").glob("*.txt"))[:6]
    out = []
    for i, src in enumerate(texts):
        p = tmp / f"{i:02d}-{src.name}"
        p.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        out.append(p)
    heavy = "Kommunstyrelsen i Vänersborg beslutade om budgeten. " * 4
    (tmp / "06-many.txt").write_text(heavy + "\n" + heavy + "\n", encoding="utf-8")
    (tmp / "07-once.txt").write_text(
        "Kommunstyrelsen i Vänersborg beslutade om budgeten.\n"
        "Kommunstyrelssen i Vänersborg väntar.\n", encoding="utf-8")
    out += [tmp / "06-many.txt", tmp / "07-once.txt"]
    return out


def _alone(path: Path) -> dict:
    proc = _cli("--jobs", "1", str(path))
    assert proc.returncode in (0, 1), proc.stderr
    [entry] = json.loads(proc.stdout)["files"]
    return entry


def test_a_batch_on_two_workers_equals_each_file_checked_alone(drafts: list[Path]) -> None:
    order = list(reversed(drafts))  # not the sorted order: the output must follow the input
    proc = _cli("--jobs", "2", *map(str, order))
    assert proc.returncode == 1, proc.stderr
    files = json.loads(proc.stdout)["files"]
    assert [f["path"] for f in files] == [str(p) for p in order]
    for entry, path in zip(files, order, strict=True):
        assert entry == _alone(path), path.name


def test_one_engine_for_many_files_forgets_each_file(drafts: list[Path]) -> None:
    """In one process, one engine: the later files do not inherit the earlier
    ones' word statistics (the consistency checker's state)."""
    settings = Settings(languagetool_mode="off")
    together = check_files([str(p) for p in drafts], settings, build_engine, jobs=1)
    for result, path in zip(together, drafts, strict=True):
        [alone] = check_files([str(path)], settings, build_engine, jobs=1)
        assert result.findings == alone.findings, path.name


def test_a_directory_is_every_draft_under_it_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.docx", "bild.png", ".dold/e.txt",
                 "sub/f.TXT"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    (tmp_path / "tom").mkdir()
    got = expand_paths([str(tmp_path), "enskild.txt", str(tmp_path / "tom")])
    assert got == [str(tmp_path / n) for n in ("a.md", "b.txt", "sub/c.html", "sub/d.docx",
                                               "sub/f.TXT")] + ["enskild.txt",
                                                                str(tmp_path / "tom")]


def test_a_directory_argument_is_checked_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Vi måste htita en lösning.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Regeringen presenterade budgeten i dag.\n",
                                   encoding="utf-8")
    proc = _cli(str(tmp_path))
    assert proc.returncode == 1, proc.stderr
    files = json.loads(proc.stdout)["files"]
    assert [f["path"] for f in files] == [str(tmp_path / "a.txt"), str(tmp_path / "b.md")]
    assert [f["suggestions"][0] for f in files[0]["findings"]] == ["hitta"]
    assert files[1]["findings"] == []


def test_jobs_below_one_is_bad_usage(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Hej.\n", encoding="utf-8")
    proc = _cli("--jobs", "0", str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert "--jobs" in proc.stderr


def test_a_folder_that_cannot_be_read_is_reported_not_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch over a folder must not take a subfolder it could not see into for one
    without errors: the folder is listed in its place and the reader says why (as
    root the permission cannot be taken away: the listing is refused instead)."""
    for name in ("a.txt", "låst/b.txt", "öppen/c.txt"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Regeringen presenterade budgeten i dag.\n", encoding="utf-8")
    locked = tmp_path / "låst"
    real_scandir = os.scandir

    def refused(path):  # noqa: ANN001, ANN202
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refused)
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != locked)
    got = expand_paths([str(tmp_path)])
    assert got == [str(tmp_path / "a.txt"), str(locked), str(tmp_path / "öppen/c.txt")]
    results = check_files(got, Settings(languagetool_mode="off"), build_engine, jobs=1)
    assert [r.failed for r in results] == [False, True, False]
    assert results[1].messages == [
        f"proofer: {locked}: är en katalog som inte kan läsas (saknar behörighet)"]


def test_a_folder_without_drafts_is_said_as_such(tmp_path: Path) -> None:
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    [result] = check_files(expand_paths([str(tmp_path)]), Settings(languagetool_mode="off"),
                           build_engine, jobs=1)
    assert result.failed and result.messages == [
        f"proofer: {tmp_path}: är en katalog utan utkast (.txt, .md, .html, .docx)"]
