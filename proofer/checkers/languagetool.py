"""LanguageTool's grammar and style rules as one more checker.

A document checker that batches, rather than a paragraph checker, for two reasons:
one request per changed stretch of text instead of one per paragraph (the public
API allows about 20 requests a minute), and a cache that only remembers answers
LanguageTool actually gave, so that paragraphs checked while it was still starting
(or away) are sent as soon as it is ready, without the engine's cache hiding them.

The raw matches are cached and filtered at every check, so a word the user adds to
the dictionary silences LanguageTool at once, without asking it again.
"""

from __future__ import annotations

import logging
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable

from proofer.checkers.base import DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Category, Finding
from proofer.languagetool.client import LanguageToolError
from proofer.languagetool.mapping import LTMatch, parse_match, to_finding
from proofer.languagetool.offsets import Utf16Index
from proofer.languagetool.service import LanguageToolService
from proofer.settings import Settings
from proofer.speller import Speller
from proofer.text_cache import TextCache

log = logging.getLogger(__name__)

# Rules that are noise for news copy checked line by line: we send one paragraph per
# line (so "paragraph too long" is meaningless), long sentences are an editor's call,
# and headlines, bylines and list items often start in lower case on purpose.
DISABLED_RULES = ("TOO_LONG_PARAGRAPH", "TOO_LONG_SENTENCE", "UPPERCASE_SENTENCE_START")
BATCH_CHARS = 15_000  # well under the public API's per-request limit
CACHE_SIZE = 20_000  # paragraphs
CACHE_CHARS = 2_000_000  # and their total length (proofer.text_cache says why)
STARTUP_WAIT = 45.0  # how long the first check may wait for a starting server (CLI)
_SEPARATOR = "\n\n"  # LanguageTool's paragraph break


class LanguageToolChecker(DocumentChecker):
    name = "languagetool"
    engine = "languagetool"

    def __init__(self, service: LanguageToolService, speller: Speller | None = None, *,
                 startup_wait: float = STARTUP_WAIT,
                 disabled_rules: Iterable[str] = DISABLED_RULES) -> None:
        self.service = service
        self.speller = speller
        # The CLI may wait this long (once) for a local server to come up; the GUI
        # sets 0 and re-checks when add_listener reports "ok".
        self.startup_wait = startup_wait
        self.disabled_rules = tuple(disabled_rules)
        self._cache: TextCache[tuple[LTMatch, ...]] = TextCache(CACHE_SIZE, CACHE_CHARS)
        self._lock = threading.Lock()
        self._wait_until: float | None = None

    @classmethod
    def from_settings(cls, settings: Settings,
                      speller: Speller | None = None) -> LanguageToolChecker:
        return cls(LanguageToolService.from_settings(settings), speller)

    def status(self) -> str:
        return self.service.status()

    @property
    def warning(self) -> str | None:
        """Set when drafts go to the public API: say so where people will see it."""
        return self.service.warning

    def add_listener(self, callback: Callable[[str], None]) -> None:
        self.service.add_listener(callback)

    def close(self) -> None:
        self.service.close()

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        if self.service.mode == "off":
            return []
        try:
            return self._check(paragraphs)
        except Exception as exc:  # LanguageTool is an extra: it must never stop a check
            log.exception("LanguageTool check failed")
            self.service.fail(f"oväntat fel i LanguageTool-kontrollen ({exc})")
            return []

    def _check(self, paragraphs: list[Paragraph]) -> list[Finding]:
        todo = list(dict.fromkeys(p.text for p in paragraphs
                                  if p.text.strip() and not self._has(p.text)))
        # This check's answers are kept here too: a draft longer than the cache's
        # budget must not lose its first paragraphs' matches to its last ones.
        fetched: dict[str, tuple[LTMatch, ...]] = {}
        if todo and self._ready():
            for batch in _batches(todo, BATCH_CHARS):
                try:
                    fetched.update(self._fetch(batch))
                except LanguageToolError:
                    break  # status says why; the next check tries again after a pause
        findings: list[Finding] = []
        for p in paragraphs:
            matches = fetched.get(p.text)
            if matches is None:
                with self._lock:
                    matches = self._cache.get(p.text) or ()
            findings.extend(f.shifted(p.start) for f in self.findings(matches, p.text))
        return findings

    def _ready(self) -> bool:
        if self.service.ready:
            return True
        now = time.monotonic()
        if self._wait_until is None:
            self._wait_until = now + self.startup_wait
        return self.service.wait_ready(max(0.0, self._wait_until - now))

    def _has(self, paragraph: str) -> bool:
        with self._lock:
            return self._cache.get(paragraph) is not None

    def _fetch(self, batch: list[str]) -> dict[str, tuple[LTMatch, ...]]:
        joined = _SEPARATOR.join(batch)
        raw = self.service.check(joined, self.disabled_rules)
        index = Utf16Index(joined)
        starts, pos = [], 0
        for para in batch:
            starts.append(pos)
            pos += len(para) + len(_SEPARATOR)
        found: dict[str, list[LTMatch]] = {para: [] for para in batch}
        for item in raw:
            match = parse_match(item, index) if isinstance(item, dict) else None
            if match is None:
                continue
            i = bisect_right(starts, match.start) - 1
            para, start = batch[i], starts[i]
            if match.end <= start + len(para):  # not across a paragraph break
                found[para].append(match.shifted(-start))
        answers = {para: tuple(matches) for para, matches in found.items()}
        with self._lock:
            for para, matches in answers.items():
                self._cache.put(para, matches)
        return answers

    def findings(self, matches: Iterable[LTMatch], paragraph: str) -> list[Finding]:
        """Findings for one paragraph's matches, minus spelling that is ours to judge."""
        out = []
        for match in matches:
            finding = to_finding(match, paragraph)
            if finding.category is Category.SPELLING and self._speller_decides(finding.text):
                continue
            out.append(finding)
        return out

    def _speller_decides(self, word: str) -> bool:
        """Spelling is our speller's call wherever it has one.

        Words the user or the name dictionaries vouch for are never LanguageTool's to
        flag; words Hunspell accepts were accepted for a reason (compounds); and a
        capitalised unknown word is a name to verify, which our speller reports as a
        hint: a LanguageTool "misspelling" at the same span would turn that hint into
        a claimed error. Lower-case words both reject are kept, and the engine merges
        them with ours (our suggestions first, LanguageTool's appended).
        """
        speller = self.speller
        if speller is None:
            return False
        word = word.strip()
        if speller.is_accepted(word):
            return True
        if not speller.available:
            return False
        return speller.check(word) or word[:1].isupper()


def _batches(paragraphs: list[str], limit: int) -> list[list[str]]:
    batches: list[list[str]] = []
    size = 0
    for para in paragraphs:
        if batches and size + len(para) <= limit:
            batches[-1].append(para)
            size += len(para) + len(_SEPARATOR)
        else:
            batches.append([para])
            size = len(para) + len(_SEPARATOR)
    return batches
