"""Code points (the core's offsets) <-> UTF-16 code units (Qt's positions).

Every character outside the Basic Multilingual Plane (emoji, some symbols) is
one code point but two UTF-16 units, so offsets drift after the first one.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters, ascending; usually empty.
        self._astral = ([] if text.isascii()
                        else [m.start() for m in _ASTRAL.finditer(text)])
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, cp: int) -> int:
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        if not self._astral:
            return u16
        return u16 - bisect_left(self._astral16, u16)

