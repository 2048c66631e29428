"""Swedish spelling: words Hunspell sv_SE does not know, with ranked suggestions.

Hunspell's own suggestion order is by its internal edit heuristics, which often puts
a rare word before the obvious one. We re-rank its candidates by keyboard edit
distance and Swedish word frequency, so that "Frderik" gives "Fredrik" first.
"""

from __future__ import annotations

from rapidfuzz.distance import DamerauLevenshtein

from proofer.checkers.base import ParagraphChecker
from proofer.finding import Category, Finding, Severity
from proofer.frequency import zipf
from proofer.speller import Speller
from proofer.tokens import Token, starts_sentence, words

MAX_SUGGESTIONS = 5


class SpellingChecker(ParagraphChecker):
    name = "spelling"
    engine = "spelling"

    def __init__(self, speller: Speller, names_handle_capitalised: bool = False) -> None:
        self.speller = speller
        # When the name checker runs, a capitalised unknown word in mid-sentence is
        # its business (a name near-miss or an unknown name to verify), not a typo.
        self.names_handle_capitalised = names_handle_capitalised

    def status(self) -> str:
        return self.speller.status

    def check_paragraph(self, text: str) -> list[Finding]:
        if not self.speller.available:
            return []
        findings = []
        for tok in words(text):
            f = self._check_word(text, tok)
            if f is not None:
                findings.append(f)
        return findings

    def _check_word(self, text: str, tok: Token) -> Finding | None:
        word = tok.text
        if len(word) < 2 or word.isupper() or self.speller.check(word):
            return None
        if "-" in word and all(self.speller.check(p) for p in word.split("-") if p):
            return None  # "Göteborgs-Posten", "hälso-" style joins of known parts
        capitalised = word[0].isupper()
        sentence_start = capitalised and starts_sentence(text, tok.start)
        if capitalised and not sentence_start:
            if self.names_handle_capitalised:
                return None
            return Finding(tok.start, tok.end, word, Category.SPELLING, "spelling.unknown-name",
                           "Okänt namn – kontrollera stavningen", tuple(self.suggest(word)[:3]),
                           Severity.INFO)
        if sentence_start and self.speller.check(word.lower()):
            return None
        suggestions = self.suggest(word)
        if sentence_start and not _close_common(word, suggestions):
            # Probably a name we do not know, written first in its sentence.
            if self.names_handle_capitalised:
                return None
            return Finding(tok.start, tok.end, word, Category.SPELLING, "spelling.unknown-name",
                           "Okänt namn – kontrollera stavningen", tuple(suggestions[:3]),
                           Severity.INFO)
        return Finding(tok.start, tok.end, word, Category.SPELLING, "spelling.unknown-word",
                       f"Okänt ord: {word}", tuple(suggestions), Severity.ERROR)

    def suggest(self, word: str) -> list[str]:
        return rank_suggestions(word, self.speller.suggest(word))[:MAX_SUGGESTIONS]


def rank_suggestions(word: str, candidates: list[str]) -> list[str]:
    """Closest first; among equally close candidates, the more common word first.

    A split ("parti syrelse") is a last resort: Hunspell offers it often, and it
    is almost never what a reporter meant.
    """
    lower = word.lower()

    def score(cand: str) -> float:
        dist = DamerauLevenshtein.distance(lower, cand.lower())
        split_penalty = 1.5 if (" " in cand or "-" in cand) and " " not in word else 0.0
        return dist + split_penalty - 0.25 * zipf(cand.lower())

    seen: set[str] = set()
    ranked = []
    for c in sorted(candidates, key=score):
        if word[:1].isupper() and c[:1].islower():
            c = c[:1].upper() + c[1:]
        if c not in seen and c != word:
            seen.add(c)
            ranked.append(c)
    return ranked


def _close_common(word: str, suggestions: list[str]) -> bool:
    """A sentence-initial unknown word is a typo if an ordinary word is one edit away."""
    lower = word.lower()
    return any(
        DamerauLevenshtein.distance(lower, s.lower()) <= 1 and zipf(s.lower()) >= 3.0
        for s in suggestions[:3]
    )
