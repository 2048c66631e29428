"""Tables that are slow to build and the same in every run, kept ready to load.

A start-up should not redo what the last one did: unpacking wordfreq's compressed
lists (and importing wordfreq, ftfy and langcodes to do it), or hashing the 2 MB
Hunspell dictionary to learn that it has not changed. Such a value is stored in the
user's cache as a marshal file (the fastest format Python reads back) named after
the *stat* of the files it was made from: size, modification time in nanoseconds
and inode, which change whenever a file is replaced or rewritten. Only when they
change is the value built again from the files' contents.

The name also carries the files' paths, so that two installations sharing one
config folder (two checkouts or virtual environments on one account) keep a table
each: with only the stat in the name, each start of one deleted the other's table
as out of date and the next start of the other built it again, a second or more.

A cache that cannot be read or written only costs time: the value is built.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# marshal's format is the interpreter's: a file from another Python is not read.
_PYTHON = f"py{sys.version_info[0]}{sys.version_info[1]}m{marshal.version}"


def cache_dir() -> Path:
    from proofer.settings import config_dir

    return config_dir() / "cache"


def stat_key(sources: Sequence[Path]) -> str | None:
    """A short key for the files' identity (None when one is missing)."""
    parts = [_PYTHON]
    for path in sources:
        try:
            st = os.stat(path)
        except OSError:
            return None
        parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:20]


def load_or_build(name: str, sources: Sequence[Path], build: Callable[[], T],
                  directory: Path | None = None, *, objects: bool = False) -> T:
    """The value stored for these sources, or `build()`'s, stored for next time.
    The value must be marshal-able (str, numbers, tuples, lists, sets, dicts), or
    with `objects` picklable (our own classes; slower to read)."""
    key = stat_key(sources)
    if key is None:
        return build()
    directory = directory or cache_dir()
    suffix = "pickle" if objects else "marshal"
    path = directory / f"{family(name, sources)}-{key}.{suffix}"
    try:
        # Read whole: marshal.load on a file reads it object by object.
        data = path.read_bytes()
        return pickle.loads(data) if objects else marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError,
            AttributeError, ImportError):  # also a class that moved since
        pass
    value = build()
    _store(path, name, value, objects)
    return value


def family(name: str, sources: Sequence[Path]) -> str:
    """The file-name stem shared by every version of one table of one installation:
    the table's name and a short hash of its sources' paths."""
    where = hashlib.sha1("\n".join(map(str, sources)).encode()).hexdigest()[:8]
    return f"{name}-{where}"


def _store(path: Path, name: str, value: object, objects: bool) -> None:
    """Written atomically (a reader sees the old file or the new one), and older
    versions of the same table of the same installation removed (and files named
    as before the paths were in the name)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            if objects:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                marshal.dump(value, fh)
        os.replace(tmp, path)
        own = path.name.rsplit("-", 1)[0] + "-"
        for old in path.parent.glob(f"{name}-*{path.suffix}"):
            rest = old.name[len(name) + 1:]
            legacy = "-" not in rest  # name-key.suffix
            if old != path and (old.name.startswith(own) or legacy):
                old.unlink(missing_ok=True)
    except (OSError, ValueError, pickle.PicklingError, TypeError, AttributeError):
        pass  # read-only or full disk, or a value that cannot be stored: only slower


def pieces(table: dict[str, float]) -> dict[str, bytes]:
    """A table cut by its keys' first character, each piece marshalled on its own:
    stored so, it loads as a few dozen byte strings (ShardedTable)."""
    cut: dict[str, dict[str, float]] = {}
    for key, value in table.items():
        cut.setdefault(key[:1], {})[key] = value
    return {first: marshal.dumps(piece) for first, piece in cut.items()}


class ShardedTable:
    """A read-only table kept as pieces(): a piece is decoded when a key in it is
    first asked for."""

    def __init__(self, stored: dict[str, bytes]) -> None:
        self._stored = stored
        self._open: dict[str, dict[str, float]] = {}

    def get(self, key: str, default: float) -> float:
        first = key[:1]
        piece = self._open.get(first)
        if piece is None:
            raw = self._stored.get(first)
            # Two threads may decode the same piece: equal values, one kept.
            piece = self._open[first] = marshal.loads(raw) if raw is not None else {}
        return piece.get(key, default)


def wordfreq_data_file(lang: str, wordlist: str) -> Path | None:
    """wordfreq's data file for the list, found without importing wordfreq."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / \
        f"{wordlist}_{lang}.msgpack.gz"


def frequency_dict(lang: str, wordlist: str) -> dict[str, float]:
    """wordfreq's get_frequency_dict(lang, wordlist), from the cache when its data
    file is unchanged."""
    def build() -> dict[str, float]:
        from wordfreq import get_frequency_dict

        return get_frequency_dict(lang, wordlist=wordlist)

    source = wordfreq_data_file(lang, wordlist)
    if source is None:
        return build()
    return load_or_build(f"wordfreq-{wordlist}_{lang}", [source], build)
