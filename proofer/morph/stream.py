"""Apertium's stream format, both ways.

Text going in must have the format's reserved characters escaped, or the analyser
reads a "<" in a headline as the start of a tag and stops with "Malformed input
stream"; what comes out is lexical units ``^surface/lemma<tag>.../...$`` between
blanks, with the same escapes to undo. The formats are documented at
https://wiki.apertium.org/wiki/Apertium_stream_format.
"""

from __future__ import annotations

from dataclasses import dataclass

# Reserved anywhere in the stream; a backslash makes each one literal.
RESERVED = frozenset("^$@/<>{}[]\\*#~+")
_ESCAPES = {ord(c): "\\" + c for c in RESERVED}
# NUL ends a chunk in null-flush mode, so it may never reach the analyser as text.
_ESCAPES[0] = " "


def escape(text: str) -> str:
    """Text as literal stream input (NUL becomes a blank: it would end the chunk)."""
    return text.translate(_ESCAPES)


@dataclass(frozen=True, slots=True)
class Part:
    """One part of an analysis: a compound or multiword analysis has several."""

    lemma: str
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """A lexical unit: the surface form and its analyses (empty when unknown)."""

    surface: str
    analyses: tuple[tuple[Part, ...], ...]


def parse(stream: str) -> list[Unit]:
    """The lexical units of an analyser/tagger output, escapes undone; blanks and
    superblanks between them are skipped (offsets come from the text itself)."""
    units: list[Unit] = []
    i, n = 0, len(stream)
    while i < n:
        c = stream[i]
        if c == "\\":
            i += 2
        elif c == "[":
            i = _skip_superblank(stream, i)
        elif c == "^":
            unit, i = _parse_unit(stream, i + 1)
            units.append(unit)
        else:
            i += 1
    return units


def _skip_superblank(s: str, i: int) -> int:
    i += 1
    while i < len(s) and s[i] != "]":
        i += 2 if s[i] == "\\" else 1
    return i + 1


def _parse_unit(s: str, i: int) -> tuple[Unit, int]:
    """Parse from just after "^" to just after the closing "$"."""
    fields: list[list[tuple[str, list[str]]]] = []  # per field: parts of (lemma, tags)
    lemma: list[str] = []
    tags: list[str] = []
    parts: list[tuple[str, list[str]]] = []
    n = len(s)

    def close_part() -> None:
        parts.append(("".join(lemma), list(tags)))
        lemma.clear()
        tags.clear()

    while i < n:
        c = s[i]
        if c == "\\" and i + 1 < n:
            lemma.append(s[i + 1])
            i += 2
        elif c == "<":
            j = s.find(">", i)
            if j < 0:
                j = n
            tags.append(s[i + 1 : j])
            i = j + 1
        elif c == "+" and tags:
            close_part()
            i += 1
            if i < n and s[i] == "/":
                i += 1  # apertium-tagger -f prints a compound's chosen analysis "a+/b"
        elif c == "/" or c == "$":
            close_part()
            fields.append(list(parts))
            parts.clear()
            i += 1
            if c == "$":
                break
        else:
            lemma.append(c)
            i += 1
    else:
        if lemma or tags or parts:
            close_part()
            fields.append(list(parts))
    surface = fields[0][0][0] if fields and fields[0] else ""
    analyses: list[tuple[Part, ...]] = []
    for field in fields[1:]:
        if len(field) == 1 and not field[0][1] and field[0][0].startswith("*"):
            continue  # "*word": the analyser does not know it
        analyses.append(tuple(Part(lem, tuple(tg)) for lem, tg in field))
    return Unit(surface, tuple(analyses)), i
