"""Hunspell's verdict on every word Swedish text uses, worked out once per dictionary.

Asking Hunspell about a rare word or a non-word costs 20-100 µs (it searches for a
compound reading), and the checkers ask about thousands of them in a long article:
the spelling checker about every word the frequency list cannot settle, the name
checker about capitalised words, the grammar checkers about inflected forms. Most of
those words are in wordfreq's Swedish list (340,000 words). This table holds the ones
of them Hunspell rejects (about 130,000), so for a listed word the answer is a set
look-up; anything else still goes to Hunspell.

The table is only a faster way to get Hunspell's own answers, so it must never
disagree with the installed dictionary: its file name carries a key made from the
contents of the dictionary files, enchant's personal word lists and wordfreq's
Swedish list, and a sample of its answers is compared with Hunspell when a new
table file is first loaded. A missing or stale table only costs speed: `python -m
proofer prepare` (run by scripts/setup.sh) builds it, in a few seconds.

A start-up hashes none of those files while they are unchanged: the key and the
verdict on the sample are kept (proofer.table_cache) under the files' stat (size,
modification time, inode), and worked out again only when that changes. The
table is a marshal file; what a start-up reads is a copy of it as a stored hash
table (proofer.stored_words), asked without building a set of 130,000 words.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from itertools import islice
from pathlib import Path

from proofer import table_cache
from proofer.frequency import swedish_words
from proofer.speller import LANGUAGE
from proofer.stored_words import FORMAT as STORED_FORMAT
from proofer.stored_words import StoredWords, store

FORMAT = "4"
# Where enchant's Hunspell provider looks for dictionaries on Linux, in its order.
# (After enchant's own configuration folder, see _enchant_config.)
_DICTIONARY_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
# enchant's own word lists for the language, in its configuration folder.
_PERSONAL_LISTS = ("{lang}.dic", "{lang}.exc")
# Answers compared with Hunspell on loading: spread over the whole table.
SAMPLE = 64


class WordTable:
    """Listed lower-case words, which of them Hunspell rejects, and those whose
    capitalised form gets the other answer: names ("denis" no, "Denis" yes) and a
    handful of oddities ("filipinerna" yes, "Filipinerna" no)."""

    def __init__(self, rejected: Sequence[str] | frozenset[str] | StoredWords,
                 capital_flips: Sequence[str] | frozenset[str] = (),
                 sample: Sequence[str] | None = None) -> None:
        self.rejected: frozenset[str] | StoredWords = (
            rejected if isinstance(rejected, StoredWords) else frozenset(rejected))
        self.capital_flips = frozenset(capital_flips)
        self._sample = list(sample) if sample is not None else _sample(rejected, capital_flips)

    @property
    def listed(self) -> Mapping[str, float]:
        """The frequency list, asked for each time: a long text merges its pieces
        loads it as a dict (proofer.stored_words), which is then the faster to ask."""
        return swedish_words()

    def answer(self, word: str) -> bool | None:
        """Hunspell's answer for `word`, or None when the table does not cover it.

        A capitalised word ("Regeringen" opening a sentence, "Denis") is covered
        when its lower-case form is listed: Hunspell gives it the lower-case
        form's answer unless the build found that it flips."""
        listed = self.listed
        if word in listed:
            return word not in self.rejected
        low = word.lower()
        if low in listed and low != word and word == _capitalised(low):
            return (low not in self.rejected) != (low in self.capital_flips)
        return None

    def agrees_with(self, check: Callable[[str], bool]) -> bool:
        """True when a spread sample of the table's answers is what `check` says."""
        step = max(1, len(self.listed) // SAMPLE)
        sample = [*islice(self.listed, 0, None, step), *self._sample]
        sample += [_capitalised(w) for w in sample]
        return all(self.answer(w) in (None, bool(check(w))) for w in sample)


def _sample(rejected: Sequence[str] | frozenset[str],
            flips: Sequence[str] | frozenset[str]) -> list[str]:
    """Words spread over the table's two sets, to compare with Hunspell."""
    some_rejected, some_flips = sorted(rejected), sorted(flips)
    return [*some_rejected[:: max(1, len(some_rejected) // SAMPLE)],
            *some_flips[:: max(1, len(some_flips) // SAMPLE)]]


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def dictionary_key(language: str = LANGUAGE) -> str | None:
    """A key that changes whenever Hunspell's answers could: the dictionary files
    enchant would use, the user's enchant word lists and wordfreq's Swedish list.
    None when the dictionary files cannot be found (then no table is used)."""
    sources = _key_sources(language)
    if sources is None:
        return None
    return table_cache.load_or_build(f"dictionary-key-{language}", sources,
                                     lambda: _content_key(language, sources))


def _key_sources(language: str) -> list[Path] | None:
    for d in _dictionary_dirs():
        aff, dic = d / f"{language}.aff", d / f"{language}.dic"
        if aff.is_file() and dic.is_file():
            break
    else:
        return None
    sources = [aff, dic]
    for name in _PERSONAL_LISTS:
        p = _enchant_config() / name.format(lang=language)
        # Empty lists change no answer, and enchant creates them empty the first
        # time it opens a dictionary: counted, they gave a fresh installation's
        # table (built before they existed) a key no later run looked for.
        if p.is_file() and p.stat().st_size > 0:
            sources.append(p)
    listed = table_cache.wordfreq_data_file("sv", "large")
    if listed is not None:
        sources.append(listed)
    return sources


def _content_key(language: str, sources: Sequence[Path]) -> str:
    h = hashlib.sha256(f"{FORMAT}\0{language}\0".encode())
    for path in sources:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()[:24]


def _enchant_config() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "enchant"


def _dictionary_dirs() -> list[Path]:
    dirs = []
    config = os.environ.get("ENCHANT_CONFIG_DIR")
    if config:
        dirs.append(Path(config) / "hunspell")
    dirs.append(_enchant_config() / "hunspell")
    dirs += [Path(d) for d in _DICTIONARY_DIRS]
    return dirs


def table_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"hunspell-{LANGUAGE}-{key}.marshal"


def load(cache_dir: Path, check: Callable[[str], bool]) -> WordTable | None:
    """The table for the installed dictionary, or None (missing, unreadable, or
    disagreeing with Hunspell: then it is deleted, to be built again)."""
    key = dictionary_key()
    if key is None:
        return None
    path = table_path(cache_dir, key)
    try:
        stat = path.stat()
        seen = (path, stat.st_mtime_ns, stat.st_size)
        if seen in _loaded:  # the app builds a new engine when settings change
            return _loaded[seen]
        # The table as a stored hash table, kept beside it (under its stat).
        flips, sample = table_cache.load_or_build(
            f"hunspell-flips-{LANGUAGE}", [path], lambda: _read(path)[1:], cache_dir)
        rejected = table_cache.load_or_build_mapped(
            f"hunspell-stored{STORED_FORMAT}-{LANGUAGE}", [path],
            lambda: store(_read(path)[0]),
            lambda stored: StoredWords(stored, lambda: _read(path)[0]), cache_dir)
        table = WordTable(rejected, flips, sample)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    # The sample is compared once per table file and dictionary (their stat): a
    # start-up with neither changed reads the verdict instead of asking Hunspell.
    sources = [path, *(_key_sources(LANGUAGE) or [])]
    agrees = table_cache.load_or_build(f"table-verified-{LANGUAGE}", sources,
                                       lambda: table.agrees_with(check), cache_dir)
    if not agrees:
        path.unlink(missing_ok=True)
        return None
    _loaded.clear()  # one dictionary at a time: the old table is garbage
    _loaded[seen] = table
    return table


def _read(path: Path) -> tuple[frozenset[str], frozenset[str], list[str]]:
    rejected, flips, sample = marshal.loads(path.read_bytes())
    return frozenset(rejected), frozenset(flips), list(sample)


# The last table loaded and checked, by its file's identity: read (1 MB), built and
# compared with Hunspell once per process, not at every engine build.
_loaded: dict[tuple[Path, int, int], WordTable] = {}


def build(cache_dir: Path, workers: int | None = None) -> tuple[Path, int] | None:
    """Ask Hunspell about every listed word and write the table; (path, rejected
    count), or None without a findable dictionary. Written atomically: a reader
    sees the old table or the new one, never half of it."""
    key = dictionary_key()
    if key is None:
        return None
    words = list(swedish_words())
    workers = workers or min(4, os.cpu_count() or 1)
    chunks = [words[i::workers] for i in range(workers)]
    if workers == 1:
        parts = [_verdicts(chunks[0])]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_verdicts, chunks))
    rejected = sorted(w for part in parts for w in part[0])
    flips = sorted(w for part in parts for w in part[1])
    path = table_path(cache_dir, key)
    write_table(path, rejected, flips)
    for old in path.parent.glob(f"hunspell-{LANGUAGE}-*.marshal"):
        if old != path:
            old.unlink(missing_ok=True)
    return path, len(rejected)


def write_table(path: Path, rejected: Sequence[str], flips: Sequence[str]) -> None:
    """The two sets as one marshal file, written atomically: a reader sees the old
    table or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        marshal.dump((frozenset(rejected), frozenset(flips), _sample(rejected, flips)), fh)
    os.replace(tmp, path)


def prepare_in_background() -> subprocess.Popen[bytes] | None:
    """Start `python -m proofer prepare` in a separate, low-priority process when the
    table for the installed dictionary is missing from the user's cache, and return
    it (else None).

    For the desktop app started without scripts/setup.sh (which builds the table
    first): the session keeps asking Hunspell, with the same results, and the
    next engine built after the table is written uses it. A process rather than a
    thread, so that the build holds neither the interpreter lock nor the speller's
    lock while the editor checks."""
    from proofer.settings import config_dir

    key = dictionary_key()
    if key is None or table_path(config_dir() / "cache", key).is_file():
        return None
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "proofer", "prepare", "--quiet"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            # Its own session: closing the app (or Ctrl+C in its terminal) does not
            # cut the build short. (Cut short, it writes nothing: the write is atomic.)
            start_new_session=True,
            preexec_fn=_lower_priority if hasattr(os, "nice") else None)
    except OSError:
        return None  # only speed is lost


def _lower_priority() -> None:
    os.nice(10)


def _verdicts(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """(words Hunspell rejects, words whose capitalised form gets the other answer)."""
    import enchant

    d = enchant.Dict(LANGUAGE)
    rejected, flips = [], []
    for w in words:
        known = d.check(w)
        if not known:
            rejected.append(w)
        capital = _capitalised(w)
        if capital != w and d.check(capital) != known:
            flips.append(w)
    return rejected, flips
