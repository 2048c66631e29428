"""Adverbs written together or apart against the norm ("till baka", "efterhand").

Svenska skrivregler writes some particle words as one word ("tillbaka", "igen",
"överens") and some as several ("efter hand", "tills vidare"). When both parts of
the split form are words, or the joined form is a compound Hunspell builds, the
spelling checker has nothing to say, so the forms against the norm are listed in
resources/spelling/adverb_norms.yaml with the neighbouring words that make the same
letters a correct phrase ("i bland annat", "i efterhand"). One regex over all the
listed forms finds the candidates; the conditions are look-ups of the word before
and after, so the pass costs one regex search per paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from proofer.checkers.base import ParagraphChecker
from proofer.finding import Category, Finding, Severity
from proofer.morphology import match_case
from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[2] / "resources" / "spelling" / "adverb_norms.yaml"
_WORD = r"[^\W\d_]+"
_PREV_WORD = re.compile(rf"({_WORD})[ \t]+$")
_NEXT_WORD = re.compile(rf"[ \t]+({_WORD})")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)–]|$)")


@dataclass(frozen=True)
class Norm:
    written: str
    norm: str
    together: bool  # the norm is one word
    not_after: frozenset[str]
    not_before: frozenset[str]
    before: frozenset[str]
    not_at_end: bool
    severity: Severity
    note: str
    wrong: str
    right: tuple[str, ...]


@dataclass(frozen=True)
class Norms:
    by_form: dict[str, Norm]
    pattern: re.Pattern[str]


def _norm(entry: dict, together: bool) -> Norm:
    words = lambda key: frozenset(str(w).lower() for w in entry.get(key, ()))  # noqa: E731
    return Norm(
        written=str(entry["written"]).lower(), norm=str(entry["norm"]), together=together,
        not_after=words("not_after"), not_before=words("not_before"), before=words("before"),
        not_at_end=bool(entry.get("not_at_end", False)),
        severity=Severity(entry.get("severity", "error")), note=str(entry.get("note", "")),
        wrong=str(entry["wrong"]), right=tuple(str(r) for r in entry.get("right", ())))


@cache
def norms() -> Norms:
    data = read_yaml(DATA)
    entries = [_norm(e, True) for e in data["together"]] + [
        _norm(e, False) for e in data["apart"]]
    by_form = {n.written: n for n in entries}
    return Norms(by_form, _pattern(list(by_form)))


def _pattern(forms: list[str]) -> re.Pattern[str]:
    """One regex for all forms, grouped by their first word ("i (?:gen|sär|...)"):
    a flat alternation of every form is tried at each position and cost 3 ms per
    thousand words; grouped, most positions fail on the first word at once."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        first, _, rest = form.partition(" ")
        groups.setdefault(first, []).append(rest)
    alternatives = []
    for first in sorted(groups, key=len, reverse=True):
        rests = sorted(groups[first], key=len, reverse=True)  # "efter hand" before ""
        tails = "|".join(r"[ \t]+" + re.escape(r).replace(r"\ ", r"[ \t]+") if r else ""
                         for r in rests)
        alternatives.append(f"{re.escape(first)}(?:{tails})")
    initials = "".join(sorted({f[0] for f in forms}))
    return re.compile(rf"\b(?=[{initials}])(?<!-)(?:{'|'.join(alternatives)})(?![\w-])",
                      re.IGNORECASE)


class AdverbNormChecker(ParagraphChecker):
    name = "adverb_norms"
    engine = "spelling"

    def __init__(self) -> None:
        norms()  # read the data now, not in the first check

    def check_paragraph(self, text: str) -> list[Finding]:
        data = norms()
        found = []
        for m in data.pattern.finditer(text):
            written = " ".join(m.group().lower().split())
            norm = data.by_form.get(written)
            if norm is None or not self._applies(norm, text, m.start(), m.end()):
                continue
            suggestion = match_case(m.group(), norm.norm)
            message = f"Skrivs {'ihop' if norm.together else 'isär'}: ”{norm.norm}”"
            message += f" ({norm.note})." if norm.note else "."
            found.append(Finding(m.start(), m.end(), m.group(), Category.SPELLING,
                                 "spelling.written-together" if norm.together
                                 else "spelling.written-apart",
                                 message, (suggestion,), norm.severity))
        return found

    @staticmethod
    def _applies(norm: Norm, text: str, start: int, end: int) -> bool:
        prev = _PREV_WORD.search(text, max(0, start - 40), start)
        if prev is not None and prev.end() == start and prev.group(1).lower() in norm.not_after:
            return False
        nxt = _NEXT_WORD.match(text, end)
        following = nxt.group(1).lower() if nxt else ""
        if following in norm.not_before:
            return False
        if norm.before and following not in norm.before:
            return False
        return not (norm.not_at_end and _CLAUSE_END.match(text, end))
