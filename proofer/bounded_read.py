"""Reading a small file a user pointed us at (a dictionary, the settings, a word
list) without hanging or filling memory: a FIFO, a device ("/dev/zero") or a file
far too big for what it claims to be is refused with a Swedish reason instead.

Opened non-blocking and judged by fstat on the open descriptor, so neither a FIFO
with no writer nor a file swapped for one after a stat can make the read wait."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotARegularFile(OSError):
    """The path is no regular file, or is too big; str() is the Swedish reason."""


def read_bytes(path: Path | str, limit: int) -> bytes:
    """The whole file, if it is a regular file of at most `limit` bytes. Raises
    FileNotFoundError and other OSErrors as open() does, NotARegularFile else."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(f"är ingen vanlig fil (en {_kind(info.st_mode)}) och läses inte")
        if info.st_size > limit:
            raise NotARegularFile(f"är för stor ({_mb(info.st_size)}, högst {_mb(limit)}) "
                                  "och läses inte")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)  # a file that grows meanwhile is still capped
        if len(data) > limit:
            raise NotARegularFile(f"är för stor (över {_mb(limit)}) och läses inte")
        return data
    finally:
        os.close(fd)


def unreadable(exc: OSError) -> str:
    """Why a file could not be read, as a clause after its name: this module's own
    reason as it stands ("är ingen vanlig fil (en namngiven rörledning) och läses
    inte"), any other in brackets ("kunde inte läsas (saknar behörighet)")."""
    if isinstance(exc, NotARegularFile):
        return str(exc)
    from proofer.os_errors import reason

    return f"kunde inte läsas ({reason(exc)})"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "namngiven rörledning"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "enhet"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISDIR(mode):
        return "katalog"
    return "speciell fil"


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} kB"
