"""Swedish word frequency (wordfreq's Zipf scale: 0 unknown, 3 rare, 6+ very common).

Used to rank spelling suggestions, to tell a rare slip from the common word it
replaced, and as a cheap first filter for candidate corrections: a dictionary
lookup costs a fraction of a microsecond where a Hunspell check of a non-word
(with its compound search) costs tens.

The tables are wordfreq's own, read from its data files once per installed
version and kept in the user's cache as marshal files (proofer.table_cache): a
start-up reads them in a few milliseconds, without importing wordfreq (with ftfy
and langcodes, a fifth of a second) or unpacking its compressed lists. They are
asked as they are stored (proofer.stored_words), without building a dict: a
short draft asks about a few thousand words.
"""

from __future__ import annotations

import gc
import math
import re
from collections.abc import Mapping
from functools import cache, lru_cache

from proofer import table_cache
from proofer.stored_words import FORMAT, StoredWords, store

# Languages that turn up in Swedish news (titles, names of works, quotes).
FOREIGN = ("en", "de", "fr", "es", "it")
# Their "small" lists: the words used more than once per million (Zipf 3), which is
# what the spelling checker's "used abroad" test asks (only the ~2,400 words at
# exactly 3.00 in the full lists are missing; no finding on the dev, seed or
# benchmark texts changed). Read in 0.05 s, where the full lists took 0.6 s of
# every session's first check.
FOREIGN_LIST = "small"
# A word of letters only, no marks to combine: wordfreq's tokenizer makes it one
# token, its case-folded self, in every language of FOREIGN (tests/test_frequency.py
# holds the two equal); anything else is asked of wordfreq itself.
_PLAIN_WORD = re.compile(r"[a-zA-ZÀ-ÖØ-öø-ÿ]+")
# Words in a text from which loading the Swedish table as a dict at once is
# cheaper than asking it as stored: a check asks it about 20 times per word, each
# question ~1.4 µs dearer than a dict's, and the dict costs ~0.15 s to load (on
# 10,000 words: 1.36-1.64 s CPU with the dict loaded at once, 1.74-1.90 s without).
LONG_TEXT = 5_000


@cache
def _swedish() -> StoredWords:
    def whole() -> dict[str, float]:
        return table_cache.frequency_dict("sv", "large")

    source = table_cache.wordfreq_data_file("sv", "large")
    if source is None:  # no wordfreq files to key a cached table by
        table = StoredWords(store(whole()))
    else:
        table = table_cache.load_or_build_mapped(
            f"wordfreq-stored{FORMAT}-large_sv", [source], lambda: store(whole()),
            lambda stored: StoredWords(stored, whole))
    _settle()
    return table


def expect_words(n: int) -> None:
    """Get ready for a text of about `n` words: past LONG_TEXT, load the whole
    Swedish table now (a dict, asked far faster) rather than after the
    look-ups it would have paid for by itself."""
    if n >= LONG_TEXT:
        _swedish().load()


@cache
def _foreign() -> StoredWords:
    """Word -> its highest Zipf frequency in the FOREIGN languages' lists, as
    wordfreq.zipf_frequency gives it for a one-token word: one table of 140,000
    words (loaded in a fifth of the time of the five lists it is made from), kept
    as stored (a short draft asks about a handful of words: reading the whole
    table was a tenth of its check)."""
    sources = [table_cache.wordfreq_data_file(lang, FOREIGN_LIST) for lang in FOREIGN]
    if all(sources):
        return table_cache.load_or_build_mapped(
            f"foreign-zipf-stored{FORMAT}-{FOREIGN_LIST}-{'-'.join(FOREIGN)}",
            [s for s in sources if s], lambda: store(_merged_foreign()), StoredWords)
    # no wordfreq files to key a cached table by
    return StoredWords(store(_merged_foreign()))


def _merged_foreign() -> dict[str, float]:
    tables = [table_cache.frequency_dict(lang, FOREIGN_LIST) for lang in FOREIGN]
    shared: dict[float, float] = {}  # one object per value: a smaller, faster file
    merged: dict[str, float] = {}
    for word in set().union(*tables):
        z = max(_wordfreq_zipf(t.get(word, 0.0)) for t in tables)
        merged[word] = shared.setdefault(z, z)
    return merged


def _settle() -> None:
    """Take what is loaded so far out of the cyclic garbage collector's sight.

    Called when the engine is built: what is alive then (modules, dictionaries,
    tables) lives as long as the process, and a full collection walks every item
    of it (one falls in most checks of a long article); frozen, it is never
    walked again. Only reference cycles among it could go uncollected; a collection
    first (a fiftieth of a second) found none, so there is none. (A dict of
    strings and floats is not walked at all: it holds nothing the collector
    tracks.)"""
    gc.freeze()


def swedish_words() -> Mapping[str, float]:
    """Lower-case word -> frequency, for membership tests in tight loops: the
    table in pieces, or once a long text has merged them, the dict itself (ask
    for it again rather than keeping it)."""
    table = _swedish()
    return table if table.whole is None else table.whole  # type: ignore[return-value]


def is_listed(word: str) -> bool:
    """True if wordfreq has seen the (lower-cased) word in Swedish text at all."""
    return word.lower() in swedish_words()


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Swedish Zipf frequency of a single word, rounded like wordfreq does."""
    freq = swedish_words().get(word.lower())
    if freq is None:
        return 0.0
    return round(math.log10(freq) + 9, 2)


@lru_cache(maxsize=20_000)
def foreign_zipf(word: str) -> float:
    """The highest frequency among the languages that turn up in Swedish news
    (titles, names of works, quotes): a hint that an unknown word is not a slip."""
    if not _PLAIN_WORD.fullmatch(word):
        from wordfreq import zipf_frequency

        return max(zipf_frequency(word, lang, wordlist=FOREIGN_LIST) for lang in FOREIGN)
    return _foreign().get(word.casefold(), _UNLISTED)


# A word at least this common in the other languages is used abroad (Zipf).
USED_ABROAD = 3.0


def more_used_abroad(word: str) -> bool:
    """"science" in "life science": Swedish may have the word, but other languages use
    it far more (ten times) than Swedish does."""
    return foreign_zipf(word) >= USED_ABROAD and foreign_zipf(word) > zipf(word) + 1.0


def _wordfreq_zipf(freq: float) -> float:
    """wordfreq.zipf_frequency's arithmetic for a one-token word of frequency
    `freq` (0 when unlisted): at least one per billion, three significant digits,
    then the Zipf scale rounded to hundredths."""
    unrounded = max(freq, 1e-9)
    rounded = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


_UNLISTED = _wordfreq_zipf(0.0)
