"""Runs a set of loaded rules over paragraphs, fast.

Speed matters because the rules pass runs on every keystroke pause over the whole
article: each rule carries literal substrings (its precheck) of which every match
must contain one, so most rules are skipped by a plain substring test before their
regex ever runs. A cold document is checked rule by rule over all its paragraphs
at once (`check_paragraphs`); a single edited paragraph paragraph by paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import accumulate

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
            if rule.precheck:  # Rule.applies, inlined: this loop runs per rule and paragraph
                hay = text if rule.case_sensitive else lowered
                for needle in rule.precheck:
                    if needle in hay:
                        break
                else:
                    continue
            findings.extend(rule.find(text))
        return findings

    def check_paragraphs(self, texts: list[str],
                         rules: list[Rule] | None = None) -> list[list[Finding]]:
        """Findings per paragraph, for many paragraphs at once (a cold document).

        Rule-major: each rule's precheck strings are looked up with str.find over all
        the paragraphs joined, and its regex runs only on the paragraphs that contain
        one. That is a few C-level scans per rule instead of a Python-level test per
        rule and paragraph, which dominated the cost.
        """
        results: list[list[Finding]] = [[] for _ in texts]
        if not texts:
            return results
        joined = "\n".join(texts)
        lowered = joined.lower()
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        everything = range(len(texts))
        for rule in self.rules if rules is None else rules:
            where: Iterable[int] = everything
            if rule.precheck:
                hay = joined if rule.case_sensitive else lowered
                hits: set[int] = set()
                for needle in rule.precheck:
                    i = hay.find(needle)
                    while i >= 0:
                        hits.add(bisect_right(starts, i) - 1)
                        i = hay.find(needle, i + 1)
                where = sorted(hits)
            for k in where:
                results[k].extend(rule.find(texts[k]))
        for r in results:
            r.sort(key=lambda f: (f.start, f.end))
        return results

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
            claimed = _first_unit(text, [findings[i] for i in indexes]) if conv.claim_first else 0
            for rank, i in enumerate(indexes):
                f = findings[i]
                if rank < claimed:
                    out[i] = replace(f, message=f"{f.message} Samma sak på ytterligare "
                                                f"{_places(n - claimed)} i texten.")
                else:
                    out[i] = replace(f, severity=Severity.INFO,
                                     message=f"{f.message} (Texten gör genomgående så – "
                                             "kontrollera om det är husets stil.)")
        return out


def _first_unit(text: str, ordered: list[Finding]) -> int:
    """How many findings make up the first occurrence: one, or two when the second
    closes a pair opened by the first in the same sentence ("svensk - och
    västsvensk - produktion" is one inserted clause, one decision)."""
    if len(ordered) >= 2:
        between = text[ordered[0].end : ordered[1].start]
        if not any(c in between for c in ".!?\n"):
            return 2
    return 1


def _places(n: int) -> str:
    return "1 ställe" if n == 1 else f"{n} ställen"
