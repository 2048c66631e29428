"""LanguageTool (Java) counts offsets in UTF-16 code units; Python counts code points.

Every character outside the Basic Multilingual Plane (emoji, some CJK, mathematical
letters) is two units in Java and one in Python, so without conversion every match
after an emoji would be shifted one character per emoji.
"""

from __future__ import annotations

_BMP_MAX = "\uffff"


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ch > _BMP_MAX)


class Utf16Index:
    """Converts UTF-16 offsets into one string to code-point offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._table: list[int] | None = None
        if text and max(text) > _BMP_MAX:  # only then do the two counts differ
            table: list[int] = []
            for i, ch in enumerate(text):
                table.append(i)
                if ch > _BMP_MAX:
                    table.append(-(i + 1))  # the low surrogate: inside character i
            table.append(len(text))
            self._table = table
        self.units = len(self._table) - 1 if self._table is not None else len(text)

    def start(self, unit: int) -> int:
        """A start inside a surrogate pair moves back to the character's start."""
        unit = min(max(unit, 0), self.units)
        if self._table is None:
            return unit
        cp = self._table[unit]
        return -cp - 1 if cp < 0 else cp

    def end(self, unit: int) -> int:
        """An end inside a surrogate pair moves on past the whole character."""
        unit = min(max(unit, 0), self.units)
        if self._table is None:
            return unit
        cp = self._table[unit]
        return -cp if cp < 0 else cp
