"""Reading the data files that hold Swedish language knowledge (word classes, sound
groups, capital-letter rules) with libyaml, when PyYAML has it: several times faster
than the pure-Python loader, and these load during a session's first check. What a
file gave is kept in the user's cache (proofer.table_cache, under the file's stat):
an unchanged file is not parsed again at the next start."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def read_yaml(path: Path) -> Any:
    from proofer import table_cache

    # Per file: the name carries the file's path (table_cache.family).
    return table_cache.load_or_build(f"yaml-{path.stem}", [path], lambda: parse_yaml(path))


def parse_yaml(path: Path) -> Any:
    from proofer.yaml_loader import safe_load

    return safe_load(path.read_text(encoding="utf-8"))
