"""Finding dictionary words within a small edit distance of a word, fast.

A linear fuzzy scan over 100,000 names costs tens of milliseconds per word. Words
are bucketed by (first two letters, length) and by (last two letters, length): a
typo rarely hits both ends of a word, and an edit changes the length by at most the
distance,
so a query only scans the few buckets that can hold a match, with rapidfuzz's C
scorer doing the comparisons. Two slips can touch both pairs ("Hqnha" for
"Hanna", "Hlalengre" for "Hallengren"), so a two-edit query also scans (first
letter, length): people rarely get the first letter wrong. Everything here
pickles, for the warm-load cache.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA


def max_distance(word: str) -> int:
    """Edits we tolerate: none for short words (too many real words and foreign
    names are one edit from a short name), one for medium, two for long words."""
    n = len(word)
    if n < 5:
        return 0
    if n < 8:
        return 1
    return 2


class FuzzyIndex:
    def __init__(self, words: Iterable[str]) -> None:
        """`words` are compared lower-cased; results are the lower-cased words."""
        heads: dict[tuple[str, int], list[str]] = defaultdict(list)
        tails: dict[tuple[str, int], list[str]] = defaultdict(list)
        initials: dict[tuple[str, int], list[str]] = defaultdict(list)
        for w in dict.fromkeys(x.lower() for x in words if x):
            heads[(w[:2], len(w))].append(w)
            tails[(w[-2:], len(w))].append(w)
            initials[(w[:1], len(w))].append(w)
        self._heads = dict(heads)
        self._tails = dict(tails)
        self._initials = dict(initials)

    def lookup(self, word: str, limit: int | None = None,
               k: int | None = None) -> list[tuple[str, int]]:
        """(dictionary word, OSA distance) within k (default max_distance(word)),
        closest first."""
        q = word.lower()
        k = max_distance(q) if k is None else k
        if k == 0:
            return []
        found: dict[str, int] = {}
        for n in range(len(q) - k, len(q) + k + 1):
            if k >= 2:  # holds the heads bucket
                buckets = [self._initials.get((q[:1], n)), self._tails.get((q[-2:], n))]
            else:
                buckets = [self._heads.get((q[:2], n)), self._tails.get((q[-2:], n))]
            for bucket in buckets:
                if not bucket:
                    continue
                for cand, dist, _ in process.extract(q, bucket, scorer=OSA.distance,
                                                     score_cutoff=k, limit=None):
                    if cand != q:
                        found[cand] = int(dist)
        ranked = sorted(found.items(), key=lambda cd: (cd[1], abs(len(cd[0]) - len(q)), cd[0]))
        return ranked[:limit] if limit else ranked
