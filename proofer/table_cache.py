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

import gc
import hashlib
import marshal
import mmap
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# marshal's format is the interpreter's: a file from another Python is not read.
_PYTHON = f"py{sys.version_info[0]}{sys.version_info[1]}m{marshal.version}"


def cache_dir() -> Path:
    from proofer.settings import config_dir

    return config_dir() / "cache"


def stat_key(sources: Sequence[Path]) -> str | None:
    """A short key for the files' identity (None when one is missing), and this
    module's: a file stored by other code is read by its own."""
    parts = [_PYTHON]
    for path in (Path(__file__), *sources):
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
    collecting = gc.isenabled()
    try:
        # Read whole: marshal.load on a file reads it object by object.
        data = path.read_bytes()
        # Thousands of new objects, none of them garbage: no collection meanwhile
        # (a third of the time of loading the grammar rules).
        gc.disable()
        return pickle.loads(data) if objects else marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError,
            AttributeError, ImportError):  # also a class that moved since
        pass
    finally:
        if collecting:
            gc.enable()
    value = build()
    _store(path, name, value, objects)
    return value


def load_or_build_mapped(name: str, sources: Sequence[Path], build: Callable[[], bytes],
                         read: Callable[[bytes | mmap.mmap], T],
                         directory: Path | None = None) -> T:
    """`read` of the bytes stored for these sources, mapped into memory (a large
    table of which a run reads a few pages costs no reading), or of `build()`'s,
    stored for next time. A stored file `read` refuses (ValueError) is built again."""
    key = stat_key(sources)
    if key is None:
        return read(build())
    directory = directory or cache_dir()
    path = directory / f"{family(name, sources)}-{key}.bin"
    try:
        with open(path, "rb") as fh:
            # Files are replaced, never written in place: the map stays valid.
            return read(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ))
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        pass
    value = build()
    _store(path, name, value, objects=False, raw=True)
    return read(value)


def stored_file(name: str, sources: Sequence[Path], build: Callable[[], bytes],
                directory: Path | None = None, suffix: str = ".bin") -> Path | None:
    """The path of the file stored for these sources, written from `build()` when
    there is none yet: for a tool that reads a file itself (cg-proc's grammar).
    None when it cannot be stored (a read-only or full disk)."""
    key = stat_key(sources)
    if key is None:
        return None
    path = (directory or cache_dir()) / f"{family(name, sources)}-{key}{suffix}"
    if not path.is_file():
        _store(path, name, build(), objects=False, raw=True)
    return path if path.is_file() else None


def family(name: str, sources: Sequence[Path]) -> str:
    """The file-name stem shared by every version of one table of one installation:
    the table's name and a short hash of its sources' paths."""
    # This module's path too: its stat is in every key (stat_key), and two
    # installations must not take each other's files for older versions.
    where = hashlib.sha1("\n".join(map(str, (__file__, *sources))).encode()).hexdigest()[:8]
    return f"{name}-{where}"


def _store(path: Path, name: str, value: object, objects: bool, raw: bool = False) -> None:
    """Written atomically (a reader sees the old file or the new one), and older
    versions of the same table of the same installation removed (and files named
    as before the paths were in the name)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            if raw:
                fh.write(value)  # type: ignore[arg-type]
            elif objects:
                _Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
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


class _Pickler(pickle.Pickler):
    """Pickles frozen dataclasses with slots (the grammar rules' parts) as a call
    of the class with the values of its fields (when __init__ sets every field
    and nothing else happens in it), otherwise as their class, field names and
    values, read back by _slotted: the dataclasses' own __setstate__ asks
    dataclasses.fields() again for each of thousands of objects, and sets the
    fields in a loop, most of the time of loading the rules."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._setstate = _dataclass_setstate()

    def reducer_override(self, obj: object) -> Any:
        cls = type(obj)
        if self._setstate is None or getattr(cls, "__setstate__", None) is not self._setstate:
            return NotImplemented
        names, by_init = _fields(cls)
        values = tuple(getattr(obj, n) for n in names)
        return (cls, values) if by_init else (_slotted, (cls, names, values))


def _fields(cls: type) -> tuple[tuple[str, ...], bool]:
    """The class's field names (one tuple per class, so the pickle writes it once
    and refers to it), and whether calling the class with their values makes the
    same object: every field an argument of __init__, in order, no __post_init__."""
    known = _FIELDS.get(cls)
    if known is None:
        import dataclasses

        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        by_init = all(f.init for f in fields) and not hasattr(cls, "__post_init__")
        known = _FIELDS[cls] = (tuple(f.name for f in fields), by_init)
    return known


_FIELDS: dict[type, tuple[tuple[str, ...], bool]] = {}


def _slotted(cls: type, names: tuple[str, ...], values: tuple[Any, ...]) -> object:
    obj = object.__new__(cls)
    for name, value in zip(names, values, strict=True):
        object.__setattr__(obj, name, value)
    return obj


def _dataclass_setstate() -> Any:
    """What a frozen dataclass with slots has for __setstate__ (None if that changes)."""
    from dataclasses import dataclass

    @dataclass(frozen=True, slots=True)
    class Probe:
        x: int = 0

    return getattr(Probe, "__setstate__", None)


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
        from wordfreq import get_frequency_dict, get_frequency_list

        table = get_frequency_dict(lang, wordlist=wordlist)
        # wordfreq keeps every list and dict it made for good (lru_cache without a
        # bound): a process that built the tables would carry them all its life,
        # some 90 MB more than one that reads them from the cache.
        get_frequency_dict.cache_clear()
        get_frequency_list.cache_clear()
        return table

    source = wordfreq_data_file(lang, wordlist)
    if source is None:
        return build()
    return load_or_build(f"wordfreq-{wordlist}_{lang}", [source], build)
