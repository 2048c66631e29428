"""Small helpers shared by the writers that put text back into marked-up files."""

from __future__ import annotations

# A line break inside a paragraph (<br>, Word's Shift+Enter). It is not "\n", so the
# paragraph stays one line of Document.text; Qt shows it as a soft line break.
LINE_SEP = "\u2028"


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """(start, old_end, new_end): old[start:old_end] became new[start:new_end].

    Lets a writer touch only the piece of markup (a Word run, an HTML text node)
    that holds the edit, so formatting around a corrected word survives.
    """
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < limit - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return start, len(old) - tail, len(new) - tail


def locate(pieces: list[str], start: int, end: int) -> int | None:
    """Index of the piece that wholly holds old text [start, end), or None.

    A pure insertion at a boundary goes to the piece before it (typing on after a
    word continues that word's formatting).
    """
    pos = 0
    for i, piece in enumerate(pieces):
        a, b = pos, pos + len(piece)
        pos = b
        if piece and a <= start and end <= b and (start < b or start == end):
            return i
    return None
