"""The analyser's (lt-proc's) output for a paragraph, put together from its pieces.

lt-proc looks words up one at a time: what it prints for a word does not depend on
the words around it, except where a multiword unit of its dictionary runs across a
single space ("i dag", "på grund av", ", år äldre", "2 000", "12,5 %"). A text cut
at every other space therefore gives, piece by piece, exactly the output of the whole,
and a news text repeats its pieces: each distinct piece goes through lt-proc once,
and a paragraph costs a few dictionary look-ups in Python instead of its characters
through the analyser (a third of the Apertium tools' time).

Where a unit may run across a space comes from the analyser itself:
resources/morph/lexer_joins.txt (made by scripts/build_lexer_joins.py from
`lt-print`) lists every space inside an entry as the word before it and the word
after it. A space is kept inside a piece when the words around it could be such a
pair, and always next to a digit (the analyser's number patterns loop over digits).
The list is keyed to the analyser file; with another file, or without the list,
nothing is cut and every paragraph goes to lt-proc whole, as before.
"""

from __future__ import annotations

import re
from pathlib import Path

JOINS = Path(__file__).resolve().parents[2] / "resources" / "morph" / "lexer_joins.txt"
#: characters of the analyser's number patterns: a space next to one is never cut
DIGITS = frozenset("0123456789½")
#: one key for every run of "." and "," (the number patterns without their digits)
PUNCT_RUN = "<.,>"
# Pieces whose output is kept, and the longest kept: a piece is a word or a few,
# its output ~10 times its length (50,000 pieces: ~10-15 MB, and as much for the
# facts kept per stretch of text).
MAX_PIECES = 50_000
LONGEST_PIECE = 200
_BLANKS = re.compile(r"(\s+)")


def piece_key(piece: str) -> str:
    """How a word before or after a space is looked up in the list."""
    low = piece.lower()
    if low and all(c in ".," for c in low):
        return PUNCT_RUN
    return low


class Junctions:
    """The pairs of words a unit of the analyser runs across a space between."""

    def __init__(self, letters: frozenset[str], pairs: frozenset[str],
                 before: frozenset[str] | None = None,
                 after: frozenset[str] | None = None) -> None:
        """`pairs`: "before\tafter" (one string a pair: a tenth of the memory of
        tuples); `before`, `after`: their halves, when already at hand."""
        self.letters = letters
        self.pairs = pairs
        self._before = before if before is not None else _halves(pairs, 0)
        self._after = after if after is not None else _halves(pairs, 1)
        # blank-free stretches of text -> _facts()
        self._known: dict[str, tuple[bool, tuple[str, ...], tuple[str, ...]]] = {}

    @classmethod
    def load(cls, analyser: Path, path: Path = JOINS) -> Junctions | None:
        """The list for this analyser file, or None (missing, or made from another
        file: the analyser's size and modification time are on its first line).
        Read through proofer.table_cache: a start-up loads it ready-made."""
        from proofer.table_cache import load_or_build

        got = load_or_build("lexer_joins", [path, analyser], lambda: _read(analyser, path))
        return None if got is None else cls(frozenset(got[0]), got[1], got[2], got[3])

    def joined(self, left: str, right: str) -> bool:
        """May lt-proc read one unit across the single space between these two
        blank-free stretches of text?"""
        return _joined(self._facts(left), self._facts(right), self.pairs)

    def _facts(self, chunk: str) -> tuple[bool, tuple[str, ...], tuple[str, ...]]:
        """Of a blank-free stretch: does it hold a digit, the words a unit may have
        before a space that it ends in, those a unit may have after a space that
        it starts with (looked up once per stretch: a text repeats them)."""
        got = self._known.get(chunk)
        if got is not None:
            return got
        letters = self.letters
        if letters.issuperset(chunk):  # letters only (most words): one word, no digit
            key = chunk.lower()
            got = (False, (key,) if key in self._before else (),
                   (key,) if key in self._after else ())
        else:
            n = len(chunk)
            befores = {piece_key(chunk[i:]) for i in range(n)
                       if i == 0 or chunk[i - 1] not in letters or chunk[i] not in letters}
            afters = {piece_key(chunk[:j]) for j in range(1, n + 1)
                      if j == n or chunk[j] not in letters or chunk[j - 1] not in letters}
            got = (not DIGITS.isdisjoint(chunk), tuple(befores & self._before),
                   tuple(afters & self._after))
        if len(self._known) >= MAX_PIECES:
            self._known.clear()
        self._known[chunk] = got
        return got

    def pieces(self, text: str) -> list[str]:
        """The text as pieces and the blanks between them, alternately (a piece
        first, possibly empty): cut at every run of blanks but a single space that
        a unit may run across."""
        parts = _BLANKS.split(text)
        facts, known = self._facts, self._known
        pairs = self.pairs
        out = [parts[0]]
        append = out.append
        left = facts(parts[0]) if parts[0] else None
        for k in range(1, len(parts), 2):
            blank, nxt = parts[k], parts[k + 1]
            # (_facts' look-up and _joined's first tests inlined: this runs for
            # every word of a check)
            right = (known.get(nxt) or facts(nxt)) if nxt else None
            if (blank == " " and left is not None and right is not None
                    and (left[0] or right[0] or (left[1] and right[2]
                                                 and _joined(left, right, pairs)))):
                out[-1] = out[-1] + " " + nxt
            else:
                append(blank)
                append(nxt)
            left = right
        return out


def _halves(pairs: frozenset[str], side: int) -> frozenset[str]:
    return frozenset(x.split("\t", 1)[side] for x in pairs)


def _read(analyser: Path, path: Path
          ) -> tuple[str, frozenset[str], frozenset[str], frozenset[str]] | None:
    """What Junctions.load keeps ready (a marshal-able value)."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
        st = analyser.stat()
    except OSError:
        return None
    if len(lines) < 2 or lines[0] != f"# {analyser.name} {st.st_size} {int(st.st_mtime)}":
        return None
    pairs = frozenset(line for line in lines[2:] if "\t" in line)
    return lines[1], pairs, _halves(pairs, 0), _halves(pairs, 1)


def _joined(left: tuple[bool, tuple[str, ...], tuple[str, ...]],
            right: tuple[bool, tuple[str, ...], tuple[str, ...]],
            pairs: frozenset[str]) -> bool:
    if left[0] or right[0]:
        return True  # a digit on either side: a number pattern may run on
    return bool(left[1] and right[2]) and any(f"{x}\t{y}" in pairs
                                               for x in left[1] for y in right[2])
