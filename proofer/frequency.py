"""Swedish word frequency (wordfreq's Zipf scale: 0 unknown, 3 rare, 6+ very common).

Used to rank spelling suggestions, to tell a rare slip from the common word it
replaced, and as a cheap first filter for candidate corrections: a dictionary
lookup costs a fraction of a microsecond where a Hunspell check of a non-word
(with its compound search) costs tens.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from wordfreq import get_frequency_dict, zipf_frequency


@cache
def _swedish() -> dict[str, float]:
    return get_frequency_dict("sv")


def swedish_words() -> dict[str, float]:
    """Lower-case word -> frequency, for membership tests in tight loops."""
    return _swedish()


def is_listed(word: str) -> bool:
    """True if wordfreq has seen the (lower-cased) word in Swedish text at all."""
    return word.lower() in _swedish()


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Swedish Zipf frequency of a single word, rounded like wordfreq does."""
    freq = _swedish().get(word.lower())
    if freq is None:
        return 0.0
    return round(math.log10(freq) + 9, 2)


@lru_cache(maxsize=20_000)
def foreign_zipf(word: str) -> float:
    """The highest frequency among the languages that turn up in Swedish news
    (titles, names of works, quotes): a hint that an unknown word is not a slip."""
    return max(zipf_frequency(word, lang) for lang in ("en", "de", "fr", "es", "it"))
