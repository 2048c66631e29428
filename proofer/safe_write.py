"""Writes that never leave a half-written or lost file behind.

Everything that saves user data (drafts, dictionaries, settings) goes through here:
write a temporary file beside the target, fsync it, keep the previous version as a
backup, then rename over the target in one atomic step.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ChangedOnDisk(Exception):
    """The file changed since it was read: saving would lose someone else's edit."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: filen har ändrats på disk sedan den lästes in")
        self.path = path


def fingerprint(path: Path) -> str | None:
    """Content hash of a file, None if it does not exist."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def atomic_write_bytes(path: Path, data: bytes, *, backup: bool = True,
                       expected: str | None | bool = False) -> None:
    """Replace `path` with `data` atomically.

    `expected` is the fingerprint the caller saw when it read the file (None: it did
    not exist); if the file now differs, ChangedOnDisk is raised and nothing is
    written. Pass False to skip that check.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with file_lock(path):
        if expected is not False and fingerprint(path) != expected:
            raise ChangedOnDisk(path)
        _replace(path, data, backup)


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Serialises writers of one file across processes, so that "check it did not
    change, then replace it" is one step for everyone who saves through here."""
    lock = path.with_name(f".{path.name}.lock")
    with open(lock, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _replace(path: Path, data: bytes, backup: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and path.exists():
            shutil.copy2(path, backup_path(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def atomic_write_text(path: Path, text: str, *, backup: bool = True,
                      expected: str | None | bool = False, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding), backup=backup, expected=expected)
