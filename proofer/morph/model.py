"""What the morphology hands the grammar rules: tokens with exact paragraph offsets
and the readings the analyser and its disambiguator left.

Agreed with the grammar engine in /work/notes/morph-interface.md; tags are Apertium's
own names ("n", "adj", "ut", "nt", "sg", "def", "pres", ...) so rules can be read
against the analyser's documentation.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reading:
    lemma: str
    tags: tuple[str, ...]

    def has(self, *tags: str) -> bool:
        """True when every given tag is among this reading's tags."""
        return all(t in self.tags for t in tags)


@dataclass(frozen=True, slots=True)
class TaggedToken:
    start: int
    end: int
    text: str
    # readings[0] is the tagger's choice, the rest what CG-3 left; () = unknown word.
    readings: tuple[Reading, ...]
    # False when the analyser did not know the word as a whole (the readings, if any,
    # are then a compound guess decided by the last part; see source).
    known: bool
    source: str  # "apertium" | "compound" | "unknown"

    @property
    def reading(self) -> Reading | None:
        """The chosen reading, or None for an unknown word."""
        return self.readings[0] if self.readings else None

    def has(self, *tags: str) -> bool:
        """True when the chosen reading has every given tag."""
        return bool(self.readings) and self.readings[0].has(*tags)
