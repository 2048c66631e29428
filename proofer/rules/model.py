"""What a loaded rule is: a compiled pattern, its fix, its authority and its evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from proofer.finding import Category, Finding, Severity

#: The marks that delimit the error span in a wrong example: "ministern «häll» med om".
MARK_OPEN, MARK_CLOSE = "«", "»"

#: The named group that marks the flagged span inside a match; without it the whole match.
ERROR_GROUP = "err"


class LazyPattern:
    """A regular expression compiled when first used, standing in for re.Pattern.

    A rule file's hundred patterns took a third of a start-up to compile, and most
    rules never run on a short text (their precheck strings are not in it). Pickled
    (the loaded rules are cached, proofer.table_cache) it keeps only the pattern and
    flags; the loader compiled it once, when the file was read, to refuse a broken
    one."""

    __slots__ = ("pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0,
                 compiled: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled = compiled

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> object:  # groupindex, finditer, flags, ...
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        return LazyPattern, (self.pattern, self._flags)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            return (self.pattern, self._flags) == (other.pattern, other._flags)
        if isinstance(other, re.Pattern):
            return self.compiled() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self._flags))


class RuleLoadError(Exception):
    """A rule (or a whole file) that cannot be used; the message names file and line."""


@dataclass(frozen=True, slots=True)
class Example:
    """A wrong example: `text` with the marks removed, the marked span and its fix."""

    text: str
    start: int
    end: int
    correction: str | None

    @classmethod
    def parse(cls, marked: str, correction: str | None) -> Example:
        if marked.count(MARK_OPEN) != 1 or marked.count(MARK_CLOSE) != 1:
            raise ValueError(f"exemplet ska markera felet med exakt ett {MARK_OPEN}…{MARK_CLOSE}: "
                             f"{marked!r}")
        start = marked.index(MARK_OPEN)
        end = marked.index(MARK_CLOSE) - 1
        if end < start:
            raise ValueError(f"{MARK_CLOSE} före {MARK_OPEN} i exemplet {marked!r}")
        text = marked.replace(MARK_OPEN, "", 1).replace(MARK_CLOSE, "", 1)
        return cls(text, start, end, correction)


@dataclass(frozen=True, slots=True)
class Convention:
    """When a document never uses the house form (`house`, e.g. "–") and a rule group
    fires at least `min_count` times, the writer follows a convention of their own
    (typewriter text, an archive conversion): one decision for the whole text, so
    the findings become hints instead of a claim at every occurrence. With
    `claim_first` the first occurrence stays a claim that speaks for all of them."""

    group: str
    min_count: int
    house: tuple[str, ...]
    claim_first: bool = False


@dataclass(frozen=True)
class Rule:
    id: str
    regex: re.Pattern[str] | LazyPattern
    message: str
    suggestions: tuple[str, ...]
    source: str
    category: Category
    severity: Severity
    examples: tuple[Example, ...]
    correct: tuple[str, ...]
    file: str = ""
    line: int = 0
    url: str = ""
    #: substrings of which at least one must occur (lower-cased unless case-sensitive)
    precheck: tuple[str, ...] = ()
    case_sensitive: bool = False
    keep_case: bool = True
    convention: Convention | None = None
    note: str = field(default="", compare=False)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def applies(self, text: str, lowered: str) -> bool:
        """Cheap substring test before any regex runs."""
        if not self.precheck:
            return True
        hay = text if self.case_sensitive else lowered
        return any(p in hay for p in self.precheck)

    def find(self, text: str) -> Iterator[Finding]:
        has_group = ERROR_GROUP in self.regex.groupindex
        for m in self.regex.finditer(text):
            start, end = m.span(ERROR_GROUP) if has_group else m.span()
            if start < 0 or (end == start and not self.suggestions):
                continue
            flagged = text[start:end]
            suggestions = tuple(self._fix(m, t, flagged) for t in self.suggestions)
            # A message may name what the match found ("m. fl." -> "\g<x>.\g<y>.")
            message = m.expand(self.message) if "\\g<" in self.message else self.message
            yield Finding(start, end, flagged, self.category, self.id, message,
                          suggestions, self.severity, "rules")

    def _fix(self, m: re.Match[str], template: str, flagged: str) -> str:
        fix = m.expand(template) if "\\" in template else template
        if self.keep_case and fix and flagged[:1].isupper() and fix[:1].islower():
            fix = fix[:1].upper() + fix[1:]
        return fix
