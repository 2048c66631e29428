"""A least-recently-used cache keyed by paragraph text, bounded by the text it holds.

The paragraph caches (the engine's findings per checker, the morphology's analyses,
the rules' and LanguageTool's results) were bounded by a count of paragraphs only.
What such an entry costs grows with its paragraph: a 300 kB paragraph's analysis is
tens of megabytes, so a few hundred of them under a bound of thousands filled gigabytes
(issue 13's fuzz soak). Bounding the total length of the keys bounds the memory too,
since every value here grows with its text. A text longer than a twentieth of the
budget (ITEM_SHARE) is not kept at all: it would push out dozens of ordinary
paragraphs, and what such a value holds is far more than its text suggests. The
fuzz soak measured it: a worker process kept about 30 MB per 100-300 kB paragraph
in the caches (findings, analyses, and the allocator's arenas those pin), and grew
from 140 MB to 360 MB over the 150 huge paragraphs of 6,700 drafts; with them not
kept it stayed near 200 MB. The cost is time: such a paragraph is worked out again
at every check, which only pasted blobs with no line breaks ever pay.

Not thread-safe: each owner already serialises its cache with its own lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from typing import Generic, TypeVar

V = TypeVar("V")

ITEM_SHARE = 20  # no text longer than max_chars // ITEM_SHARE is kept


class TextCache(Generic[V]):
    def __init__(self, max_items: int, max_chars: int) -> None:
        self.max_items = max_items
        self.max_chars = max_chars
        self.max_item_chars = max_chars // ITEM_SHARE
        self._data: OrderedDict[str, V] = OrderedDict()
        self.chars = 0  # total length of the texts held

    def get(self, text: str) -> V | None:
        hit = self._data.get(text)
        if hit is not None:
            self._data.move_to_end(text)
        return hit

    def __contains__(self, text: str) -> bool:
        return text in self._data

    def __len__(self) -> int:
        return len(self._data)

    def put(self, text: str, value: V) -> None:
        if text in self._data:
            self._data[text] = value
            self._data.move_to_end(text)
            return
        if len(text) > self.max_item_chars:
            return
        self._data[text] = value
        self.chars += len(text)
        while len(self._data) > self.max_items or self.chars > self.max_chars:
            old, _ = self._data.popitem(last=False)
            self.chars -= len(old)

    def discard(self, text: str) -> None:
        if text in self._data:
            del self._data[text]
            self.chars -= len(text)

    def clear(self) -> None:
        self._data.clear()
        self.chars = 0


class ParagraphMemo(Generic[V]):
    """A document checker's per-paragraph work, kept by the paragraph's text behind
    a lock of its own (the app checks in a worker thread while the UI asks too): a
    re-check after an edit works out only the edited paragraphs again."""

    def __init__(self, make: Callable[[str], V], max_items: int = 20_000,
                 max_chars: int = 2_000_000) -> None:
        self._make = make
        self._cache: TextCache[V] = TextCache(max_items, max_chars)
        self._lock = threading.Lock()

    def __call__(self, text: str) -> V:
        with self._lock:
            hit = self._cache.get(text)
        if hit is None:
            hit = self._make(text)
            with self._lock:
                self._cache.put(text, hit)
        return hit


def known_and_new(keys: Iterable[str], known: Mapping[str, V]) -> tuple[dict[str, V], list[str]]:
    """The distinct keys split into those a cache already has (with their values) and
    the new ones in first-seen order: the caches in front of the Apertium tools send
    only the new ones, in one call, and put the outputs together from both."""
    have: dict[str, V] = {}
    new: list[str] = []
    for key in dict.fromkeys(keys):
        got = known.get(key)
        if got is None:
            new.append(key)
        else:
            have[key] = got
    return have, new
