"""Paragraph caches are bounded by the text they hold, not only by a count (issue 13).

The fuzz soak's huge paragraphs (100-300 kB each) stayed in caches sized for
thousands of ordinary paragraphs, and a long-lived process grew past a gigabyte.
Each test checks more text than the cache's character budget in far fewer
paragraphs than its count bound, and then asks for the first paragraph again: it
must be worked out again (evicted), which a count-only bound never did.
"""

from __future__ import annotations

import pytest

from proofer import document, tokens
from proofer import engine as engine_module
from proofer.checkers.base import ParagraphChecker
from proofer.engine import Engine
from proofer.finding import Finding
from proofer.morph import apertium
from proofer.morph.apertium import ApertiumMorphology
from proofer.text_cache import TextCache


def big(i: int, size: int) -> str:
    return f"Stycke {i} " + "ord " * (size // 4)


def test_text_cache_evicts_by_length() -> None:
    cache: TextCache[int] = TextCache(max_items=100, max_chars=200)  # items up to 10 chars
    texts = [f"{i:010d}" for i in range(20)]  # 200 chars: exactly the budget
    for i, t in enumerate(texts):
        cache.put(t, i)
    assert cache.get(texts[0]) == 0  # now the most recent
    cache.put("x" * 10, 20)  # 210 chars: the least recent (texts[1]) goes
    assert cache.get(texts[1]) is None
    assert (cache.get(texts[0]), cache.get("x" * 10), cache.chars, len(cache)) == (0, 20, 200, 20)
    cache.discard(texts[0])
    assert cache.chars == 190 and texts[0] not in cache


def test_a_text_over_a_twentieth_of_the_budget_is_not_kept() -> None:
    """One huge paragraph's findings or analysis pin tens of megabytes (the fuzz
    soak's worker grew by about 30 MB per 100-300 kB paragraph it kept)."""
    cache: TextCache[int] = TextCache(max_items=100, max_chars=2_000)
    cache.put("a" * 100, 1)  # exactly a twentieth: kept
    cache.put("b" * 101, 2)  # over: not kept, and nothing pushed out for it
    assert cache.get("a" * 100) == 1 and cache.get("b" * 101) is None
    assert len(cache) == 1 and cache.chars == 100


class Spy(ParagraphChecker):
    name = "spy"
    engine = "spy"

    def __init__(self) -> None:
        self.runs: list[str] = []
        self.state = "ok"

    def status(self) -> str:
        return self.state

    def check_paragraph(self, text: str) -> list[Finding]:
        self.runs.append(text)
        return []


def test_engine_cache_holds_a_bounded_amount_of_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "PIECE_CHARS", engine_module.CACHE_CHARS)  # one piece each
    spy = Spy()
    engine = Engine([spy])
    size = engine_module.CACHE_CHARS // 25
    texts = [big(i, size) for i in range(30)]  # 30 paragraphs: far under CACHE_SIZE
    assert len(texts) < engine_module.CACHE_SIZE
    for t in texts:
        engine.check(t)
    engine.check(texts[-1])  # still cached: not run again
    assert len(spy.runs) == 30
    engine.check(texts[0])  # pushed out by the text after it
    assert len(spy.runs) == 31


def test_engine_does_not_remember_what_a_failing_checker_said() -> None:
    """A checker whose back end stopped answering during the check (status not ok)
    gave no verdict; once it is back, the paragraph is checked again."""
    spy = Spy()
    engine = Engine([spy])
    spy.state = "unavailable: Apertium svarar inte (inget svar)"
    engine.check("Huset är stor.")
    spy.state = "ok"
    engine.check("Huset är stor.")
    engine.check("Huset är stor.")
    assert spy.runs == ["Huset är stor."] * 2


def _fake_morphology(monkeypatch, answers: list[str]) -> tuple[ApertiumMorphology, list[str]]:  # noqa: ANN001
    """A morphology whose round trips are counted; each answers 'ok' or fails, in turn."""
    morph = ApertiumMorphology(files="saknas i testet")
    asked: list[str] = []

    def uncached(paragraphs: list[str]) -> list[tuple]:
        asked.extend(paragraphs)
        morph.status = answers.pop(0) if answers else "ok"
        return [() for _ in paragraphs]

    monkeypatch.setattr(morph, "_analyse_uncached", uncached)
    morph.status = "ok"
    return morph, asked


def test_morphology_cache_holds_a_bounded_amount_of_text(monkeypatch) -> None:  # noqa: ANN001
    morph, asked = _fake_morphology(monkeypatch, [])
    size = apertium.CACHE_CHARS // 25
    texts = [big(i, size) for i in range(30)]
    assert len(texts) < apertium.CACHE_SIZE
    for t in texts:
        morph.analyse(t)
    morph.analyse(texts[-1])
    assert len(asked) == 30
    morph.analyse(texts[0])
    assert len(asked) == 31


def test_morphology_does_not_cache_a_failed_round_trip(monkeypatch) -> None:  # noqa: ANN001
    """A timed-out round trip leaves every word unknown; that stood for the
    paragraph's analysis for good once the tools answered again."""
    morph, asked = _fake_morphology(monkeypatch, ["unavailable: Apertium svarar inte", "ok"])
    morph.analyse("Huset är stor.")
    morph.analyse("Huset är stor.")
    morph.analyse("Huset är stor.")
    assert asked == ["Huset är stor."] * 2


def test_rules_cache_holds_a_bounded_amount_of_text(monkeypatch) -> None:  # noqa: ANN001
    from proofer.checkers import rules
    from proofer.document import split_paragraphs

    monkeypatch.setattr(document, "PIECE_CHARS", rules.CACHE_CHARS)  # one piece each
    checker = rules.RulesChecker([])
    asked: list[str] = []
    monkeypatch.setattr(checker.ruleset, "check_paragraphs",
                        lambda texts: asked.extend(texts) or [[] for _ in texts])
    texts = [big(i, rules.CACHE_CHARS // 25) for i in range(30)]
    for t in texts + [texts[-1], texts[0]]:
        checker.check_document(t, split_paragraphs(t))
    assert asked == texts + [texts[0]]


def test_tokens_outside_a_check_are_bounded_by_length() -> None:
    tokens.clear_caches()
    texts = [big(i, 100_000) for i in range(30)]
    for t in texts:
        list(tokens.words(t))
    assert tokens._outside.chars <= tokens._outside.max_chars
    assert tokens._outside_words.chars <= tokens._outside_words.max_chars
    tokens.clear_caches()


def _timed_out_morphology() -> ApertiumMorphology:
    """A real morphology whose tools just failed a round trip (a time-out)."""
    morph = ApertiumMorphology()
    assert morph.status == "ok", morph.status
    assert morph._analyser is not None
    morph._analyser._timeout = 0.0  # no round trip can finish in time
    morph.analyse("Huset är stort och bilarna åkte hem. " * 2000)
    morph._analyser._timeout = 5.0
    assert morph.status.startswith("unavailable: Apertium svarar inte")
    return morph


def test_grammar_comes_back_after_the_tools_timed_out(monkeypatch) -> None:  # noqa: ANN001
    """One time-out (a huge paragraph on a busy machine) turned the grammar off for
    the rest of the session: the checker never asked a morphology whose status was
    not "ok", and only a round trip could set it back."""
    from proofer.checkers.grammar import GrammarChecker

    morph = _timed_out_morphology()
    try:
        checker = GrammarChecker(morphology=morph)
        assert checker.check_paragraph("Katten sover.") == []  # within the pause: not asked
        assert checker.status() != "ok"
        monkeypatch.setattr(apertium, "RETRY_AFTER", 0.0)  # the pause is over
        checker.prepare(["Katten sover."])  # (in the background: analyse waits for it)
        assert morph.analyse("Katten sover.")[0].known
        assert checker.status() == "ok" and morph._status == "ok"
    finally:
        morph.close()


def test_the_tools_are_not_retried_within_the_pause() -> None:
    morph = _timed_out_morphology()
    try:
        before = morph._analyser.restarts
        assert morph.status != "ok"
        assert morph.status != "ok"  # asking the status starts nothing
        assert morph._analyser.restarts == before
    finally:
        morph.close()


def test_a_very_long_word_stays_out_of_the_names_word_caches() -> None:
    """A fuzzed draft's 10,000-letter "words" each stayed in the names checker's
    strength cache and the frequency cache (both bounded by count only); no name or
    title is over 60 letters, so such a word is neither looked up nor kept."""
    from proofer.checkers.registry import build_engine
    from proofer.frequency import zipf
    from proofer.settings import Settings

    engine = build_engine(Settings(languagetool_mode="off"))
    try:
        names = next(c for c in engine.checkers if c.name == "names")
        word = "Hahaha" * 200
        zipf.cache_clear()
        engine.check(f"Hon skrattade {word} och gick.")
        assert word not in names._strengths
        misses = zipf.cache_info().misses
        zipf(word.lower())  # not in the cache: looked up afresh
        assert zipf.cache_info().misses == misses + 1
    finally:
        engine.close()


def test_spelling_verdicts_are_bounded_and_leave_over_long_words_out(monkeypatch) -> None:  # noqa: ANN001
    """The spelling checker keeps each word's verdict between paragraphs (a fuzzed
    300 kB paragraph repeats its slips thousands of times): at most VERDICT_CACHE
    words, and never a word too long to search candidates for."""
    from proofer.checkers import spelling
    from proofer.speller import Speller

    monkeypatch.setattr(spelling, "VERDICT_CACHE", 5)
    checker = spelling.SpellingChecker(Speller())
    kept = lambda: len(checker._verdicts) + len(checker._initial_verdicts) + len(checker._slips)  # noqa: E731
    for slip in ("kmmer", "htita", "sgäer", "tllbaka", "rwdan", "mychet", "jälpa", "hälst"):
        checker.check_paragraph(f"Hon {slip} i dag.")
        assert kept() <= 6  # the bound, and the word of the paragraph just checked
    word = "ha" * 40
    checker.check_paragraph(f"Hon skrattade {word} och gick.")
    assert word not in checker._verdicts and word not in checker._slips
