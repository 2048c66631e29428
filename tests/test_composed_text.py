"""Decomposed letters (NFD, "a" + U+0308 for "ä"): checked as composed text, the
findings on the writer's own characters, so accepting one never breaks a letter."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from proofer import batch, batch_workers
from proofer.checkers.registry import build_engine
from proofer.composed_text import composed_view
from proofer.settings import Settings

SENTENCE = "Hon mår bra och ska hälsa på sin mormor i Göteborg. Han kom hem sent i kvälll."


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    e = build_engine(Settings(languagetool_mode="off"))
    yield e
    e.close()


def test_composed_text_needs_no_view() -> None:
    assert composed_view(SENTENCE) is None


def test_the_view_maps_every_span_back_to_whole_letters() -> None:
    nfd = unicodedata.normalize("NFD", "Hä ä")
    view = composed_view(nfd)
    assert view is not None and view.text == "Hä ä"
    assert (view.starts[1], view.ends[2]) == (1, 3)  # "ä" is nfd[1:3]
    assert (view.starts[3], view.ends[4]) == (4, 6)


def test_decomposed_letters_are_no_word_breaks(engine) -> None:  # type: ignore[no-untyped-def]
    nfd = unicodedata.normalize("NFD", SENTENCE)
    found = engine.check(nfd).findings
    assert [(f.text, f.suggestions[0]) for f in found] == [
        (unicodedata.normalize("NFD", "kvälll"), "kväll")]
    (f,) = found
    assert nfd[f.start:f.end] == f.text
    assert engine.check(SENTENCE).findings[0].suggestions[0] == "kväll"


def test_the_batch_maps_them_back_too(engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for i, text in enumerate([SENTENCE, unicodedata.normalize("NFD", SENTENCE)]):
        p = tmp_path / f"{i}.txt"
        p.write_text(text + "\n", encoding="utf-8")
        paths.append(str(p))
    one = [batch.check_file(engine, p) for p in paths]
    two = list(batch_workers.check_in_workers(engine, paths, 2))
    assert [r.findings for r in two] == [r.findings for r in one]
    assert [f.text for f in one[1].findings] == [unicodedata.normalize("NFD", "kvälll")]


def test_a_non_breaking_hyphen_joins_a_compound_like_a_hyphen(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Skicka ett e\u2011postmeddelande till tv\u2011redaktionen."
    assert engine.check(text).findings == []
    found = engine.check("Skicka ett e\u2011postmedelande nu.").findings
    # the unknown part alone, as after a plain hyphen
    assert [(f.text, f.suggestions[0]) for f in found] == [("postmedelande", "postmeddelande")]
