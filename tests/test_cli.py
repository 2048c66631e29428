"""`python -m proofer check` as the scorer and a copy desk's batch job see it:
through a subprocess, against shared/eval/CONTRACT.md."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed"
CATEGORIES = {"spelling", "grammar", "name", "title", "consistency", "style", "artifact"}
SEVERITIES = {"error", "warning", "info"}


def run(*args: str, env: dict[str, str] | None = None,
        **kwargs) -> subprocess.CompletedProcess[str]:
    if "stderr" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run(
        [sys.executable, "-m", "proofer", "check", *args], cwd=ROOT, text=True,
        timeout=300, env={**os.environ, **(env or {})}, **kwargs)


def seed_file() -> Path:
    return next(SEED.glob("*.txt"))


@pytest.fixture(scope="module")
def seed_json() -> dict:
    proc = run("--format", "json", "--no-languagetool", str(seed_file()))
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def test_json_follows_the_contract(seed_json: dict) -> None:
    assert seed_json["version"] == 1
    [entry] = seed_json["files"]
    assert set(entry) == {"path", "words", "engines", "findings"}
    assert entry["words"] > 500
    text = seed_file().read_text(encoding="utf-8").replace("\r\n", "\n")
    for f in entry["findings"]:
        assert set(f) == {"start", "end", "text", "category", "rule", "message",
                          "suggestions", "severity"}
        assert text[f["start"]:f["end"]] == f["text"]
        assert f["category"] in CATEGORIES and f["severity"] in SEVERITIES
        assert all(isinstance(s, str) for s in f["suggestions"])
    for status in entry["engines"].values():
        assert status in ("ok", "off") or status.startswith("unavailable: ")
    assert entry["engines"]["spelling"] == "ok"
    if "languagetool" in entry["engines"]:
        assert entry["engines"]["languagetool"] == "off"


@pytest.mark.parametrize(("wrong", "right"), [("Frderik", "Fredrik"),
                                              ("Johanssomn", "Johansson")])
def test_seed_misspelt_name_gets_the_right_first_suggestion(
        seed_json: dict, wrong: str, right: str) -> None:
    text = seed_file().read_text(encoding="utf-8")
    at = text.index(wrong)
    covering = [f for f in seed_json["files"][0]["findings"]
                if f["start"] <= at and at + len(wrong) <= f["end"] and f["suggestions"]]
    assert covering, f"nothing covers {wrong}"
    f = covering[0]
    fixed = text[:f["start"]] + f["suggestions"][0] + text[f["end"]:]
    assert fixed[at:at + len(right)] == right


def test_exit_code_0_for_a_clean_draft(tmp_path: Path) -> None:
    draft = tmp_path / "ren.txt"
    draft.write_text("Regeringen presenterade budgeten i dag.\n", encoding="utf-8")
    proc = run("--no-languagetool", str(draft))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_an_unreadable_file_does_not_stop_the_others(tmp_path: Path) -> None:
    draft = tmp_path / "utkast.txt"
    draft.write_text("Vi måste htita en lösning.\n", encoding="utf-8")
    missing = tmp_path / "saknas.txt"
    folder = tmp_path / "mapp.txt"
    folder.mkdir()
    proc = run("--format", "json", "--no-languagetool", str(missing), str(draft), str(folder))
    assert proc.returncode == 2
    out = json.loads(proc.stdout)
    assert [f["path"] for f in out["files"]] == [str(draft)]
    assert [f["suggestions"][0] for f in out["files"][0]["findings"]] == ["hitta"]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2
    assert str(missing) in lines[0] and str(folder) in lines[1]


def test_bad_usage_is_exit_code_2() -> None:
    assert run().returncode == 2
    assert run("--format", "xml", "x.txt").returncode == 2


def test_text_output_for_people(tmp_path: Path) -> None:
    draft = tmp_path / "utkast.txt"
    draft.write_text("Rubrik\nVi måste htita en lösning.\n", encoding="utf-8")
    proc = run("--no-languagetool", str(draft))
    assert proc.returncode == 1
    first = proc.stdout.splitlines()[0]
    assert re.fullmatch(rf"{re.escape(str(draft))}:2:10: stavning/fel: .*htita.* → hitta.*",
                        first), first
    summary = proc.stdout.splitlines()[-1]
    assert summary.startswith(f"{draft}: 1 fel")
    # The engines' states are for people too: Swedish, as in the app's status bar.
    assert "Stavning: ok" in summary and "LanguageTool: av" in summary, summary
    assert "spelling" not in summary and "languagetool" not in summary, summary


def _drafts(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        p = tmp_path / f"utkast{i}.txt"
        p.write_text("Regeringen presenterade budgeten i dag.\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        proc = run("--no-languagetool", *_drafts(tmp_path, 5), stderr=follower,
                   stdout=subprocess.PIPE,
                   env={"PROOFER_PROGRESS": ""})
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert proc.returncode == 0
    assert b"5/5" in seen and b"[" in seen


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    proc = run("--no-languagetool", *_drafts(tmp_path, 5), env={"PROOFER_PROGRESS": ""})
    assert proc.returncode == 0
    assert proc.stderr == ""
    forced = run("--no-languagetool", *_drafts(tmp_path, 5), env={"PROOFER_PROGRESS": "1"})
    assert "5/5" in forced.stderr


def test_a_reader_that_goes_away_is_no_internal_error(tmp_path: Path) -> None:
    """`proofer check … | head -1`: the closed pipe ends the run quietly (141, as a
    shell reports SIGPIPE), not with the internal-error line and exit 3."""
    draft = tmp_path / "utkast.txt"
    draft.write_text("Vi måste htita en lösning.\n" * 400, encoding="utf-8")
    read, write = os.pipe()
    os.close(read)  # nobody will read: the first write breaks the pipe
    proc = run("--no-languagetool", str(draft), stdout=write, stderr=subprocess.PIPE)
    os.close(write)
    assert proc.returncode == 141, proc.stderr
    assert "internt fel" not in proc.stderr


def test_a_check_does_not_build_the_other_commands() -> None:
    """`check` parses without the other modules' sub-commands (their imports are a
    tenth of a short check's start); every other command line still has them."""
    from proofer.cli import build_parser

    def commands(parser) -> set[str]:  # noqa: ANN001
        sub = next(a for a in parser._actions if a.dest == "command")
        return set(sub.choices)

    assert commands(build_parser("check")) == {"check", "prepare"}
    assert {"check", "prepare", "dict"} <= commands(build_parser())
    assert "dict" in commands(build_parser("dict"))


def test_ctrl_c_during_a_batch_with_workers_is_one_line_and_no_half_output(
        tmp_path: Path) -> None:
    """Ctrl+C reaches the whole process group, the workers too: the run ends with
    130 and "proofer: avbrutet", no worker's traceback, and no half a JSON document
    on stdout (a redirected `> ut.json` must not look like a result)."""
    import random
    import signal
    import time

    import psutil

    words = SEED.joinpath(seed_file().name).read_text(encoding="utf-8").split()
    rng = random.Random(time.time_ns())  # text no cache has seen
    for i in range(60):
        paragraphs = (" ".join(rng.choices(words, k=40)) + "." for _ in range(12))
        (tmp_path / f"utkast{i:02}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "proofer", "check", "--no-languagetool", "--jobs", "2",
         "--format", "json", str(tmp_path)], cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            workers = [c for c in psutil.Process(proc.pid).children()
                       if "python" in c.name()]
            if workers:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the batch ended before its workers started"
        time.sleep(1.0)  # the workers are checking paragraphs now
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert out == ""
    assert err.endswith("proofer: avbrutet\n") and "Traceback" not in err, err


def test_a_reader_that_goes_away_during_a_long_json_document(tmp_path: Path) -> None:
    """`proofer check --format json … | head -c 100`: a document larger than the pipe
    holds. Written at once, the write ended at what the pipe took, without an error,
    and the run exited 1 as if its whole output had been read."""
    draft = tmp_path / "utkast.txt"
    draft.write_text("Vi måste htita en lösning.\n" * 1500, encoding="utf-8")
    read, write = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-m", "proofer", "check", "--no-languagetool", "--format", "json",
         str(draft)], cwd=ROOT, stdout=write, stderr=subprocess.PIPE, text=True)
    os.close(write)
    first = os.read(read, 100)
    os.close(read)  # the reader goes away after the first bytes
    _, err = proc.communicate(timeout=300)
    assert first.startswith(b'{"version": 1')
    assert proc.returncode == 141, err
    assert "internt fel" not in err


def test_text_output_names_the_words_unless_the_message_shows_them_as_a_word() -> None:
    """"sa" stands inside "saknar": the line said nothing of which word was meant."""
    from proofer.cli import format_finding
    from proofer.document import Document
    from proofer.finding import Category, Finding, Severity

    doc = Document("Senare sa Per att det var bra.")
    short = Finding(7, 9, "sa", Category.GRAMMAR, "r", "Satsen saknar subjekt efter verbet.",
                    (), Severity.ERROR)
    assert format_finding("a.txt", doc, short).endswith("verbet. «sa»")
    named = Finding(0, 6, "Senare", Category.STYLE, "r", "Ordet Senare är ovanligt här.",
                    (), Severity.WARNING)
    assert format_finding("a.txt", doc, named).endswith("här.")


def test_a_file_name_with_a_newline_stays_on_its_line(tmp_path: Path) -> None:
    """Text output is one line per finding (file:line:column): a newline in a file
    name split it in two, and an escape character reached the terminal."""
    draft = tmp_path / "med\nny rad.txt"
    draft.write_text("Det var en bra dag.  Sedan gick hon hem.\n", encoding="utf-8")
    missing = tmp_path / "saknas\x1b[31m.txt"
    res = run("--no-languagetool", str(draft), str(missing))
    lines = res.stdout.splitlines()
    shown = str(tmp_path / "med\\nny rad.txt")
    assert lines and all(line.startswith(shown + ":") for line in lines), res.stdout
    assert res.stderr.splitlines() == [
        f"proofer: {tmp_path}/saknas\\x1b[31m.txt: filen finns inte"], res.stderr
    data = json.loads(run("--no-languagetool", "--format", "json", str(draft)).stdout)
    assert data["files"][0]["path"] == str(draft)  # JSON holds the name as it is
