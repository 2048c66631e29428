"""Hand-made analysed tokens, for grammar tests that must not depend on the tagger's choices.

They have the shape the matcher reads from the morphology (start, end, text and readings of
lemma + tags), so a test can state exactly which readings a word has.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class R:
    """One reading: a lemma and its tags."""

    lemma: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class T:
    """One token of the paragraph with its readings."""

    start: int
    end: int
    text: str
    readings: tuple[R, ...]
