"""What a checker is, as far as the engine cares.

Two scopes, because caching depends on it: a paragraph checker's findings depend
only on the paragraph's text, so the engine caches them per paragraph and re-runs
only edited paragraphs; a document checker (consistency inside one article) needs
the whole text and runs every time, so it must be cheap.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from proofer.document import Paragraph
from proofer.finding import Finding
from proofer.speller import Speller


class Checker(ABC):
    #: stable id, used in the cache key and in settings ("spelling", "names", ...)
    name: ClassVar[str]
    #: the engine whose status this checker reports under in the CLI JSON / status bar
    engine: ClassVar[str]

    def status(self) -> str:
        """"ok", "off" or "unavailable: <reason>" (shown to users as is)."""
        return "ok"

    def close(self) -> None:  # noqa: B027 - an optional hook, empty by default
        """Release outside resources (servers, threads)."""


class ParagraphChecker(Checker):
    #: Checkers whose paragraph pass the refinement (refine) reads from: the engine
    #: refines once every paragraph checker has done the block (their analyses are
    #: then cached), and not at all in a check that skips one of these (the app's
    #: fast first pass). Empty: the checker has no refinement.
    refines_after: ClassVar[frozenset[str]] = frozenset()
    #: Asks the shared morphology for the analysis of a few paragraphs of the block
    #: (checkers.grammar.shared_analysis): run after the other paragraph checkers.
    #: Asked early, it waited for the background analysis to reach the paragraph,
    #: while the grammar checker, which takes each analysis as it comes, could have
    #: worked on the ones before it. The findings' order is the registry's still.
    runs_late: ClassVar[bool] = False

    @abstractmethod
    def check_paragraph(self, text: str) -> list[Finding]:
        """Findings with offsets relative to `text` (one paragraph, no newline)."""

    def needs_refining(self, findings: Sequence[Finding]) -> bool:
        """Whether refine could change these findings of one paragraph (cheap)."""
        return False

    def refine(self, paragraphs: Sequence[tuple[str, Sequence[Finding]]]
               ) -> list[tuple[Finding, ...]] | None:
        """The paragraphs' findings (from check_paragraph) refined with what the
        checkers in refines_after worked out, all of a block at once; None when
        that is not to be had now (then they stand as they are, and are refined
        again at the next check)."""
        return None

    def prepare(self, texts: list[str]) -> None:  # noqa: B027 - optional, empty by default
        """The paragraphs check_paragraph is about to get (those the engine has no
        cached findings for): a checker that pays per call to an outside process can
        do them all at once here."""


class DocumentChecker(Checker):
    @abstractmethod
    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        """Findings with offsets into the whole `text`."""

    def new_document(self) -> None:  # noqa: B027 - an optional hook, empty by default
        """The next check is of another document: forget what was kept between
        checks of this one."""


class SpellerParagraphChecker(ParagraphChecker):
    """A paragraph checker whose judgement rests on Hunspell: it is exactly as
    available as the shared Speller, and says so in its status."""

    def __init__(self, speller: Speller) -> None:
        self.speller = speller

    def status(self) -> str:
        return self.speller.status
