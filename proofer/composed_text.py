"""Text in decomposed Unicode (or with Unicode hyphens) checked as composed text with
plain hyphens, the findings put back on the characters as written.

macOS and some web pages write "ä" as "a" followed by a combining diaeresis (NFD).
The tokenizer, Hunspell and the analyser take the combining mark for a word break:
"hälsa" became "ha" and "lsa", each claimed, and accepting a correction of a part
damaged the word ("må̈"). A check therefore runs on the composed form (NFC), and each
finding's span is mapped back to the writer's own characters, so that the text is
never changed behind the user's back: only an accepted correction writes composed
letters, and only over its own span.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from proofer.finding import Finding


@dataclass(frozen=True, slots=True)
class ComposedView:
    """`text` composed; for each of its offsets, where it lies in the original."""

    original: str
    text: str
    starts: tuple[int, ...]  # composed offset k (a start) -> original offset
    ends: tuple[int, ...]    # composed offset k (an end) -> original offset

    def restore(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings with spans and text of the original."""
        out = []
        for f in findings:
            start, end = self.starts[f.start], self.ends[f.end]
            out.append(Finding(start, end, self.original[start:end], f.category, f.rule,
                               f.message, f.suggestions, f.severity, f.source))
        return out


# Hyphens that are the hyphen to a reader but not to the tokenizer: the Unicode
# hyphen and the non-breaking hyphen a desk types to keep "e‑post" on one line.
# One character for one, so spans are not moved by them.
HYPHENS = {0x2010: "-", 0x2011: "-"}


def composed_view(text: str) -> ComposedView | None:
    """None for text that is composed already and has no such hyphen (nearly all:
    three scans in C to tell)."""
    if unicodedata.is_normalized("NFC", text) and "\u2011" not in text and "\u2010" not in text:
        return None
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    i, n = 0, len(text)
    combining = unicodedata.combining
    while i < n:
        # a base character and the combining marks after it compose together
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]).translate(HYPHENS)
        pieces.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    starts.append(n)
    return ComposedView(text, "".join(pieces), tuple(starts), tuple(ends))
