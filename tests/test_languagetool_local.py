"""Local mode: finding Java and LanguageTool, starting and stopping the server.

The "java" here is a script that starts the fake server (or fails like an old Java
would), so the whole start-up path runs without Java or LanguageTool installed.
"""

from __future__ import annotations

import os
import socket
import stat
import sys
import time
from pathlib import Path

import pytest

from proofer.checkers.languagetool import LanguageToolChecker
from proofer.document import split_paragraphs
from proofer.languagetool import local
from proofer.languagetool.local import find_install, find_jar
from proofer.languagetool.service import LanguageToolService

FAKE_SERVER = Path(__file__).parent / "fixtures" / "languagetool" / "fake_server.py"


def _script(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture(autouse=True)
def _short_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    """Servers whose last user let go stop after 0.1 s here (15 s in the app)."""
    monkeypatch.setattr(local, "RELEASE_GRACE", 0.1)


@pytest.fixture
def no_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    empty = tmp_path / "bin-without-java"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    return empty


@pytest.fixture
def jar_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "LanguageTool-6.6"
    folder.mkdir()
    (folder / "languagetool-server.jar").write_bytes(b"PK")
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(folder))
    return folder


def _local(**kw: float) -> LanguageToolChecker:
    return LanguageToolChecker(LanguageToolService("local", **kw), None, startup_wait=20.0)


def _check(checker: LanguageToolChecker, text: str) -> list:
    return checker.check_document(text, split_paragraphs(text))


def test_missing_java_is_a_clear_status_at_once(no_java: Path, jar_dir: Path) -> None:
    checker = _local()
    t0 = time.monotonic()
    assert _check(checker, "Det var ett mörk kväll.") == []
    assert time.monotonic() - t0 < 0.5
    assert checker.status().startswith("unavailable: Java saknas (hittades inte i PATH)")


def test_missing_java_and_languagetool_says_both(no_java: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing-here"))
    assert _local().status().startswith("unavailable: Java saknas och LanguageTool är inte "
                                        "installerat")


def test_an_empty_jar_dir_is_a_clear_status_at_once(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _script(tmp_path / "bin", "java", "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(empty))
    checker = _local()
    t0 = time.monotonic()
    assert _check(checker, "Det var ett mörk kväll.") == []
    assert time.monotonic() - t0 < 0.5
    assert checker.status() == (f"unavailable: ingen languagetool-server.jar i {empty} "
                                "(LTP_JAR_DIR_PATH)")


def test_no_download_is_attempted_when_languagetool_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _script(tmp_path / "bin", "java", "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    download = tmp_path / "ltp-download"
    monkeypatch.setenv("LTP_PATH", str(download))
    status = _local().status()
    assert status.startswith("unavailable: LanguageTool är inte installerat")
    assert str(download) in status
    assert not download.exists()  # not even the folder is created


def test_the_newest_downloaded_version_is_used(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    for version in ("6.9", "6.10", "6.5"):
        (tmp_path / f"LanguageTool-{version}").mkdir()
        (tmp_path / f"LanguageTool-{version}" / "languagetool-server.jar").write_bytes(b"PK")
    (tmp_path / "LanguageTool-7.0").mkdir()  # an unpacked folder without a jar
    assert find_jar() == tmp_path / "LanguageTool-6.10" / "languagetool-server.jar"


def test_a_local_server_starts_answers_and_stops(tmp_path: Path, jar_dir: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # "java -cp JAR org.languagetool.server.HTTPServer --port N" starts the fake server.
    _script(tmp_path / "bin", "java", f'exec "{sys.executable}" "{FAKE_SERVER}" "$@"')
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    install = find_install()
    assert not isinstance(install, str) and install.jar == jar_dir / "languagetool-server.jar"
    checker = _local()
    assert checker.status() == "unavailable: LanguageTool startar fortfarande"
    found = _check(checker, "Det var 😀 ett mörk kväll.")
    assert [f.text for f in found] == ["ett mörk kväll"]
    assert checker.status() == "ok"
    server = checker.service._server
    assert server is not None
    command = server.command()
    assert command[1:4] == ["-cp", str(jar_dir / "languagetool-server.jar"),
                            "org.languagetool.server.HTTPServer"]
    assert "--public" not in command
    port = server.port
    checker.close()
    assert checker.status() == "off"
    time.sleep(0.5)
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_a_java_that_cannot_run_languagetool_says_why(tmp_path: Path, jar_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _script(tmp_path / "bin", "java",
            'echo "Error: LinkageError occurred while loading main class '
            'org.languagetool.server.HTTPServer" >&2\n'
            'echo "java.lang.UnsupportedClassVersionError: class file version 61.0" >&2\n'
            "exit 1")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    checker = _local()
    t0 = time.monotonic()
    assert _check(checker, "Det var ett mörk kväll.") == []
    assert time.monotonic() - t0 < 5
    status = checker.status()
    assert status.startswith("unavailable: LanguageTool-servern avslutades direkt (kod 1)")
    assert "UnsupportedClassVersionError" in status


def test_a_server_that_never_answers_gives_up_after_the_start_timeout(
        tmp_path: Path, jar_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _script(tmp_path / "bin", "java", "exec sleep 30")
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + os.pathsep + "/bin" + os.pathsep
                       + "/usr/bin")
    checker = _local(startup_timeout=1.0)
    assert _check(checker, "Det var ett mörk kväll.") == []
    assert checker.status() == "unavailable: LanguageTool-servern startade inte inom 1 s"
    checker.close()


def test_the_gui_never_waits_for_the_start(tmp_path: Path, jar_dir: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _script(tmp_path / "bin", "java", f'exec "{sys.executable}" "{FAKE_SERVER}" "$@"')
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    checker = LanguageToolChecker(LanguageToolService("local"), None, startup_wait=0.0)
    ready: list[str] = []
    checker.add_listener(ready.append)
    t0 = time.monotonic()
    assert _check(checker, "Det var ett mörk kväll.") == []  # still starting
    assert time.monotonic() - t0 < 0.3
    assert checker.service.wait_ready(20.0)
    assert ready[-1] == "ok"
    # What was not checked while starting is checked now (nothing stale was cached).
    assert [f.text for f in _check(checker, "Det var ett mörk kväll.")] == ["ett mörk kväll"]
    checker.close()


def test_engines_built_one_after_another_share_one_server(
        tmp_path: Path, jar_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The app rebuilds its engine on every settings change: no new JVM each time.
    monkeypatch.setattr(local, "RELEASE_GRACE", 0.2)
    _script(tmp_path / "bin", "java", f'exec "{sys.executable}" "{FAKE_SERVER}" "$@"')
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    old = _local()
    assert [f.text for f in _check(old, "Det var ett mörk kväll.")] == ["ett mörk kväll"]
    new = _local()
    assert new.service.wait_ready(5.0)
    assert new.service._server is old.service._server
    port = new.service._server.port
    old.close()
    time.sleep(0.4)  # past the grace period: still in use by the new engine
    assert [f.text for f in _check(new, "Han brukade att gå.")] == ["brukade att"]
    new.close()
    time.sleep(0.6)  # the last user let go: the server stops after the grace period
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_our_names_for_languagetool_locations_are_language_tool_pythons() -> None:
    from language_tool_python import utils

    assert local.JAR_DIR_VARIABLE == utils.LTP_JAR_DIR_PATH_ENV_VAR
    assert local.DOWNLOAD_DIR_VARIABLE == utils.LTP_PATH_ENV_VAR
    assert set(utils.JAR_NAMES) <= set(local.JAR_NAMES)
