"""How plausible an edit is as a slip on a Swedish keyboard.

Used only to break ties between dictionary forms at the same edit distance, which
is where inflection is decided: "Hallbergz" is "Hallbergs" (z is next to s), while
"Beustg" is "Beust" with a stray g (next to t), not "Beusts".
"""

from __future__ import annotations

from functools import lru_cache

_ROWS = ("qwertyuiopå", "asdfghjklöä", "zxcvbnm")
SWAPPED = DROPPED = 0.3
NEIGHBOUR = 0.6  # a wrong or extra key next to the right one (or a doubled key)
OTHER = 1.0


def _neighbours() -> dict[str, set[str]]:
    pos = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    out: dict[str, set[str]] = {ch: set() for ch in pos}
    for ch, (r, c) in pos.items():
        near = [(r, c - 1), (r, c + 1)]
        if r == 0:
            near += [(1, c - 1), (1, c)]
        elif r == 1:
            near += [(0, c), (0, c + 1), (2, c - 1), (2, c)]
        else:
            near += [(1, c), (1, c + 1)]
        for rr, cc in near:
            if 0 <= rr < len(_ROWS) and 0 <= cc < len(_ROWS[rr]):
                out[ch].add(_ROWS[rr][cc])
    return out


_NEAR = _neighbours()


def adjacent(a: str, b: str) -> bool:
    return b in _NEAR.get(a, ())


@lru_cache(maxsize=50_000)
def slip_cost(written: str, target: str) -> float:
    """Weighted OSA distance from target to written, roughly -log of how likely the
    slip is: a swap or a dropped key can happen in few ways (cheap); a wrong or an
    extra key must also be a particular key (dearer), less so a neighbouring one."""
    w, t = written.lower(), target.lower()
    n, m = len(w), len(t)
    ins = [_ins_cost(w, i) for i in range(n)]  # per row, not per cell
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + ins[i - 1]
    for j in range(1, m + 1):
        d[0][j] = float(j) * DROPPED
    for i in range(1, n + 1):
        wc, extra = w[i - 1], ins[i - 1]
        near = _NEAR.get(wc, ())
        up, row = d[i - 1], d[i]
        for j in range(1, m + 1):
            tc = t[j - 1]
            if wc == tc:
                sub = 0.0
            else:
                sub = NEIGHBOUR if tc in near else OTHER
            best = min(up[j] + extra,  # extra key in written
                       row[j - 1] + DROPPED,  # key missing from written
                       up[j - 1] + sub)
            if i > 1 and j > 1 and wc == t[j - 2] and w[i - 2] == tc:
                best = min(best, d[i - 2][j - 2] + SWAPPED)
            row[j] = best
    return d[n][m]


def _ins_cost(w: str, i: int) -> float:
    """An extra key is a cheap slip when it sits next to (or repeats) a neighbour."""
    ch = w[i]
    for k in (i - 1, i + 1):
        if 0 <= k < len(w) and (w[k] == ch or adjacent(ch, w[k])):
            return NEIGHBOUR
    return OTHER
