"""Examples written with the flagged span in [brackets], as the checkers' own
EXAMPLES_WRONG lists are."""

from __future__ import annotations


def unmark(marked: str) -> tuple[str, int, int]:
    """The text without brackets, and the start and end of the bracketed span."""
    start = marked.index("[")
    end = marked.index("]") - 1
    return marked.replace("[", "").replace("]", ""), start, end
