"""Runs a set of loaded rules over paragraphs, fast.

Speed matters because the rules pass runs on every keystroke pause over the whole
article: each rule carries literal substrings (its precheck) of which every match
must contain one, so a paragraph is lower-cased once and most rules are skipped by
a plain substring test before their regex ever runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from proofer.finding import Finding, Severity
from proofer.rules.model import Convention, Rule


class RuleSet:
    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)
        self._by_id = {r.id: r for r in self.rules}

    def __len__(self) -> int:
        return len(self.rules)

    def rule(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def check_paragraph(self, text: str, rules: list[Rule] | None = None) -> list[Finding]:
        lowered = text.lower()
        findings: list[Finding] = []
        for rule in self.rules if rules is None else rules:
            if rule.applies(text, lowered):
                findings.extend(rule.find(text))
        return findings

    def active(self, document: str) -> list[Rule]:
        """The rules whose precheck occurs somewhere in the document: the others
        cannot match in any of its paragraphs, so they are skipped for all of them."""
        lowered = document.lower()
        return [r for r in self.rules if r.applies(document, lowered)]

    def apply_conventions(self, text: str, findings: list[Finding]) -> list[Finding]:
        """Demote to hints the findings of a rule group that the document follows as
        its own convention (see `Convention`); everything else is returned as is."""
        groups: dict[str, list[int]] = defaultdict(list)
        conventions: dict[str, Convention] = {}
        for i, f in enumerate(findings):
            rule = self._by_id.get(f.rule)
            if rule is not None and rule.convention is not None and f.severity is not Severity.INFO:
                groups[rule.convention.group].append(i)
                conventions[rule.convention.group] = rule.convention
        out = list(findings)
        for group, indexes in groups.items():
            conv = conventions[group]
            if len(indexes) < conv.min_count or any(h in text for h in conv.house):
                continue
            indexes.sort(key=lambda i: findings[i].start)
            n = len(indexes)
            for rank, i in enumerate(indexes):
                f = findings[i]
                if rank == 0 and conv.claim_first:
                    out[i] = replace(f, message=f"{f.message} Samma sak på ytterligare "
                                                f"{n - 1} ställen i texten.")
                else:
                    out[i] = replace(f, severity=Severity.INFO,
                                     message=f"{f.message} (Texten gör genomgående så – "
                                             "kontrollera om det är husets stil.)")
        return out
