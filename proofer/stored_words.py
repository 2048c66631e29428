"""A large read-only word table that a short check can ask without loading it.

wordfreq's Swedish list holds 340,000 words. As a Python dict it took 0.15 s of
every start to load (creating and hashing the strings and growing the dict,
which no file format avoids), a quarter of a one-paragraph check that asks about
some 10,000 words. Cut into pieces decoded when first asked, it gained little:
the spelling checker's questions about one unknown word (every one-letter edit
of it, every head and tail of it as a compound) reach most pieces.

So the table is kept as it is stored: one open-addressing hash table in byte
strings (the words' UTF-8 one after another, where each starts, and a slot
array indexed by the CRC-32 of a word's bytes), read from the user's cache in a
few milliseconds and asked without creating a Python object per word. A
question costs about 1.5 µs, against a dict's 0.1 µs: a long text, which asks
hundreds of thousands of them, soon pays more than the dict would have cost. So
after LOOKUPS questions (about what loading the dict costs, paid in that extra
time) the table loads the whole as a dict (or frozenset), which answers from
then on; and a caller that knows a long text is coming asks for it at once
(`whole()`).
"""

from __future__ import annotations

import marshal
import mmap
import struct
from array import array
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping
from typing import Any
from zlib import crc32

FORMAT = 2
# Questions asked of the stored table before it loads the whole: one costs about
# 1.4 µs more than a dict's, and the Swedish dict costs about 0.15 s to load, so
# past ~100,000 questions the dict has paid for itself (a one-paragraph check asks
# ~10,000, a 10,000-word one ~200,000).
LOOKUPS = 100_000
# Slots per word at least: at most a third of the slots used, so that a word not
# in the table (most questions) mostly ends at an empty slot at once.
SLOTS_PER_WORD = 3
_LENGTH = struct.Struct("<Q")


def _utf8(word: str) -> bytes:
    # A lone surrogate (from a broken file) is no stored word: encoded, it matches none.
    return word.encode("utf-8", "surrogatepass")


def store(table: Mapping[str, Any] | Iterable[str]) -> bytes:
    """The table (a mapping, or words for a set) as stored: a marshalled header
    (the distinct values among it), then the slot array, where each word starts,
    each word's value and the words, each part at a multiple of 8 bytes."""
    words = list(table)
    mapping = table if isinstance(table, Mapping) else None
    size = 1
    while size < SLOTS_PER_WORD * max(1, len(words)):
        size *= 2
    mask = size - 1
    slots = array("I", bytes(4 * size))
    offsets = array("I", [0])
    blob = bytearray()
    codes = array("I")
    values: dict[Any, int] = {}
    for i, word in enumerate(words):
        b = _utf8(word)
        blob += b
        offsets.append(len(blob))
        h = crc32(b) & mask
        while slots[h]:
            h = (h + 1) & mask
        slots[h] = i + 1
        if mapping is not None:
            codes.append(values.setdefault(mapping[word], len(values)))
    if mapping is not None and len(values) <= 0xFFFF:
        codes = array("H", codes)
    parts = [slots.tobytes(), offsets.tobytes(), codes.tobytes(), bytes(blob)]
    header = marshal.dumps((FORMAT, mask, len(words), codes.typecode if mapping is not None
                            else "", [len(p) for p in parts], tuple(values)))
    out = bytearray(_LENGTH.pack(len(header)) + header)
    for part in parts:
        out += bytes(-len(out) % 8) + part
    return bytes(out)


class StoredWords(Mapping[str, Any]):
    """A read-only mapping (or set) from store()'s bytes, or a memory map of a file
    of them (only the slots and words a question reaches are read from disk).
    `load_whole`, when given, loads the same table as a dict or frozenset faster
    than decoding it from here."""

    def __init__(self, stored: bytes | mmap.mmap,
                 load_whole: Callable[[], dict[str, Any] | frozenset[str]] | None = None,
                 lookups: int = LOOKUPS) -> None:
        (length,) = _LENGTH.unpack_from(stored)
        fmt, self._mask, self._n, typecode, sizes, self._values = marshal.loads(
            stored[_LENGTH.size:_LENGTH.size + length])
        if fmt != FORMAT:
            raise ValueError(f"stored word table of format {fmt}, not {FORMAT}")
        view = memoryview(stored)
        at = _LENGTH.size + length
        parts = []
        for size in sizes:
            at += -at % 8
            parts.append((at, at + size))
            at += size
        if at > len(stored):
            raise ValueError("stored word table cut short")
        (s0, s1), (o0, o1), (c0, c1), (self._base, _end) = parts
        self._stored = stored
        self._slots = view[s0:s1].cast("I")
        self._offsets = view[o0:o1].cast("I")
        self._codes = view[c0:c1].cast(typecode) if typecode else None
        self._load_whole = load_whole
        self._left = lookups
        self.whole: dict[str, Any] | frozenset[str] | None = None

    def _index(self, word: str) -> int:
        """The word's place in the table, or -1."""
        b = _utf8(word)
        mask, slots, offsets, stored = self._mask, self._slots, self._offsets, self._stored
        h = crc32(b) & mask
        n = len(b)
        while True:
            s = slots[h]
            if not s:
                return -1
            start = offsets[s - 1]
            if offsets[s] - start == n:
                start += self._base
                if stored[start:start + n] == b:
                    return s - 1
            h = (h + 1) & mask

    def load(self) -> dict[str, Any] | frozenset[str]:
        """The whole table as a dict (or frozenset), which answers from now on."""
        if self.whole is None:
            self.whole = self._load_whole() if self._load_whole else self._decode()
        return self.whole

    def _decode(self) -> dict[str, Any] | frozenset[str]:
        offsets, stored, base = self._offsets, self._stored, self._base
        words = [stored[base + offsets[i]:base + offsets[i + 1]].decode("utf-8", "surrogatepass")
                 for i in range(self._n)]
        if self._codes is None:
            return frozenset(words)
        values = self._values
        return {w: values[c] for w, c in zip(words, self._codes, strict=True)}

    def __contains__(self, word: object) -> bool:
        whole = self.whole
        if whole is None:
            self._left -= 1
            if self._left >= 0:
                return isinstance(word, str) and self._index(word) >= 0
            whole = self.load()
        return word in whole

    def get(self, word: str, default: Any = None) -> Any:
        whole = self.whole
        if whole is None:
            self._left -= 1
            if self._left >= 0:
                i = self._index(word)
                if i < 0 or self._codes is None:
                    return default
                return self._values[self._codes[i]]
            whole = self.load()
        return whole.get(word, default) if isinstance(whole, dict) else default

    def __getitem__(self, word: str) -> Any:
        missing = object()
        value = self.get(word, missing)
        if value is missing:
            raise KeyError(word)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.load())

    def __len__(self) -> int:
        return len(self.whole) if self.whole is not None else self._n

    def keys(self) -> KeysView[str]:
        return _Keys(self)

    def intersection(self, words: Iterable[str]) -> set[str]:
        """The words that are in the table: `words & table.keys()`."""
        whole = self.whole
        if whole is None:
            words = list(words)
            self._left -= len(words)
            if self._left >= 0:
                index = self._index
                return {w for w in words if index(w) >= 0}
            whole = self.load()
        return set(words) & whole.keys() if isinstance(whole, dict) else whole.intersection(words)


class _Keys(KeysView[str]):
    """The table's keys as a set, for `candidates & table.keys()`."""

    _mapping: StoredWords

    def __and__(self, other: Iterable[Any]) -> set[str]:  # type: ignore[override]
        return self._mapping.intersection(w for w in other if isinstance(w, str))

    __rand__ = __and__  # type: ignore[assignment]

    def __contains__(self, word: object) -> bool:
        return word in self._mapping
