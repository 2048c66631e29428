"""Grammar and style rules written as data (resources/rules/*.yaml).

A document checker rather than a paragraph checker because one policy needs the
whole text: a dash or quote convention that the writer follows throughout (see
`Convention`) is reported as a hint, not as a claim at every occurrence. The
per-paragraph work is still cached here, so re-checking after an edit only re-runs
the rules on the edited paragraph.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from proofer.checkers.base import Checker, DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Category, Finding
from proofer.rules import RuleSet, load_rule_files
from proofer.rules.model import Rule
from proofer.text_cache import TextCache

log = logging.getLogger(__name__)

CACHE_SIZE = 20_000
CACHE_CHARS = 2_000_000  # the paragraphs' total length (proofer.text_cache says why)


class RulesChecker(DocumentChecker):
    name = "rules"
    engine = "rules"

    def __init__(self, rules: Iterable[Rule], load_errors: Iterable[str] = ()) -> None:
        self.ruleset = RuleSet(r for r in rules if r.category is not Category.ARTIFACT)
        self.load_errors = list(load_errors)
        self._cache: TextCache[list[Finding]] = TextCache(CACHE_SIZE, CACHE_CHARS)
        self._lock = threading.Lock()

    def status(self) -> str:
        return "ok" if len(self.ruleset) else "unavailable: inga regler kunde läsas"

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        per_paragraph = [self._cached(p.text) for p in paragraphs]
        missing = sorted({p.text for p, hit in zip(paragraphs, per_paragraph, strict=True)
                          if hit is None})
        if missing:
            fresh = self.ruleset.check_paragraphs(missing)
            computed = {t: self._store(t, f) for t, f in zip(missing, fresh, strict=True)}
            per_paragraph = [computed[p.text] if hit is None else hit
                             for p, hit in zip(paragraphs, per_paragraph, strict=True)]
        found: list[Finding] = []
        for para, hits in zip(paragraphs, per_paragraph, strict=True):
            found.extend(f.shifted(para.start) for f in hits or ())
        return self.ruleset.apply_conventions(text, found)

    def _cached(self, text: str) -> list[Finding] | None:
        with self._lock:
            return self._cache.get(text)

    def _store(self, text: str, result: list[Finding]) -> list[Finding]:
        with self._lock:
            self._cache.put(text, result)
        return result


def build_rule_checkers() -> list[Checker]:
    """Both rule-driven checkers from one load of the rule files; a broken rule is
    reported (file, line, reason) and the others still run."""
    from proofer.checkers.artifacts import ArtifactChecker

    rules, errors = load_rule_files()
    for e in errors:
        log.warning("regelfil: %s", e)
    return [RulesChecker(rules, errors), ArtifactChecker(rules)]
