"""Issue 13, item 8: distinct exit codes. A crash used to exit 1, the code that
means "findings", with a traceback; now 3 and one Swedish line, the traceback
only with --debug or PROOFER_DEBUG=1."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer import cli
from proofer.checkers import registry
from proofer.engine import Engine


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "utkast.txt"
    path.write_text("Hon kmmer hem i morgon.\n", encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "rent.txt"
    path.write_text("Hon kommer hem i morgon.\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROOFER_DEBUG", raising=False)


def check(*args: str) -> int:
    return cli.main(["check", "--no-languagetool", "--jobs", "1", *args])


def test_clean_findings_and_bad_input_keep_their_codes(
        draft: Path, clean: Path, tmp_path: Path) -> None:
    assert check(str(clean)) == 0
    assert check(str(draft)) == 1
    assert check(str(tmp_path / "finns-inte.txt")) == 2
    assert cli.main(["check"]) == 2  # usage


def _broken_engine(settings):  # type: ignore[no-untyped-def]
    raise RuntimeError("trasig motor")


def test_an_internal_error_is_code_3_and_one_swedish_line(
        draft: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cli, "build_engine", _broken_engine)
    assert check(str(draft)) == cli.EXIT_INTERNAL == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and "internt fel" in err and "trasig motor" in err
    assert "--debug" in err


@pytest.mark.parametrize("how", ["flag-first", "flag-last", "env"])
def test_the_traceback_only_when_debugging(
        draft: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], how: str) -> None:
    monkeypatch.setattr(cli, "build_engine", _broken_engine)
    if how == "env":
        monkeypatch.setenv("PROOFER_DEBUG", "1")
        code = check(str(draft))
    else:
        args = ["check", "--no-languagetool", str(draft)]
        monkeypatch.setenv("PROOFER_DEBUG", "")  # restored by monkeypatch afterwards
        code = cli.main(["--debug", *args] if how == "flag-first" else [*args, "--debug"])
    assert code == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "trasig motor" in err


def test_a_checker_that_raises_on_one_file_is_an_internal_error(
        draft: Path, clean: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    real = Engine.raw_findings

    def raw_findings(self, text: str):  # type: ignore[no-untyped-def]
        if "kmmer" in text:
            raise IndexError("list index out of range")
        return real(self, text)

    monkeypatch.setattr(Engine, "raw_findings", raw_findings)
    assert check(str(draft), str(clean)) == 3
    err = capsys.readouterr().err
    assert f"{draft}: internt fel" in err and "Traceback" not in err


def test_registry_is_what_the_cli_builds_with(
        clean: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = []
    real = registry.build_engine

    def build(settings):  # type: ignore[no-untyped-def]
        built.append(settings)
        return real(settings)

    monkeypatch.setattr(registry, "build_engine", build)
    check(str(clean))
    assert len(built) == 1


@pytest.mark.parametrize(("argv", "said"), [
    (["check"], "proofer check: fel: de här argumenten saknas: FILE"),
    (["check", "--format", "xml", "a.txt"],
     "proofer check: fel: argumentet --format: ogiltigt val: 'xml' (välj bland 'json', 'text')"),
    (["check", "--jobs", "abc", "a.txt"], "proofer check: fel: argumentet --jobs/-j: ogiltigt "
                                          "värde: 'abc'"),
    (["check", "--bogus", "a.txt"], "proofer: fel: okända argument: --bogus"),
    (["frobnicate"], "proofer: fel: argumentet KOMMANDO: ogiltigt val: 'frobnicate'"),
    (["dict"], "proofer dict: fel: de här argumenten saknas: ÅTGÄRD"),
])
def test_usage_errors_are_said_in_swedish(argv: list[str], said: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's own words ("usage:", "error: the following arguments are
    required") reached the user in English."""
    from proofer.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("användning: proofer") and said in err, err


def test_help_is_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    from proofer.cli import main

    assert main(["check", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: proofer check")
    assert "flaggor:" in out and "visa den här hjälpen och avsluta" in out
    assert "usage" not in out and "show this help" not in out
