"""Swedish word frequency (wordfreq's Zipf scale: 0 unknown, 3 rare, 6+ very common).

Used to rank spelling suggestions and to tell a rare slip from the common word it
replaced. Cached because the same words recur in every article.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    return zipf_frequency(word, "sv")
