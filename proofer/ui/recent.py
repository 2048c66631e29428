"""The list of recently opened drafts, kept in config_dir()/recent.json."""

from __future__ import annotations

import json
from pathlib import Path

from proofer.safe_write import atomic_write_text
from proofer.settings import config_dir

LIMIT = 10


def _file() -> Path:
    return config_dir() / "recent.json"


def load() -> list[str]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(p) for p in data if isinstance(p, str)][:LIMIT]


def remember(path: Path) -> list[str]:
    items = [str(path.resolve())] + [p for p in load() if p != str(path.resolve())]
    items = items[:LIMIT]
    try:
        # ASCII JSON: a file name that is no valid UTF-8 (lone surrogates) is escaped.
        atomic_write_text(_file(), json.dumps(items), backup=False)
    except OSError:
        pass  # a recent-files list is not worth an error dialog
    return items
