"""Reading the data files that hold Swedish language knowledge (word classes, sound
groups, capital-letter rules) with libyaml, when PyYAML has it: several times faster
than the pure-Python loader, and these load during a session's first check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
