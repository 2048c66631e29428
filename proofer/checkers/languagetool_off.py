"""LanguageTool switched off: a checker that says so and sends nothing.

Standing in for proofer.checkers.languagetool when its mode is "off", so that a run
without LanguageTool does not import its HTTP client, server manager and thread
machinery (a tenth of a start-up), while the engines still report "languagetool":
"off" as before."""

from __future__ import annotations

from proofer.checkers.base import DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Finding


class LanguageToolOff(DocumentChecker):
    name = "languagetool"
    engine = "languagetool"

    def status(self) -> str:
        return "off"

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        return []
