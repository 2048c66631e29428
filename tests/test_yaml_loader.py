"""libyaml's loader, used when PyYAML has it, reads our files exactly as the
pure-Python loader (the fallback) does."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from proofer import yaml_loader
from proofer.rules import loader as rule_loader

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
FILES = sorted(RESOURCES.rglob("*.yaml")) + sorted(
    (Path(__file__).resolve().parents[1] / "dictionaries").rglob("*.yaml"))


def test_the_c_loader_is_used_when_there() -> None:
    if hasattr(yaml, "CSafeLoader"):
        assert yaml_loader.SafeLoader is yaml.CSafeLoader
        assert yaml_loader.safe_loader() is yaml.CSafeLoader


def test_a_check_from_the_cache_does_not_import_yaml(tmp_path: Path) -> None:
    """PyYAML is imported to parse a file, not by importing the program: a check
    whose rules and lists come from the cache parses nothing (the second run)."""
    import os
    import subprocess
    import sys

    draft = tmp_path / "utkast.txt"
    draft.write_text("Det var dit han måste nå, för att installationen skulle fungerar.\n",
                     encoding="utf-8")
    probe = ("import runpy, sys; sys.argv = ['proofer', 'check', '--no-languagetool', "
             f"{str(draft)!r}]\n"
             "from proofer import cli\n"
             "code = cli.main(sys.argv[1:])\n"
             "print('yaml' in sys.modules, file=sys.stderr)")
    env = {**os.environ, "PROOFER_CONFIG_DIR": str(tmp_path / "config")}
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                           text=True, check=False) for _ in range(2)]
    assert runs[1].stderr.strip().splitlines()[-1] == "False", runs[1].stderr


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_both_loaders_read_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yaml_loader.safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_rules_with_lines_are_the_same_with_the_pure_loader(
        monkeypatch: pytest.MonkeyPatch) -> None:
    fast, fast_errors = rule_loader.load_rule_files(cached=False)

    class PureLineLoader(yaml.SafeLoader):
        pass

    PureLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                   rule_loader._mapping_with_line)
    monkeypatch.setattr(rule_loader, "_line_loader", lambda: PureLineLoader)
    pure, pure_errors = rule_loader.load_rule_files(cached=False)
    assert [(r.id, r.where) for r in fast] == [(r.id, r.where) for r in pure]
    assert fast_errors == pure_errors


def test_a_data_file_is_parsed_once_until_it_changes(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from proofer import yaml_data

    path = tmp_path / "ordklasser.yaml"
    path.write_text("ord: [hus, bil]\nantal: 2\n", encoding="utf-8")
    parsed: list[Path] = []
    real = yaml_data.parse_yaml
    monkeypatch.setattr(yaml_data, "parse_yaml", lambda p: parsed.append(p) or real(p))
    assert yaml_data.read_yaml(path) == {"ord": ["hus", "bil"], "antal": 2}
    first = yaml_data.read_yaml(path)
    first["ord"].append("båt")  # each caller gets its own copy
    assert yaml_data.read_yaml(path) == {"ord": ["hus", "bil"], "antal": 2}
    assert parsed == [path]
    path.write_text("ord: [tåg]\n", encoding="utf-8")
    assert yaml_data.read_yaml(path) == {"ord": ["tåg"]}
    assert parsed == [path, path]
    path.write_text("ord: [tåg\n", encoding="utf-8")  # broken: the parser's error, as before
    with pytest.raises(yaml.YAMLError):
        yaml_data.read_yaml(path)
