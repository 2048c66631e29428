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
        # id of a rule (these stay alive with the set) -> its scans (see _scans)
        self._scans = {id(r): _scans(r) for r in self.rules if r.precheck}

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
        rule and paragraph, which dominated the cost. The scans (see _scans) are
        shared between rules that need the same one.
        """
        results: list[list[Finding]] = [[] for _ in texts]
        if not texts:
            return results
        joined = "\n".join(texts)
        lowered_parts = [t.lower() for t in texts]
        lowered = "\n".join(lowered_parts)
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        # Lower-casing may change a paragraph's length ("İ" becomes two code
        # points): the lower-cased text then has paragraph starts of its own.
        lower_starts = starts if len(lowered) == len(joined) else list(
            accumulate((len(t) + 1 for t in lowered_parts[:-1]), initial=0))
        everything = range(len(texts))
        done: dict[tuple[bool, str, str], set[int]] = {}  # scan -> paragraphs it hit
        for rule in self.rules if rules is None else rules:
            where: Iterable[int] = everything
            if rule.precheck:
                hits: set[int] = set()
                scans = self._scans.get(id(rule)) or _scans(rule)
                for scan in scans:
                    found = done.get(scan)
                    if found is None:
                        lower, prefix, last = scan
                        found = done[scan] = (_hits(lowered, prefix, last, lower_starts)
                                              if lower else _hits(joined, prefix, last, starts))
                    hits |= found
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


def _scans(rule: Rule) -> tuple[tuple[bool, str, str], ...]:
    """The text scans that find every paragraph containing one of the rule's
    precheck strings (and maybe a few more: the precheck only filters, the regex
    decides), as (in the lower-cased text?, prefix, last characters or ""):

    * a case-sensitive rule whose strings differ only in case ("mej", "Mej") looks
      for them once, in the lower-cased text;
    * strings that differ only in their last character (" en 0" ... " en 9") are
      one scan for what they share, each hit then tested on the character after it.

    Each scan is a pass over the whole article (about 40 µs each for a long one);
    there were some 115 of them."""
    lower = not rule.case_sensitive
    needles = rule.precheck
    if not lower:
        folded = tuple(dict.fromkeys(n.lower() for n in needles))
        if len(folded) < len(needles):
            lower, needles = True, folded
    by_prefix: dict[str, list[str]] = {}
    scans = []
    for n in dict.fromkeys(needles):
        if len(n) > MIN_SHARED_PREFIX:
            by_prefix.setdefault(n[:-1], []).append(n)
        else:
            scans.append((lower, n, ""))
    for prefix, group in by_prefix.items():
        if len(group) >= MIN_GROUP:
            scans.append((lower, prefix, "".join(n[-1] for n in group)))
        else:
            scans += [(lower, n, "") for n in group]
    return tuple(scans)


# Strings grouped by their prefix: a shared prefix of at least this many characters
# (a shorter one would hit far more often than the strings themselves) ...
MIN_SHARED_PREFIX = 3
# ... and only for this many strings or more (each hit costs a Python-level test).
MIN_GROUP = 3


def _hits(hay: str, prefix: str, last: str, starts: list[int]) -> set[int]:
    """Indexes of the paragraphs (beginning at `starts` in `hay`) where `prefix`
    occurs, followed by one of the characters in `last` if any are given."""
    hits: set[int] = set()
    k = len(prefix)
    n = len(hay)
    i = hay.find(prefix)
    while i >= 0:
        if not last or (i + k < n and hay[i + k] in last):
            hits.add(bisect_right(starts, i) - 1)
        i = hay.find(prefix, i + 1)
    return hits


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
