"""Grammar rules over real morphology (proofer/grammar, resources/grammar/rules).

The morphology component is started on first use, not at start-up: a check that
needs no grammar (or a machine without the component) never pays for it. Without
it the status says why and the other checkers run as before.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from typing import Any

from proofer import error_model, suggestions
from proofer.checkers.base import ParagraphChecker
from proofer.finding import Finding
from proofer.grammar import GrammarRuleSet
from proofer.grammar.loader import load_rule_set
from proofer.grammar.model import GrammarRule

log = logging.getLogger(__name__)


def _load_morphology() -> tuple[Any | None, str]:
    try:
        from proofer.morph import get_morphology
    except ImportError as exc:
        return None, f"unavailable: morfologikomponenten saknas ({exc})"
    try:
        morph = get_morphology()
    except Exception as exc:  # noqa: BLE001 - any failure to start means "unavailable"
        return None, f"unavailable: morfologin kunde inte startas ({exc})"
    return morph, str(getattr(morph, "status", "ok"))


def morphology_or_none() -> Any | None:
    """The shared morphology when it is running, for checkers that only refine their
    verdicts with it (split compounds); None when it is missing or failed."""
    morph, status = _load_morphology()
    return morph if morph is not None and status == "ok" else None


class GrammarChecker(ParagraphChecker):
    name = "grammar_rules"
    engine = "grammar"

    def __init__(self, rules: list[GrammarRule] | None = None,
                 load_errors: list[str] | None = None, morphology: Any | None = None,
                 speller: Any | None = None) -> None:
        """`speller`: the engine's, lent to the morphology's compound fall-back.
        Without `rules` the rule files are read when the rules are first needed:
        the app's first findings of a draft come from the other checkers, and
        reading the files was a third of building the engine."""
        self._rules = None if rules is None else GrammarRuleSet(rules)
        self._load_errors = list(load_errors or ())
        self._morph = morphology
        self._morph_status = "ok" if morphology is not None else ""
        self._speller = speller
        self._lock = threading.Lock()
        self._rules_lock = threading.Lock()

    @property
    def rules(self) -> GrammarRuleSet:
        with self._rules_lock:
            if self._rules is None:
                rules, errors = load_rule_set()
                for e in errors:
                    log.warning("grammatikregel: %s", e)
                self._rules, self._load_errors = rules, list(errors)
            return self._rules

    @property
    def load_errors(self) -> list[str]:
        _ = self.rules
        return self._load_errors

    def morphology(self) -> Any | None:
        with self._lock:
            if self._morph is None and not self._morph_status:
                self._morph, self._morph_status = _load_morphology()
                lend = getattr(self._morph, "use_speller", None)
                if self._speller is not None and callable(lend):
                    lend(self._speller)
        return self._morph

    def status(self) -> str:
        morph = self.morphology()
        if morph is None:
            return self._morph_status
        status = str(getattr(morph, "status", "ok"))
        if status != "ok":
            return status
        if self._rules is None:
            return "ok"  # not read yet: no check has needed them (a first pass)
        return "ok" if len(self._rules) else "unavailable: inga grammatikregler kunde läsas"

    def prepare(self, texts: list[str]) -> None:
        """All paragraphs about to be checked go to the morphology at once: analysed
        in the background, batch by batch, while the other checkers run (the
        Apertium tools work in their own processes), so that check_paragraph mostly
        finds its analysis done. A morphology without `submit` analyses them all
        here in one stream (analyse_many: one round trip instead of one per
        paragraph)."""
        morph = self.morphology()
        if morph is None or str(getattr(morph, "status", "ok")) != "ok":
            return
        todo = [analysable(t) for t in texts if t.strip()]  # as check_paragraph sends them
        submit = getattr(morph, "submit", None)
        many = getattr(morph, "analyse_many", None)
        if callable(submit):
            submit(todo)
        elif callable(many):
            many(todo)

    def check_paragraph(self, text: str) -> list[Finding]:
        morph = self.morphology()
        if morph is None or str(getattr(morph, "status", "ok")) != "ok" or not text.strip():
            return []
        tokens = morph.analyse(analysable(text))
        return self.rules.check(text, tokens, morph.generate, morph.analyse,
                                self.respellings if self._speller is not None else None)

    def respellings(self, word: str) -> list[str]:
        """Words one likely misspelling from `word` (a slip of one key, or a sound
        spelt another way) that Swedish text uses, best first: what a rule that
        finds a word in a slot its class cannot fill offers instead."""
        return respellings(self._speller, word)


def respellings(speller: Any, word: str) -> list[str]:
    """(See GrammarChecker.respellings; also for the rule examples' tests.)"""
    if not getattr(speller, "available", False):
        return []
    found = set(speller.close_candidates(word))
    found |= error_model.by_ear_candidates(word, speller.check, steps=1)
    return suggestions.rank(word, found)


# Robustness guard (issue 13): the analyser's time grows much faster than the length
# of a token (6,000 letters: 10 s), and no word is this long. Such a token is sent as
# "X" and spaces, so every offset stays where it was and the rules see one unknown
# word in its place.
_LONGEST_TOKEN = 60
_OVERLONG = re.compile(rf"\S{{{_LONGEST_TOKEN + 1},}}")


@lru_cache(maxsize=8)
def analysable(text: str) -> str:
    """The paragraph as every checker sends it to the morphology: over-long tokens
    masked (a 10,000-letter token times Apertium out for everyone), and the same
    string for all, so that they share one cached analysis. Remembered for the
    last few paragraphs: four checkers ask for each one, and the regex pass over a
    300 kB paragraph was 4 % of its check."""
    return _OVERLONG.sub(lambda m: "X" + " " * (len(m.group()) - 1), text)


def shared_analysis(text: str) -> list[Any] | None:
    """The shared morphology's tokens of the paragraph, for checkers that refine
    their verdicts with it (split compounds, capitals); None when the morphology is
    missing or fails: without a reading, such a checker makes no claim."""
    morph = morphology_or_none()
    if morph is None:
        return None
    try:
        return morph.analyse(analysable(text))
    except Exception:  # noqa: BLE001 - a failed analysis: no reading, no claim
        return None
