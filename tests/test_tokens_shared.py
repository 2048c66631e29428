"""A check tokenizes each paragraph once, however long the text: every checker
reads the same tokens, and none of them is lost before the next checker asks."""

from __future__ import annotations

from collections import Counter

import pytest

from proofer import engine as engine_module
from proofer import tokens
from proofer.checkers.registry import build_engine
from proofer.settings import Settings


@pytest.fixture(scope="module")
def engine():
    e = build_engine(Settings(languagetool_mode="off"))
    yield e
    e.close()


def _scans(engine, monkeypatch, paragraphs: list[str]) -> Counter[str]:
    scanned: Counter[str] = Counter()
    real = tokens._scan

    def counting(text: str) -> tuple[tokens.Token, ...]:
        scanned[text] += 1
        return real(text)

    monkeypatch.setattr(tokens, "_scan", counting)
    tokens.clear_caches()
    engine.check("\n".join(paragraphs))
    assert set(paragraphs) <= set(scanned)
    assert tokens._shared is None  # dropped when the check ended
    return scanned


# More paragraphs than any bounded cache of the tokenizer held (8,192).
PARAGRAPHS = [f"Styrelsen i förening {i} beslutade om {i} kronor i dag." for i in range(9_000)]


def test_every_paragraph_is_tokenized_once_per_check(engine, monkeypatch) -> None:
    monkeypatch.setattr(engine_module, "BLOCK_CHARS", 10_000_000)  # the text in one block
    assert max(_scans(engine, monkeypatch, PARAGRAPHS).values()) == 1


def test_a_text_of_many_blocks_is_tokenized_at_most_twice(engine, monkeypatch) -> None:
    """Once while its block's checkers read it, once for the document checkers after
    the blocks; never once per checker."""
    paragraphs = [p.replace("i dag", "i går") for p in PARAGRAPHS]  # none cached yet
    assert len("\n".join(paragraphs)) > engine_module.BLOCK_CHARS
    assert max(_scans(engine, monkeypatch, paragraphs).values()) == 2


def test_tokens_inside_and_outside_a_check_are_the_same() -> None:
    text = "Regeringen (S) sa bl.a. att 10 000 kr. räcker, se https://dn.se. #val2026"
    tokens.clear_caches()
    outside = (list(tokens.tokenize(text)), list(tokens.words(text)))
    with tokens.shared_per_check():
        inside = (list(tokens.tokenize(text)), list(tokens.words(text)))
        again = (list(tokens.tokenize(text)), list(tokens.words(text)))
    assert outside == inside == again
