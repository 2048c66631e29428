"""A paragraph too long for the morphology's cache is still analysed once per check:
the grammar, split-compound and capitals checkers ask for it one after the other,
and a 300 kB paragraph used to go through the Apertium tools for each of them
(benchmarks/bench_huge_paragraph.py). The last HUGE_KEPT such paragraphs are kept."""

from __future__ import annotations

import pytest

from proofer.morph import apertium
from proofer.morph.apertium import ApertiumMorphology, find_data
from proofer.text_cache import TextCache

pytestmark = pytest.mark.skipif(isinstance(find_data(), str), reason="Apertium saknas")

LONG = ("Hon kom hem sent i går kväll och sa att mötet hade dragit ut på tiden. "
        "Ingen visste varför. ")


@pytest.fixture
def morph() -> ApertiumMorphology:
    m = ApertiumMorphology(compound_guesses=False)
    m._cache = TextCache(100, 2_000)  # keeps nothing over 100 characters
    yield m
    m.close()


def counting(m: ApertiumMorphology, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    sent: list[str] = []
    real = m._analyse_uncached

    def count(paragraphs: list[str]) -> list[object]:
        sent.extend(paragraphs)
        return real(paragraphs)

    monkeypatch.setattr(m, "_analyse_uncached", count)
    return sent


def test_a_paragraph_too_long_for_the_cache_is_analysed_once(
        morph: ApertiumMorphology, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = counting(morph, monkeypatch)
    paragraph = LONG * 2
    assert len(paragraph) > morph._cache.max_item_chars
    first = morph.analyse(paragraph)
    again = morph.analyse(paragraph)
    assert again == first and sent == [paragraph]
    assert paragraph not in morph._cache  # the cache's own bound still holds


def test_only_the_last_few_are_kept(morph: ApertiumMorphology,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    sent = counting(morph, monkeypatch)
    paragraphs = [f"{LONG * 2}Nummer {i}." for i in range(apertium.HUGE_KEPT + 1)]
    for p in paragraphs:
        morph.analyse(p)
    morph.analyse(paragraphs[-1])  # kept
    morph.analyse(paragraphs[0])  # pushed out by the later ones: analysed again
    assert sent == [*paragraphs, paragraphs[0]]
    assert len(morph._huge) == apertium.HUGE_KEPT
