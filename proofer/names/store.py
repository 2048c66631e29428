"""The merged name/title dictionary, compiled for checking.

Every entry becomes a set of written *forms* (name, aliases, genitives, title
inflections, known wrong forms, a person's surname alone) and every form a tuple of
words. The checker matches forms word by word against the text: exactly (a first-word
map) or with typos (a fuzzy index over the words). Compiling 100,000 names takes
seconds, so the compiled store is pickled in the cache dir under a key made of the
dictionary files' contents and this code's version; a warm start just unpickles it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from proofer.names.index import FuzzyIndex
from proofer.names.inflect import genitive, name_forms, title_forms
from proofer.names.loader import LoadResult, Problem, load_all
from proofer.names.model import Entry
from proofer.tokens import words

# Form flags
WRONG = 1  # a known wrong form: always flagged
IMPLIED = 2  # a person's surname alone, not written in the dictionary
TITLE = 4  # matched case-insensitively, lower-case words are fine
INFLECTED = 8  # a generated inflection, not written in the dictionary

CACHE_KEEP = 6
_CODE_FILES = ("store.py", "inflect.py", "model.py", "loader.py", "index.py")


@dataclass(frozen=True, slots=True)
class Form:
    words: tuple[str, ...]  # as written; lower-cased for TITLE forms
    gaps: tuple[str, ...]  # non-space text between consecutive words ("" normally)
    entry: int  # index into NameStore.entries
    text: str  # the correct text to suggest for this form
    flags: int
    paradigm: int  # position in title_forms() (to carry an inflection over), else -1


def split_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    toks = list(words(text))
    gaps = tuple(text[a.end:b.start].strip() for a, b in zip(toks, toks[1:], strict=False))
    return tuple(t.text for t in toks), gaps


def _is_title_like(entry: Entry) -> bool:
    return entry.kind == "title" or (entry.kind == "term" and entry.name[:1].islower())


class NameStore:
    def __init__(self, entries: list[Entry], problems: list[Problem] | None = None) -> None:
        self.entries = entries
        self.problems = problems or []
        self.forms: list[Form] = []
        self.by_first: dict[str, list[int]] = {}
        self.name_vocab: dict[str, list[tuple[int, int]]] = {}
        self.title_vocab: dict[str, list[tuple[int, int]]] = {}
        self.known: set[str] = set()  # name words as written
        self.known_lower: set[str] = set()  # title/term words, lower-cased
        self.party_letters: set[str] = set()
        for i, e in enumerate(entries):
            self._compile(i, e)
        self.name_index = FuzzyIndex(list(self.name_vocab))
        self.title_index = FuzzyIndex(list(self.title_vocab))

    # -- compiling -------------------------------------------------------------
    def _add(self, text: str, entry: int, target: str, flags: int, paradigm: int = -1) -> None:
        ws, gaps = split_words(text)
        if not ws:
            return
        if flags & TITLE:
            ws = tuple(w.lower() for w in ws)
        fid = len(self.forms)
        self.forms.append(Form(ws, gaps, entry, target, flags, paradigm))
        self.by_first.setdefault(ws[0], []).append(fid)
        if flags & WRONG:
            return
        vocab = self.title_vocab if flags & TITLE else self.name_vocab
        for pos, w in enumerate(ws):
            vocab.setdefault(w.lower(), []).append((fid, pos))
            if flags & TITLE:
                self.known_lower.add(w)
            else:
                self.known.add(w)

    def _compile(self, i: int, e: Entry) -> None:
        if e.party and e.kind == "organization":
            self.party_letters.update(p.strip() for p in e.party.split("/"))
        if _is_title_like(e):
            for base in e.forms():
                paradigm = title_forms(base)
                for k, f in enumerate(paradigm):
                    self._add(f, i, f, TITLE | (INFLECTED if k else 0), k)
            for wrong in e.wrong:
                right = title_forms(e.name)
                for k, f in enumerate(title_forms(wrong)):
                    self._add(f, i, right[min(k, len(right) - 1)], TITLE | WRONG, k)
            return
        for base in e.forms():
            for k, f in enumerate(name_forms(base)):
                self._add(f, i, f, INFLECTED if k else 0)
        ws, _ = split_words(e.name)
        if e.kind == "person" and len(ws) >= 2 and len(ws[-1]) >= 4:
            for k, f in enumerate(name_forms(ws[-1])):
                self._add(f, i, f, IMPLIED | (INFLECTED if k else 0))
        for wrong in e.wrong:
            self._add(wrong, i, e.name, WRONG)
            if genitive(wrong) != wrong:
                self._add(genitive(wrong), i, genitive(e.name), WRONG | INFLECTED)

    # -- queries ---------------------------------------------------------------
    def knows_word(self, word: str) -> bool:
        """For the speller: a word of a dictionary name or title is never a typo."""
        return word in self.known or word.lower() in self.known_lower

    def entry_of(self, form: Form) -> Entry:
        return self.entries[form.entry]

    def find(self, name: str) -> Entry | None:
        return next((e for e in self.entries if e.name == name), None)

    # -- loading with cache ----------------------------------------------------
    @classmethod
    def from_result(cls, result: LoadResult) -> NameStore:
        return cls(result.entries, result.problems)

    @classmethod
    def load(cls, paths: list[Path], cache_dir: Path | None = None) -> NameStore:
        """Load and merge the files, via the pickle cache when its key still matches."""
        if cache_dir is None:
            return cls.from_result(load_all(paths))
        key = cache_key(paths)
        cache = Path(cache_dir) / f"names-{key}.pickle"
        try:
            with open(cache, "rb") as fh:
                store = pickle.load(fh)
            if isinstance(store, NameStore):
                os.utime(cache)  # keep recently used caches when pruning
                return store
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
        store = cls.from_result(load_all(paths))
        _write_cache(cache, store)
        return store


def cache_key(paths: list[Path]) -> str:
    h = hashlib.sha256()
    here = Path(__file__).parent
    for name in _CODE_FILES:
        h.update((here / name).read_bytes())
    for p in paths:
        h.update(str(p).encode() + b"\0")
        try:
            h.update(hashlib.sha256(Path(p).read_bytes()).digest())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:32]


def _write_cache(cache: Path, store: NameStore) -> None:
    """Best effort: a cache we cannot write only costs speed next time."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(store, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
        old = sorted(cache.parent.glob("names-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-CACHE_KEEP]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass
