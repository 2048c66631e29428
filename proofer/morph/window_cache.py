"""CG-3's output for a paragraph, put together from its sentences' outputs.

CG-3 (our resources/grammar/disambiguation/swedish.cg3, then Apertium's
swe-nor.rlx.bin, in one process or two: proofer.morph.disambiguation) works one
window at a time, and a window ends at a cohort whose word form is one of the
DELIMITERS: both grammars have ".", "!" and "?". No rule of either looks outside
its window (neither uses spanning contexts), and the window limits (soft 300, hard
500 cohorts) count from the window's start. So the stream cut right after each
"." / "!" / "?" unit gives, piece by piece, exactly CG-3's output for the whole
(tests/test_morph_window_cache.py checks it against the tools, and that both
grammars still end their windows there), and a sentence the tools have seen is a
dictionary look-up instead of CG-3, half of the tools' time: the unchanged
sentences of an edited paragraph, a sentence that recurs in a text or a batch (a
byline, a standard line, a quotation repeated).

The tagger still reads each paragraph whole (its choice at a sentence's start is
made from the state a paragraph starts in; it costs a sixth of CG-3).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from proofer.text_cache import known_and_new

#: word forms after whose unit a window of both grammars ends
CUT_AFTER = frozenset(".!?")
# Kept outputs, bounded by their streams' total length (a sentence's stream is ~8
# characters per character of text, its output a little less: 2,000,000 characters
# ~ 4-8 MB, some 2,000 sentences); a longer window is never kept.
MAX_CHARS = 2_000_000
LONGEST_WINDOW = 20_000

# Without escapes or superblanks (most streams) every "^" opens a unit.
_PLAIN_CUT = re.compile(r"\^[.!?]/[^$^]*\$")
# Otherwise an escaped character or a superblank is stepped over, so that only a
# real unit's "^" can start a cut unit.
_CUT = re.compile(r"\\.|\[[^\]\\]*(?:\\.[^\]\\]*)*\]|(\^[.!?]/[^\\$]*(?:\\.[^\\$]*)*\$)",
                  re.DOTALL)


def windows(stream: str) -> list[str]:
    """The stream cut after every unit whose word form ends a window; the pieces
    joined are the stream. Blanks after the last cut stay with the piece before
    them (a chunk of blanks alone is no sentence)."""
    if "\\" in stream or "[" in stream:
        ends = [m.end() for m in _CUT.finditer(stream) if m.group(1)]
    else:
        ends = [m.end() for m in _PLAIN_CUT.finditer(stream)]
    if not ends:
        return [stream]
    if not stream[ends[-1]:].strip():
        ends[-1] = len(stream)
    out = []
    start = 0
    for end in ends:
        out.append(stream[start:end])
        start = end
    if start < len(stream):
        out.append(stream[start:])
    return out


class WindowCache:
    """CG-3's output by window, for the streams of one morphology's analyser."""

    def __init__(self, max_chars: int = MAX_CHARS) -> None:
        self._known: dict[str, str] = {}
        self._chars = 0
        self._max_chars = max_chars

    def clear(self) -> None:
        self._known.clear()
        self._chars = 0

    def outputs(self, run_many: Callable[[list[str]], list[str]],
                streams: Sequence[str]) -> list[str]:
        """CG-3's output for each stream, as `run_many` (the CG-3 pipeline) gives it
        for the stream whole; only windows not seen before go to it, in one call."""
        cut = [windows(s) for s in streams]
        known = self._known
        have, todo = known_and_new((w for ws in cut for w in ws), known)
        if todo:
            fresh = run_many(todo)
            size = sum(len(w) for w in todo)
            if self._chars + 2 * size > self._max_chars:
                self.clear()
            for w, o in zip(todo, fresh, strict=True):
                have[w] = o
                kept = len(w) + len(o)
                if len(w) <= LONGEST_WINDOW and self._chars + kept <= self._max_chars:
                    known[w] = o
                    self._chars += kept
        return ["".join(have[w] for w in ws) for ws in cut]
