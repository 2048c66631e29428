"""Which original paragraph each line of an edited text belongs to.

HTML and Word drafts are saved by putting text back into the paragraphs it came
from. Usually the editor only changed words, and line i is paragraph i. When lines
were added or removed, a line diff decides: unchanged lines keep their paragraph,
changed lines are paired with the most similar old paragraph in order, removed
paragraphs are dropped and new lines become new paragraphs next to their
neighbours (copying the neighbour's paragraph style).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

MIN_SIMILARITY = 0.34
MAX_PAIRING_WORK = 2500  # line-pair similarity computations per replaced block


@dataclass
class LinePlan:
    """`texts[i]` is the new text of old paragraph i, or None if it was removed;
    `inserted[i]` lists new paragraphs to add after old paragraph i (key -1: before
    the first one)."""

    texts: list[str | None]
    inserted: dict[int, list[str]] = field(default_factory=dict)

    @property
    def structural(self) -> bool:
        return bool(self.inserted) or any(t is None for t in self.texts)


def plan_lines(old: list[str], new: list[str]) -> LinePlan:
    texts: list[str | None] = list(old)
    inserted: dict[int, list[str]] = {}
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = _pair(old[i1:i2], new[j1:j2])
        last_old = i1 - 1
        pending: list[str] = []
        paired_new = {j: i for i, j in pairs}
        for i in range(i1, i2):
            texts[i] = None
        for j in range(j2 - j1):
            if j in paired_new:
                if pending:
                    inserted.setdefault(last_old, []).extend(pending)
                    pending = []
                last_old = i1 + paired_new[j]
                texts[last_old] = new[j1 + j]
            else:
                pending.append(new[j1 + j])
        if pending:
            inserted.setdefault(last_old, []).extend(pending)
    return LinePlan(texts, inserted)


def _pair(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Order-preserving pairing of old and new lines maximising similarity
    (a small dynamic programme: replaced blocks are a few lines long). Lines less
    than a third alike are not paired: that is a new paragraph, not an edit."""
    n, m = len(old), len(new)
    if n == m or n * m > MAX_PAIRING_WORK:
        # Same count: line k was edited into line k. A huge rewrite (a pasted new
        # text): pair in order rather than spend minutes on similarity.
        return [(k, k) for k in range(min(n, m))]
    sims = [[SequenceMatcher(None, a, b, autojunk=False).ratio() for b in new] for a in old]

    def gain(i: int, j: int) -> float:
        return sims[i][j] + 1e-3 if sims[i][j] >= MIN_SIMILARITY else float("-inf")

    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score[i][j] = max(score[i + 1][j], score[i][j + 1],
                              score[i + 1][j + 1] + gain(i, j))
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] == score[i + 1][j + 1] + gain(i, j):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
