"""Publishing leftovers: template placeholders, web-page chrome, empty fields.

Text copied from a CMS preview or a web page brings along things that are not
article text: "[Missing text '/kiv/phonenumber' for 'Swedish']", "{{ contact.phone }}",
"Ikon för telefonnummer", "Dela på Facebook", a browser notice, an empty
"Publicerad:" line. They are rules with category `artifact` in
resources/rules/artifacts.yaml (phrase lists, not code), run line by line: every
leftover sits on a line of its own or at the end of one.
"""

from __future__ import annotations

from collections.abc import Iterable

from proofer.checkers.base import ParagraphChecker
from proofer.finding import Category, Finding
from proofer.rules import RuleSet
from proofer.rules.model import Rule


class ArtifactChecker(ParagraphChecker):
    name = "artifacts"
    engine = "rules"

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.ruleset = RuleSet(r for r in rules if r.category is Category.ARTIFACT)

    def status(self) -> str:
        return "ok" if len(self.ruleset) else "unavailable: inga artefaktregler kunde läsas"

    def check_paragraph(self, text: str) -> list[Finding]:
        return self.ruleset.check_paragraph(text)
