"""The words around a finding, with its change shown inline (Qt-free).

A list of findings is only readable if each line says where it is: "Frderik" alone
could be anywhere, "…berättar om verksamheten för ~~Frderik~~ **Fredrik** …" is
one place. The sentence is cut at sentence ends (. ! ? followed by a space) and at
the paragraph, and trimmed with an ellipsis when it is long.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

# A sentence end, or a line break inside the paragraph (an HTML <br>, Word's
# Shift+Enter: a line of its own such as "Publicerad:").
_SENTENCE_END = re.compile(r"[.!?…]\s+|\u2028")


@dataclass(frozen=True)
class Snippet:
    before: str  # words before the finding, already trimmed
    wrong: str  # the flagged text
    right: str | None  # the first suggestion (None: no suggestion; "" removes)
    after: str

    def plain(self) -> str:
        """As plain text (screen readers, tests): "… för [Frderik → Fredrik] berättar …"."""
        change = _visible(self.wrong) if self.right is None else \
            f"{_visible(self.wrong)} → {_visible(self.right) if self.right else '(ta bort)'}"
        return f"{self.before}[{change}]{self.after}"

    def html(self, mark: str = "#fff3a0") -> str:
        """Wrong text struck through, the suggestion on a highlight after it."""
        wrong = f"<s>{escape(_visible(self.wrong))}</s>"
        if self.right is None:
            change = f"<u>{escape(_visible(self.wrong))}</u>"
        elif self.right == "":
            change = wrong
        else:
            change = (f"{wrong}<span style='background:{mark}; color:#000'><b>"
                      f"{escape(_visible(self.right))}</b></span>")
        return f"{escape(self.before)}{change}{escape(self.after)}"


def _visible(s: str) -> str:
    """A change of spaces only would be invisible: show them as ␣."""
    return s.replace(" ", "␣").replace("\u00a0", "⍽") if not s.strip() else s


def snippet(paragraph: str, start: int, end: int, right: str | None,
            width: int = 50) -> Snippet:
    """The sentence of `paragraph` around [start, end), at most `width` characters
    on each side of the finding."""
    begin = 0
    for m in _SENTENCE_END.finditer(paragraph, 0, start):
        begin = m.end()
    stop = len(paragraph)
    m = _SENTENCE_END.search(paragraph, end)
    if m is not None:
        stop = m.start() + (0 if m.group() == "\u2028" else 1)  # the full stop stays
    before = paragraph[begin:start]
    after = paragraph[end:stop]
    if len(before) > width:
        cut = before.find(" ", len(before) - width)
        before = "…" + before[cut + 1 if 0 <= cut < len(before) - 1 else len(before) - width:]
    if len(after) > width:
        cut = after.rfind(" ", 0, width)
        after = after[: cut if cut > 0 else width] + "…"
    return Snippet(before, paragraph[start:end], right, after)
