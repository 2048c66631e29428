"""Issue 13, item 6: a broken settings.json. A trailing comma silently fell back to
the defaults (dropping the newsroom's shared dictionaries without a word); a value
of the wrong type ("disabled_categories": null) crashed every check."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from proofer import cli
from proofer.settings import Settings, config_dir


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A newsroom's shared dictionary folder with one person in it."""
    folder = tmp_path / "delat"
    folder.mkdir()
    (folder / "redaktion.yaml").write_text(
        "entries:\n  - name: Sara Nyberg\n    kind: person\n", encoding="utf-8")
    return folder


def write(text: str) -> Path:
    path = config_dir() / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_good_settings_load_without_a_word(shared: Path) -> None:
    write(json.dumps({"dictionary_paths": [str(shared)], "languagetool_mode": "off"}))
    s = Settings.load()
    assert s.dictionary_paths == [str(shared)] and s.problems == []


def test_a_trailing_comma_keeps_every_setting_and_says_so(shared: Path) -> None:
    path = write('{\n  "dictionary_paths": ["' + str(shared)
                 + '",],\n  "languagetool_mode": "off",\n}\n')
    s = Settings.load()
    assert s.dictionary_paths == [str(shared)]
    assert s.languagetool_mode == "off"
    [problem] = s.problems
    assert str(path) in problem and "rad 2" in problem and "JSON" in problem


def test_broken_json_uses_the_latest_backup(shared: Path) -> None:
    path = write('{"dictionary_paths": [')
    bak = path.with_name("settings.json.bak")
    bak.write_text(json.dumps({"dictionary_paths": [str(shared)]}), encoding="utf-8")
    s = Settings.load()
    assert s.dictionary_paths == [str(shared)]
    [problem] = s.problems
    assert "settings.json.bak" in problem and "inte giltig JSON" in problem


@pytest.mark.parametrize("text", ['{"dictionary_paths": [', "[1, 2]", "\xff\xfe"])
def test_unusable_file_without_backup_gives_defaults_and_says_so(text: str) -> None:
    path = write(text)
    s = Settings.load()
    assert s.dictionary_paths == [] and s.languagetool_mode == "local"
    [problem] = s.problems
    assert str(path) in problem and "standardinställningarna" in problem


def test_a_wrong_type_keeps_the_default_for_that_key_only(shared: Path) -> None:
    write(json.dumps({"disabled_categories": None, "dictionary_paths": [str(shared)],
                      "languagetool_timeout": "snabbt", "languagetool_allow_public": "ja"}))
    s = Settings.load()
    assert s.disabled_categories == [] and s.languagetool_timeout == 10.0
    assert s.languagetool_allow_public is False
    assert s.dictionary_paths == [str(shared)]
    assert len(s.problems) == 3
    assert any("'disabled_categories' ska vara en lista" in p for p in s.problems)


def test_the_cli_checks_with_the_shared_dictionary_and_says_one_line(
        shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write('{"dictionary_paths": ["' + str(shared) + '"], "disabled_categories": null,}')
    draft = tmp_path / "utkast.txt"
    draft.write_text("I går sa Sara Nybreg att allt var klart.\n", encoding="utf-8")
    code = cli.main(["check", "--no-languagetool", "--format", "json", str(draft)])
    out, err = capsys.readouterr()
    assert code == 1
    findings = json.loads(out)["files"][0]["findings"]
    assert any(f["text"] == "Nybreg" and "Sara Nyberg" in f["message"]
               for f in findings)
    settings_lines = [ln for ln in err.splitlines() if "settings.json" in ln]
    assert len(settings_lines) == 2  # the comma, the null
    assert all(ln.startswith("proofer: ") for ln in settings_lines)
    assert "Traceback" not in err


def test_saving_clears_the_problems(tmp_path: Path) -> None:
    write('{"languagetool_mode": "off",}')
    s = Settings.load()
    assert s.problems
    s.save()
    again = Settings.load()
    assert again.problems == [] and again.languagetool_mode == "off"
    assert "problems" not in json.loads((config_dir() / "settings.json").read_text("utf-8"))
    assert os.environ["PROOFER_CONFIG_DIR"] in str(config_dir())
