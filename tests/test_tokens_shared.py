"""A check tokenizes each paragraph once, however long the text: every checker
reads the same tokens, and none of them is lost before the next checker asks."""

from __future__ import annotations

from collections import Counter

import pytest

from proofer import tokens
from proofer.checkers.registry import build_engine
from proofer.settings import Settings


@pytest.fixture(scope="module")
def engine():
    e = build_engine(Settings(languagetool_mode="off"))
    yield e
    e.close()


def test_every_paragraph_is_tokenized_once_per_check(engine, monkeypatch) -> None:
    # More paragraphs than any bounded cache of the tokenizer held (8,192).
    paragraphs = [f"Styrelsen i förening {i} beslutade om {i} kronor i dag." for i in
                  range(9_000)]
    scanned: Counter[str] = Counter()
    real = tokens._scan

    def counting(text: str) -> tuple[tokens.Token, ...]:
        scanned[text] += 1
        return real(text)

    monkeypatch.setattr(tokens, "_scan", counting)
    tokens.clear_caches()
    engine.check("\n".join(paragraphs))
    assert set(paragraphs) <= set(scanned)
    assert max(scanned.values()) == 1
    assert tokens._shared is None  # dropped when the check ended


def test_tokens_inside_and_outside_a_check_are_the_same() -> None:
    text = "Regeringen (S) sa bl.a. att 10 000 kr. räcker, se https://dn.se. #val2026"
    tokens.clear_caches()
    outside = (list(tokens.tokenize(text)), list(tokens.words(text)))
    with tokens.shared_per_check():
        inside = (list(tokens.tokenize(text)), list(tokens.words(text)))
        again = (list(tokens.tokenize(text)), list(tokens.words(text)))
    assert outside == inside == again
