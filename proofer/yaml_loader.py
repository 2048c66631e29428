"""PyYAML's safe loader, libyaml's C implementation when PyYAML has it: it parses
the rule files and word lists in a tenth of the pure-Python loader's time, which
every start-up pays. The pure loader is the fallback, with the same results."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
