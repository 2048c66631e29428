"""From LanguageTool's match JSON to our findings.

LanguageTool classifies a rule twice: an ITS `issueType` (misspelling, grammar,
typographical, ...) and a category id (TYPOS, GRAMMAR, PUNCTUATION, ...). The
Swedish rule file names its own categories ("Grammatik", "Särskrivning ...",
"Kontamination") and leaves most issue types "uncategorized", so the table falls
back from the issue type to the category id to the default, grammar: that is what
the Swedish pattern rules are about.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from proofer.finding import Category, Finding, Severity
from proofer.languagetool.offsets import Utf16Index

log = logging.getLogger(__name__)

MAX_SUGGESTIONS = 5

_BY_ISSUE_TYPE: dict[str, Category] = {
    "misspelling": Category.SPELLING,
    "grammar": Category.GRAMMAR,
    "typographical": Category.STYLE,
    "whitespace": Category.STYLE,
    "style": Category.STYLE,
    "register": Category.STYLE,
    "duplication": Category.STYLE,
    "inconsistency": Category.STYLE,
}

_BY_CATEGORY: dict[str, Category] = {
    "TYPOS": Category.SPELLING,
    "GRAMMAR": Category.GRAMMAR,
    "CONFUSED_WORDS": Category.GRAMMAR,
    "CASING": Category.GRAMMAR,
    "COMPOUNDING": Category.GRAMMAR,
    "SEMANTICS": Category.GRAMMAR,
    "FALSE_FRIENDS": Category.GRAMMAR,
    "PUNCTUATION": Category.STYLE,
    "TYPOGRAPHY": Category.STYLE,
    "STYLE": Category.STYLE,
    "REDUNDANCY": Category.STYLE,
    "REPETITIONS": Category.STYLE,
    "REPETITIONS_STYLE": Category.STYLE,
    "PLAIN_ENGLISH": Category.STYLE,
    "COLLOQUIALISMS": Category.STYLE,
    "REGIONALISMS": Category.STYLE,
    "WIKIPEDIA": Category.STYLE,
    "MISC": Category.STYLE,
}

_SUGGESTION_TAG = re.compile(r"<suggestion>(.*?)</suggestion>", re.S)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class LTMatch:
    """One LanguageTool match with code-point offsets into the text that was checked."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    issue_type: str
    category_id: str
    category_name: str

    def shifted(self, delta: int) -> LTMatch:
        return LTMatch(self.start + delta, self.end + delta, self.message, self.short_message,
                       self.replacements, self.rule_id, self.issue_type, self.category_id,
                       self.category_name)

    @property
    def category(self) -> Category:
        return category_of(self.issue_type, self.category_id)


def parse_match(raw: dict[str, Any], index: Utf16Index) -> LTMatch | None:
    """None for a match we cannot place or read (bad offsets, empty span, no rule,
    a field of the wrong type): one malformed match costs only itself (issue 13)."""
    try:
        return _parse_match(raw, index)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        log.warning("LanguageTool: en felformad träff hoppades över (%r): %.200r", exc, raw)
        return None


def _parse_match(raw: dict[str, Any], index: Utf16Index) -> LTMatch | None:
    try:
        offset, length = int(raw["offset"]), int(raw["length"])
        rule = raw.get("rule") or {}
        rule_id = str(rule["id"])
    except (KeyError, TypeError, ValueError):
        return None
    if length <= 0 or offset < 0 or offset + length > index.units:
        return None
    start, end = index.start(offset), index.end(offset + length)
    if end <= start:
        return None
    category = rule.get("category") or {}
    return LTMatch(
        start=start,
        end=end,
        message=clean_message(str(raw.get("message") or rule.get("description") or "")),
        short_message=clean_message(str(raw.get("shortMessage") or "")),
        replacements=tuple(str(r["value"]) for r in raw.get("replacements") or ()
                           if isinstance(r, dict) and isinstance(r.get("value"), str)),
        rule_id=rule_id,
        issue_type=str(rule.get("issueType") or "").lower(),
        category_id=str(category.get("id") or ""),
        category_name=str(category.get("name") or ""),
    )


def category_of(issue_type: str, category_id: str) -> Category:
    if issue_type == "misspelling":
        return Category.SPELLING
    by_category = _BY_CATEGORY.get(category_id.upper())
    if by_category is not None:
        return by_category
    return _BY_ISSUE_TYPE.get(issue_type, Category.GRAMMAR)


def clean_message(message: str) -> str:
    """Rule messages may still carry their XML markup; people should see quotes."""
    message = _SUGGESTION_TAG.sub(lambda m: f"”{m.group(1)}”", message)
    return _SPACES.sub(" ", _TAG.sub("", message)).strip()


def to_finding(match: LTMatch, text: str) -> Finding:
    """`text` is what the match's offsets point into."""
    wrong = text[match.start:match.end]
    suggestions: list[str] = []
    for r in match.replacements:
        if r != wrong and r not in suggestions:
            suggestions.append(r)
    category = match.category
    severity = Severity.WARNING if category is Category.STYLE else Severity.ERROR
    message = match.message or match.short_message or "LanguageTool har en anmärkning"
    return Finding(match.start, match.end, wrong, category, f"languagetool.{match.rule_id}",
                   message, tuple(suggestions[:MAX_SUGGESTIONS]), severity)
