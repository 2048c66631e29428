"""The tokenizer decides what is a word worth spell-checking; the rest (numbers,
addresses, abbreviations, party letters) must never reach the speller."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proofer.tokens import _SENTENCE_END, Kind, other_script, starts_sentence, tokenize, words


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.text, str(t.kind)) for t in tokenize(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("bl.a. t.ex. m.m. fr.o.m.", [("bl.a.", "abbreviation"), ("t.ex.", "abbreviation"),
                                  ("m.m.", "abbreviation"), ("fr.o.m.", "abbreviation")]),
    ("kl. 14.30", [("kl.", "abbreviation"), ("14.30", "number")]),
    ("(S) och (MP)", [("S", "party"), ("och", "word"), ("MP", "party")]),
    ("1:a och 2:a", [("1:a", "number"), ("och", "word"), ("2:a", "number")]),
    ("40-åringen och 1990-talet", [("40-åringen", "number"), ("och", "word"),
                                   ("1990-talet", "number")]),
    ("2019-2020, 10 km", [("2019-2020", "number"), ("10", "number"), ("km", "word")]),
    ("tel 08-123 45 67.", [("tel", "word"), ("08-123 45 67", "number")]),
    ("10 000 kr.", [("10 000", "number"), ("kr.", "abbreviation")]),
    ("https://www.dn.se/a?b=1.", [("https://www.dn.se/a?b=1", "url")]),
    ("mejla red@dn.se", [("mejla", "word"), ("red@dn.se", "email")]),
    ("#val2026 @tt", [("#val2026", "hashtag"), ("@tt", "mention")]),
    ("Göteborgs-Posten SVT:s", [("Göteborgs-Posten", "word"), ("SVT:s", "word")]),
])
def test_token_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_tokens_are_slices_with_code_point_offsets() -> None:
    text = "\U0001d11e Frderik 😀 htita"
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
    assert [t.text for t in words(text)] == ["Frderik", "htita"]
    assert all(t.kind is Kind.WORD for t in words(text))


def test_a_number_does_not_swallow_a_trailing_separator() -> None:
    text = "Mellan 2019 - och 2020."
    assert [t.text for t in tokenize(text) if t.kind is Kind.NUMBER] == ["2019", "2020"]


@pytest.mark.parametrize(("text", "offset", "expected"), [
    ("Han kom. Sedan gick han.", 9, True),
    ("Han kom. Sedan gick han.", 0, True),
    ("I går kom Anna.", 10, False),
    ("– Ja, säger Anna.", 2, True),
])
def test_starts_sentence(text: str, offset: int, expected: bool) -> None:
    assert starts_sentence(text, offset) is expected


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab A.!?:…-–—”\"\u00a0\n\t x\u2028\x1c", max_size=60), st.data())
def test_starts_sentence_means_its_pattern(text: str, data: st.DataObject) -> None:
    """The fast path must say what _SENTENCE_END says about the same window."""
    offset = data.draw(st.integers(0, len(text)))
    window = text[max(0, offset - 40):offset]
    assert starts_sentence(text, offset) == bool(_SENTENCE_END.search(window))


_LOOKAHEAD = r"(?=[\w\#@.+-])(?:"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="abåÅZ019 .,:;-–@#+/()'’_\"”\u00a0\nwhtps", max_size=40))
def test_token_lookahead_only_skips(text: str) -> None:
    """The lookahead in front of the token pattern is a speed-up only: without it
    the same tokens come out."""
    import re

    from proofer.tokens import _TOKEN

    pattern = _TOKEN.pattern
    assert _LOOKAHEAD in pattern
    start = pattern.index(_LOOKAHEAD)
    end = pattern.rindex(")")
    plain = re.compile(pattern[:start] + pattern[start + len(_LOOKAHEAD):end]
                       + pattern[end + 1:], _TOKEN.flags)
    assert [(m.span(), m.lastgroup) for m in plain.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in _TOKEN.finditer(text)]


@pytest.mark.parametrize(("word", "other"), [
    ("Зеленський", True), ("مرحبا", True), ("東京", True), ("ἀγάπη", True),
    ("smörgås", False), ("Łódź", False), ("Nguyễn", False), ("3M", False), ("", False),
])
def test_other_script(word: str, other: bool) -> None:
    assert other_script(word) is other
