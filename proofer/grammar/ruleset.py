"""Running all grammar rules over one paragraph's tagged tokens."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from proofer.finding import Finding
from proofer.grammar.inflect import Generate, suggestions
from proofer.grammar.matcher import Match, Token, find_matches
from proofer.grammar.model import GrammarRule

_PLACEHOLDER = re.compile(r"\{(\d+|suggestion)\}")


class GrammarRuleSet:
    def __init__(self, rules: Iterable[GrammarRule]) -> None:
        self.rules = list(rules)

    def __len__(self) -> int:
        return len(self.rules)

    def check(self, paragraph: str, tokens: Sequence[Token], generate: Generate,
              only: GrammarRule | None = None) -> list[Finding]:
        """Findings of every rule (or of `only`); where two rules mark the same
        span, the earlier rule speaks."""
        found: list[Finding] = []
        spans: set[tuple[int, int]] = set()
        for rule in [only] if only else self.rules:
            for m in find_matches(rule, tokens):
                start, end = m.span()
                if (start, end) in spans:
                    continue
                fixes = suggestions(m, paragraph, generate)
                if rule.suggestions and not fixes:
                    continue  # a rule that corrects only claims what it can correct
                spans.add((start, end))
                found.append(Finding(start, end, paragraph[start:end], rule.category, rule.id,
                                     _message(rule, m, paragraph, fixes), tuple(fixes),
                                     rule.severity, "grammar"))
        found.sort(key=lambda f: (f.start, f.end))
        return found


def _message(rule: GrammarRule, m: Match, paragraph: str, fixes: list[str]) -> str:
    def fill(x: re.Match[str]) -> str:
        key = x.group(1)
        if key == "suggestion":
            return fixes[0] if fixes else ""
        hits = m.elements[int(key)] if int(key) < len(m.elements) else ()
        if not hits:
            return ""
        return paragraph[m.tokens[hits[0][0]].start:m.tokens[hits[-1][0]].end]
    return _PLACEHOLDER.sub(fill, rule.message)
