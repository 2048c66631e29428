from __future__ import annotations

from pathlib import Path


class LoadError(Exception):
    """A draft that cannot be read; str() is the one-line reason for people."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
