"""The one thing every checker produces and every face (CLI, GUI, scorer) consumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    SPELLING = "spelling"
    GRAMMAR = "grammar"
    NAME = "name"
    TITLE = "title"
    CONSISTENCY = "consistency"
    STYLE = "style"
    ARTIFACT = "artifact"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # a hint to verify (an unknown name); never counted as an error


# When two checkers flag overlapping text, the more specific diagnosis wins: a name
# checker that knows "Johanssomn" should be "Johansson" says more than a speller that
# only knows the word is unknown.
SPECIFICITY: dict[Category, int] = {
    Category.ARTIFACT: 70,
    Category.NAME: 60,
    Category.TITLE: 55,
    Category.CONSISTENCY: 50,
    Category.GRAMMAR: 40,
    Category.STYLE: 30,
    Category.SPELLING: 20,
}


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem at text[start:end] (code-point offsets) with suggestions best first.

    An empty-string suggestion means "remove this text"; no suggestions means the
    editor has to decide (for example an empty "Publicerad:" field).
    """

    start: int
    end: int
    text: str
    category: Category
    rule: str
    message: str
    suggestions: tuple[str, ...] = ()
    severity: Severity = Severity.ERROR
    source: str = field(default="", compare=False)  # the checker that produced it

    def shifted(self, delta: int) -> Finding:
        # The constructor, not dataclasses.replace: every cached paragraph finding
        # is shifted on every check, and replace costs several times as much.
        if not delta:
            return self
        return Finding(self.start + delta, self.end + delta, self.text, self.category,
                       self.rule, self.message, self.suggestions, self.severity, self.source)

    def with_source(self, source: str) -> Finding:
        return Finding(self.start, self.end, self.text, self.category, self.rule,
                       self.message, self.suggestions, self.severity, source)

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": str(self.category),
            "rule": self.rule,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "severity": str(self.severity),
        }

    @property
    def rank(self) -> tuple[int, int, int]:
        """Sort key for "which of two overlapping findings to keep": claims before
        hints, then the more specific category, then an error before a warning."""
        return (0 if self.severity is Severity.INFO else 1, SPECIFICITY[self.category],
                1 if self.severity is Severity.ERROR else 0)
