"""Apertium's stream format, both ways.

Text going in must have the format's reserved characters escaped, or the analyser
reads a "<" in a headline as the start of a tag and stops with "Malformed input
stream"; what comes out is lexical units ``^surface/lemma<tag>.../...$`` between
blanks, with the same escapes to undo. The format is documented at
https://wiki.apertium.org/wiki/Apertium_stream_format.

Parsing is on the path of every check, and a news text repeats its words, so the
analyses of a unit are parsed once per distinct analysis string.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

# Reserved anywhere in the stream; a backslash makes each one literal.
RESERVED = frozenset("^$@/<>{}[]\\*#~+")
_ESCAPES = {ord(c): "\\" + c for c in RESERVED}
# NUL ends a chunk in null-flush mode, so it may never reach the analyser as text.
_ESCAPES[0] = " "

# An escaped character or a superblank between units (skipped), or a unit: "^", its
# surface up to the first unescaped "/", the rest up to its "$". The loops are
# unrolled ("plain run, then escape and plain run, ...") rather than an alternation
# per character: the same matches at half the cost.
_UNIT = re.compile(r"\\.|\[[^\]\\]*(?:\\.[^\]\\]*)*\]"
                   r"|(\^)([^\\/$]*(?:\\.[^\\/$]*)*)/?([^\\$]*(?:\\.[^\\$]*)*)\$?",
                   re.DOTALL)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
# A unit of a stream without escapes: its surface up to the first "/", the rest up
# to its "$".
_PLAIN_UNIT = re.compile(r"\^([^/$^]*)/?([^$^]*)")


def escape(text: str) -> str:
    """Text as literal stream input (NUL becomes a blank: it would end the chunk)."""
    return text.translate(_ESCAPES)


def unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


@dataclass(frozen=True, slots=True)
class Part:
    """One part of an analysis: a compound or multiword analysis has several."""

    lemma: str
    tags: tuple[str, ...]


Analysis = tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    """A lexical unit: the surface form and its analyses as printed (`rest`, parsed by
    `analyses`; kept as the string so that callers can cache on it)."""

    surface: str
    rest: str

    @property
    def analyses(self) -> tuple[Analysis, ...]:
        return analyses(self.rest)


def parse(stream: str) -> list[Unit]:
    """The lexical units of an analyser/tagger output, escapes undone; blanks and
    superblanks between them are skipped (offsets come from the text itself)."""
    return [Unit(surface, rest) for surface, rest in pairs(stream)]


def pairs(stream: str) -> list[tuple[str, str]]:
    """parse() as (surface, rest) tuples: the morphology reads every unit of a
    text this way, and a tuple made by the regex engine costs a fraction of a
    Unit made in Python."""
    if "\\" not in stream and "[" not in stream:
        # No escapes and no superblanks (most paragraphs): every "^" opens a unit,
        # which ends at its "$" (or where the next one opens).
        return _PLAIN_UNIT.findall(stream)
    return [(unescape(surface) if "\\" in surface else surface, rest)
            for unit, surface, rest in _UNIT.findall(stream) if unit]


def prefer(rest: str, chosen: str) -> str:
    """A unit's analyses (as printed by CG-3) with the tagger's choice first."""
    if not chosen or rest == chosen:
        return rest or chosen
    fields = split_fields(rest)
    if chosen not in fields:
        return rest  # the tagger chose what CG-3 did not leave: keep CG-3's order
    return "/".join([chosen] + [f for f in fields if f != chosen])


def split_fields(body: str) -> list[str]:
    """Split on the slashes that are not escaped."""
    if "\\" not in body:
        return body.split("/")
    fields, start, i = [], 0, 0
    while i < len(body):
        if body[i] == "\\":
            i += 2
            continue
        if body[i] == "/":
            fields.append(body[start:i])
            start = i + 1
        i += 1
    fields.append(body[start:])
    return fields


@lru_cache(maxsize=50_000)
def analyses(rest: str) -> tuple[Analysis, ...]:
    """The analyses after a unit's surface form ("lemma<tag>.../..."), parsed once.
    Unknown words ("*word") have none."""
    # apertium-tagger -f prints a compound's chosen analysis as "a<cmp>+/b<n>".
    rest = rest.replace(">+/", ">+")
    out: list[Analysis] = []
    for field in split_fields(rest) if rest else ():
        if not field or field.startswith("*"):
            continue
        if ">+" in field:
            out.append(tuple([_part(p) for p in _split_parts(field)]))
        else:  # one part (most analyses)
            out.append((_part(field),))
    # Duplicates dropped, in order (hashing each Part is Python code: only when
    # there is more than one analysis).
    return tuple(dict.fromkeys(out)) if len(out) > 1 else tuple(out)


def _split_parts(field: str) -> list[str]:
    pieces = field.split(">+")
    return [p + ">" for p in pieces[:-1]] + [pieces[-1]]


def _part(text: str) -> Part:
    i = text.find("<")
    if i < 0:
        return _make_part(unescape(text), ())
    return _make_part(unescape(text[:i]), tuple(text[i + 1 : -1].split("><"))
                      if text.endswith(">") else tuple(text[i + 1 :].rstrip(">").split("><")))


_new = object.__new__
T = TypeVar("T")


def maker(cls: type[T]) -> Callable[[str, tuple[str, ...]], T]:
    """cls(lemma, tags) for a frozen dataclass of those two fields (Part, and the
    morphology's Reading), without the dataclass's __init__ (object.__setattr__ per
    field): one is made per analysis of every new word form a text brings."""
    set_lemma, set_tags = (cls.__dict__[f].__set__ for f in ("lemma", "tags"))

    def make(lemma: str, tags: tuple[str, ...]) -> T:
        made = _new(cls)
        set_lemma(made, lemma)
        set_tags(made, tags)
        return made

    return make


_make_part = maker(Part)


# Two word units joined by a hyphen the analyser has no compound for ("tv-serien",
# "e-postadressen", "S-ledaren", "covid-19-vaccinet"): lt-proc reads the first part,
# the hyphen and the head as three units, and rules then see "Den nya tv" (a common-
# gender noun after "nya") instead of "Den nya tv-serien". A unit with no blank on
# either side of the hyphen, the first part with a letter in it and the head known.
_HYPHEN_COMPOUND = re.compile(
    r"\^(?P<a>[^\W_]+(?:-[^\W_]+)*)/[^$^\\]*\$"
    r"\^-/-<guio>[^$^\\]*\$"
    r"\^(?P<b>[^\W\d_][^\W_]*)/(?P<rb>[^*$^\\][^$^\\]*)\$")


def join_hyphen_compounds(stream: str) -> str:
    """The analyser's output with such a compound as one unit: the head's analyses,
    each lemma prefixed with the first part ("tv-serie<n><ut><sg><def>"), as lt-proc
    prints the compounds it knows ("EU-land<n><nt><sg><def>")."""
    if "$^-/-<guio>" not in stream:
        return stream
    return _HYPHEN_COMPOUND.sub(_joined, stream)


def _joined(m: re.Match[str]) -> str:
    a, b = m.group("a"), m.group("b")
    if not any(c.isalpha() for c in a):
        return m.group()  # "70-80-talet": numbers, not a compound's first part
    rest = "/".join(f"{a}-{analysis}" for analysis in m.group("rb").split("/"))
    return f"^{a}-{b}/{rest}$"
