"""Whatever text a reporter pastes (emoji, combining marks, \\r, control characters,
right-to-left scripts), checking never raises and every span is an exact slice."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofer.checkers.base import DocumentChecker, ParagraphChecker
from proofer.checkers.registry import build_checkers, build_engine
from proofer.document import split_paragraphs
from proofer.engine import Engine
from proofer.settings import Settings
from proofer.tokens import tokenize

# Swedish words (right and wrong), names, punctuation that the tokenizer treats
# specially, and the awkward characters, so that generated text reaches the
# checkers' interesting paths instead of being pure noise.
_PIECES = st.sampled_from([
    "Regeringen", "sgäer", "htita", "Frderik", "Johanssomn", "kommer", "bl.a.", "t.ex.",
    "(S)", "(MP)", "1:a", "40-åringen", "2019-2020", "https://www.dn.se/a.b", "a@b.se",
    "#val", "@tt", "EU:s", "Göteborgs-Posten", "rut-", "och", "de", "dem", "ska", "ger",
    "statminister", "vålds", "brott", " - ", " – ", "  ", "\n", "\r\n", "\r", "\t", ".", ",",
    "?", "”", "'", "’", ":", "😀", "👩‍👩‍👧", "e\u0301", "a\u0308", "\u200b", "\u00a0", "\u202e",
    "שלום", "مرحبا", "\U0001d11e", "\x0b", "\x0c", "\x1f", "\ufeff", "İ", "ß", "ﬁ",
])
_TEXT = st.one_of(
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map(" ".join),
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=200),
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    eng = build_engine(Settings(languagetool_mode="off"))
    yield eng
    eng.close()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=_TEXT)
def test_engine_never_raises_and_spans_are_exact(engine: Engine, text: str) -> None:
    report = engine.check(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert all(isinstance(s, str) for s in f.suggestions)


@pytest.fixture(scope="module")
def checkers():
    found = build_checkers(Settings(languagetool_mode="off"))
    yield found
    for c in found:
        c.close()


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=_TEXT)
def test_every_checker_gives_exact_spans_before_the_engine_filters(checkers, text: str) -> None:
    # The engine drops bad spans to protect users; here each checker must get
    # them right on its own.
    paragraphs = split_paragraphs(text)
    for checker in checkers:
        if isinstance(checker, ParagraphChecker):
            for para in paragraphs:
                for f in checker.check_paragraph(para.text):
                    assert para.text[f.start:f.end] == f.text, (checker.name, f)
        elif isinstance(checker, DocumentChecker):
            for f in checker.check_document(text, paragraphs):
                assert text[f.start:f.end] == f.text, (checker.name, f)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT)
def test_tokens_are_exact_ordered_slices(text: str) -> None:
    last = 0
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
        assert tok.start >= last and tok.end > tok.start
        last = tok.end


def test_the_engine_catches_checker_slips_in_offsets(engine: Engine) -> None:
    # One character outside the Basic Multilingual Plane before a slip: a checker
    # counting UTF-16 units would be off by one here.
    text = "\U0001d11e Vi måste htita en lösning."
    found = [f for f in engine.check(text).findings if f.text == "htita"]
    assert found and text[found[0].start:found[0].end] == "htita"
