"""Issue 13: fuzzed drafts with very long words and very long paragraphs never
raise, and every finding's text is its slice of the draft. (Bounded: a few dozen
examples; the soak run with thousands is benchmarks/fuzz_soak.py.)"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofer.checkers.registry import build_engine
from proofer.engine import Engine
from proofer.settings import Settings

_WORDS = st.sampled_from([
    "Regeringen", "sgäer", "kmmer", "Frderik", "Johanssomn", "och", "de", "dem", "ska",
    "ger", "har", "gjorde", "bl.a.", "(S)", "40-åringen", "a@b.se", "#val", "EU:s", "rut-",
    "partisyrelse", " – ", ",", ".", "”", "😀", "e\u0301", "\u00a0", "3M", "1 000",
])
_LONG_WORD = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöé", min_size=61, max_size=10_000),
    st.builds(lambda unit, n: unit * n, st.sampled_from(["ha", "Ha", "hus", "tv-", "1", "_",
                                                         ".", "+", "a."]),
              st.integers(min_value=30, max_value=5_000)),
)
_SENTENCE = st.lists(st.one_of(_WORDS, _WORDS, _WORDS, _LONG_WORD), min_size=1,
                     max_size=30).map(" ".join)
_DRAFT = st.one_of(
    st.lists(_SENTENCE, min_size=1, max_size=6).map("\n".join),
    # one long paragraph (up to about 100 kB)
    st.builds(lambda words, n: " ".join(words) * n,
              st.lists(_WORDS, min_size=5, max_size=40), st.integers(1, 1_000)),
)


@pytest.fixture(scope="module")
def engine() -> Engine:
    eng = build_engine(Settings(languagetool_mode="off"))
    yield eng
    eng.close()


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(text=_DRAFT)
def test_long_words_and_paragraphs_never_raise_and_spans_are_exact(
        engine: Engine, text: str) -> None:
    engine.new_document()
    report = engine.check(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.text
