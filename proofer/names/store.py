"""The merged name/title dictionary, compiled for checking.

Every entry becomes a few written *forms* (name, aliases, title inflections, known
wrong forms), each filed under its lower-cased word tuple, so the checker finds a
form by building the tuple from the text: a dict look-up per position instead of a
scan. A genitive ("Hallbergs") is not stored but tried by stripping the -s; a typo
is found by the fuzzy word index (names.index) and then the same tuple look-up.

Everything is plain tuples, dicts and sets, because the compiled store is pickled
in the cache dir (keyed by the dictionary files' contents and this code) and a warm
start must unpickle 100,000 names in well under a second.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from array import array
from pathlib import Path
from typing import NamedTuple

from proofer.bounded_read import read_bytes
from proofer.names.index import FuzzyIndex
from proofer.names.inflect import PRIOR, genitive, labelled_title_forms, title_forms
from proofer.names.loader import MAX_DICTIONARY_BYTES, LoadResult, Problem, load_all
from proofer.names.model import Entry
from proofer.tokens import words

# Form flags
WRONG = 1  # a known wrong form: always flagged; `text` is the correct form
TITLE = 2  # matched case-insensitively
INFLECTED = 4  # a generated inflection, not written in the dictionary

CACHE_KEEP = 6
_CODE_FILES = ("store.py", "inflect.py", "model.py", "loader.py", "index.py")
_SIMPLE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*(?: [^\W\d_]+(?:[-'’][^\W\d_]+)*)*")


class Form(NamedTuple):
    text: str  # the correct text (to suggest, and to compare the written span with)
    entry: int  # index into the store's entries
    flags: int
    paradigm: int  # position in title_forms() (to carry an inflection over), else -1
    prior: float  # how much rarer this inflection is than the base form (see inflect)


SEP = "\x1f"  # joins a form's words into one dict key (strings unpickle fastest)


def place_bit(size: int, pos: int) -> int:
    """One bit per (number of words in a form, position of a word in it)."""
    return 1 << (size * (size - 1) // 2 + pos)


def word_key(text: str) -> tuple[str, ...]:
    """The lower-cased words of a name as the tokenizer sees them."""
    if _SIMPLE.fullmatch(text):
        return tuple(text.lower().split(" "))
    return tuple(t.text.lower() for t in words(text))


def normalise(span: str) -> str:
    return " ".join(span.split())


def _is_title_like(entry: Entry) -> bool:
    return entry.kind == "title" or (entry.kind == "term" and entry.name[:1].islower())


class NameStore:
    def __init__(self, entries: list[Entry], problems: list[Problem] | None = None) -> None:
        self._rows = [(e.name, e.kind, e.titles, e.party, e.aliases, e.wrong, e.note)
                      for e in entries]
        # Origins ("file:line") as a file table plus two int columns: 100,000
        # distinct strings would cost a tenth of a second to unpickle.
        self._files: list[str] = []
        self._origin_file = array("i")
        self._origin_line = array("i")
        files: dict[str, int] = {}
        for e in entries:
            path, _, line = e.origin.rpartition(":")
            if not line.isdigit():
                path, line = e.origin, "0"
            self._origin_file.append(files.setdefault(path, len(files)))
            self._origin_line.append(int(line))
        self._files = list(files)
        self._entries: list[Entry] | None = list(entries)
        self.problems = problems or []
        # Forms as parallel columns: arrays pickle as raw bytes.
        self._text: list[str] = []
        self._entry = array("i")
        self._flags = array("b")
        self._paradigm = array("b")
        self._prior = array("b")  # hundredths
        self.by_key: dict[str, int | tuple[int, ...]] = {}  # SEP-joined words -> form ids
        self.first_max: dict[str, int] = {}  # first word -> most words of a form
        # word -> where it stands in the forms' keys, as place_bit()s: a near-miss
        # window is tried only where one of the written word's options stands so.
        self.places: dict[str, int] = {}
        self.known: set[str] = set()  # name words as written
        self.known_lower: set[str] = set()  # title/term words, lower-cased
        self.surnames: dict[str, str] = {}  # a person's last word alone, lower -> as written
        self.party_letters: set[str] = set()
        self.max_words = 1
        fuzzy_names: set[str] = set()
        for i, e in enumerate(entries):
            self._compile(i, e, fuzzy_names)
        self.name_index = FuzzyIndex(fuzzy_names)
        self.title_index = FuzzyIndex(self.known_lower)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_entries"] = None  # rebuilt on demand from the compact rows
        return state

    # -- compiling -------------------------------------------------------------
    def _add(self, text: str, entry: int, target: str, flags: int, paradigm: int = -1,
             prior: float = 0.0) -> None:
        key = word_key(text)
        if not key:
            return
        fid = len(self._text)
        self._text.append(target)
        self._entry.append(entry)
        self._flags.append(flags)
        self._paradigm.append(paradigm)
        self._prior.append(round(prior * 100))
        joined = SEP.join(key)
        old = self.by_key.get(joined)
        self.by_key[joined] = fid if old is None else (
            (old, fid) if isinstance(old, int) else (*old, fid))
        places = self.places
        for pos, word in enumerate(key):
            places[word] = places.get(word, 0) | place_bit(len(key), pos)
        if self.first_max.get(key[0], 0) < len(key):
            self.first_max[key[0]] = len(key)
            self.max_words = max(self.max_words, len(key))
        if flags & WRONG:
            return
        if flags & TITLE:
            self.known_lower.update(key)
        else:
            if _SIMPLE.fullmatch(text):
                self.known.update(text.split(" "))
            else:
                self.known.update(t.text for t in words(text))

    def _compile(self, i: int, e: Entry, fuzzy: set[str]) -> None:
        if e.party and e.kind == "organization":
            self.party_letters.update(p.strip() for p in e.party.split("/"))
        if _is_title_like(e):
            for base in e.forms():
                for k, (f, label) in enumerate(labelled_title_forms(base)):
                    self._add(f, i, f, TITLE | (INFLECTED if k else 0), k, PRIOR[label])
            right = title_forms(e.name)
            for wrong in e.wrong:
                for k, f in enumerate(title_forms(wrong)):
                    self._add(f, i, right[min(k, len(right) - 1)], TITLE | WRONG, k)
            return
        plain = list(e.forms())
        for base in plain:
            # A listed genitive ("Sveriges") is as rare as a generated one.
            is_gen = any(base != f and base == genitive(f) for f in plain)
            self._add(base, i, base, 0, prior=PRIOR["gen"] if is_gen else 0.0)
            key = word_key(base)
            if not key:
                continue  # no word the tokenizer reads as one ("3M", "#metoo"): never met
            fuzzy.update(key)
            fuzzy.add(genitive(key[-1]))
        if e.kind == "person":
            key = word_key(e.name)
            if len(key) >= 2 and len(key[-1]) >= 4:
                last = e.name.split(" ")[-1]
                if last.lower() == key[-1]:
                    self.surnames.setdefault(key[-1], last)
        for wrong in e.wrong:
            self._add(wrong, i, e.name, WRONG)
            if genitive(wrong) != wrong:
                self._add(genitive(wrong), i, genitive(e.name), WRONG | INFLECTED)

    # -- queries ---------------------------------------------------------------
    def forms_for(self, key: tuple[str, ...]) -> list[Form]:
        """The forms whose lower-cased words are `key`."""
        hit = self.by_key.get(SEP.join(key))
        if hit is None:
            return []
        ids = (hit,) if isinstance(hit, int) else hit
        return [Form(self._text[i], self._entry[i], self._flags[i], self._paradigm[i],
                     self._prior[i] / 100) for i in ids]

    def knows_word(self, word: str) -> bool:
        """For the speller: a word of a dictionary name (or its genitive) or of a title
        is never a spelling error."""
        if word in self.known or word.lower() in self.known_lower:
            return True
        return len(word) > 2 and word[-1] == "s" and word[:-1] in self.known

    def organization(self, word: str) -> str | None:
        """The one-word organisation name `word` is, in any case ("skatteverket" ->
        "Skatteverket"), or None."""
        for form in self.forms_for((word.lower(),)):
            if self._rows[form.entry][1] == "organization" and " " not in form.text:
                return form.text
        return None

    @property
    def entries(self) -> list[Entry]:
        if self._entries is None:
            self._entries = [self.entry(i) for i in range(len(self._rows))]
        return self._entries

    def entry(self, i: int) -> Entry:
        if self._entries is not None:
            return self._entries[i]
        name, kind, titles, party, aliases, wrong, note = self._rows[i]
        line = self._origin_line[i]
        origin = self._files[self._origin_file[i]] + (f":{line}" if line else "")
        return Entry(name, kind, titles, party, aliases, wrong, note, origin)

    def entry_of(self, form: Form) -> Entry:
        return self.entry(form.entry)

    def kind_of(self, form: Form) -> str:
        return self._rows[form.entry][1]

    def find(self, name: str) -> Entry | None:
        return next((self.entry(i) for i, r in enumerate(self._rows) if r[0] == name), None)

    def __len__(self) -> int:
        return len(self._rows)

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
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                TypeError, ValueError):
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
            h.update(hashlib.sha256(read_bytes(p, MAX_DICTIONARY_BYTES)).digest())
        except OSError:  # missing, unreadable, or no regular file (the loader says why)
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
