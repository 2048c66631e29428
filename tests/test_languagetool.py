"""LanguageTool's answers turned into findings: UTF-16 offsets, categories, messages.

No server here: these run on recorded answers (tests/fixtures/languagetool).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from proofer.finding import Category, Severity
from proofer.languagetool.client import api_url
from proofer.languagetool.mapping import category_of, clean_message, parse_match, to_finding
from proofer.languagetool.offsets import Utf16Index, utf16_len
from proofer.languagetool.service import is_public, pick_swedish

FIXTURES = Path(__file__).parent / "fixtures" / "languagetool"


def test_ascii_and_bmp_offsets_are_unchanged() -> None:
    index = Utf16Index("Åsa såg én älg – i år.")
    assert index.units == len("Åsa såg én älg – i år.")
    assert (index.start(4), index.end(7)) == (4, 7)


def test_offsets_after_an_emoji_move_back_one_per_emoji() -> None:
    text = "Kul 🎉 och 😀😀 en mörk kväll"
    index = Utf16Index(text)
    java_offset = text.index("mörk") + 3  # three astral characters before it
    assert index.units == utf16_len(text) == len(text) + 3
    start, end = index.start(java_offset), index.end(java_offset + 4)
    assert text[start:end] == "mörk"


def test_other_astral_characters_count_like_emoji() -> None:
    text = "𝔸 och 𠜎 före ett mörk kväll"  # a math letter and a CJK extension-B character
    index = Utf16Index(text)
    java_offset = text.index("ett") + 2
    assert text[index.start(java_offset):index.end(java_offset + 14)] == "ett mörk kväll"


def test_an_emoji_inside_a_span_counts_as_one_character() -> None:
    text = "Se (🙂 här"
    index = Utf16Index(text)
    assert text[index.start(3):index.end(3 + 3)] == "(🙂"


def test_an_offset_inside_a_surrogate_pair_widens_to_the_whole_character() -> None:
    text = "a😀b"
    index = Utf16Index(text)
    assert index.start(2) == 1  # inside 😀: start at the emoji
    assert index.end(2) == 2  # inside 😀: end after it
    assert index.end(99) == len(text)


def test_recorded_answer_with_emoji_maps_to_the_right_text() -> None:
    fixture = json.loads((FIXTURES / "check-emoji.json").read_text("utf-8"))
    text, raw = fixture["text"], fixture["response"]["matches"]
    index = Utf16Index(text)
    matches = [parse_match(m, index) for m in raw]
    assert all(m is not None for m in matches)
    found = [(text[m.start:m.end], m.rule_id) for m in matches if m]
    assert found == [("(🙂", "UNPAIRED_BRACKETS"), ("i stor grad", "I_STOR_GRAD")]
    # Sanity: the recorded offsets really are UTF-16 (they differ from code points).
    assert raw[1]["offset"] == text.index("i stor grad") + 2


def test_a_match_becomes_a_finding_with_rule_id_and_suggestions() -> None:
    fixture = json.loads((FIXTURES / "check-emoji.json").read_text("utf-8"))
    text = fixture["text"]
    match = parse_match(fixture["response"]["matches"][1], Utf16Index(text))
    assert match is not None
    f = to_finding(match, text)
    assert (f.text, f.rule, f.suggestions) == ("i stor grad", "languagetool.I_STOR_GRAD",
                                               ("i hög grad",))
    assert f.category is Category.GRAMMAR and f.severity is Severity.ERROR
    assert text[f.start:f.end] == f.text


@pytest.mark.parametrize("issue_type, category_id, expected", [
    ("misspelling", "TYPOS", Category.SPELLING),
    ("misspelling", "CASING", Category.SPELLING),  # the issue type decides first
    ("uncategorized", "TYPOS", Category.SPELLING),
    ("grammar", "GRAMMAR", Category.GRAMMAR),
    ("uncategorized", "CONFUSED_WORDS", Category.GRAMMAR),
    ("typographical", "PUNCTUATION", Category.STYLE),
    ("whitespace", "TYPOGRAPHY", Category.STYLE),
    ("style", "STYLE", Category.STYLE),
    ("duplication", "MISC", Category.STYLE),
    ("uncategorized", "REDUNDANCY", Category.STYLE),
    ("style", "Kontamination", Category.STYLE),  # unknown category: the issue type
    ("uncategorized", "Grammatik", Category.GRAMMAR),  # Swedish rule file categories
    ("uncategorized", "Särskrivning rekomenderas", Category.GRAMMAR),
    ("", "", Category.GRAMMAR),
])
def test_category_mapping(issue_type: str, category_id: str, expected: Category) -> None:
    assert category_of(issue_type, category_id) is expected


def test_style_findings_are_warnings() -> None:
    raw = {"offset": 3, "length": 2, "message": "Upprepade blanksteg",
           "replacements": [{"value": " "}],
           "rule": {"id": "WHITESPACE_RULE", "issueType": "whitespace",
                    "category": {"id": "TYPOGRAPHY", "name": "Typografi"}}}
    text = "Det  är"
    match = parse_match(raw, Utf16Index(text))
    assert match is not None
    f = to_finding(match, text)
    assert (f.text, f.category, f.severity, f.suggestions) == ("  ", Category.STYLE,
                                                               Severity.WARNING, (" ",))


@pytest.mark.parametrize("raw", [
    {"offset": 5, "length": 0, "rule": {"id": "X"}},  # empty span
    {"offset": -1, "length": 2, "rule": {"id": "X"}},
    {"offset": 3, "length": 50, "rule": {"id": "X"}},  # past the end
    {"offset": 1, "length": 2},  # no rule
    {"offset": "x", "length": 2, "rule": {"id": "X"}},
])
def test_matches_that_cannot_be_placed_are_dropped(raw: dict) -> None:
    assert parse_match(raw, Utf16Index("en kort text")) is None


def test_messages_lose_their_markup() -> None:
    assert (clean_message("Skriv <suggestion>brukade</suggestion>  här.\n")
            == "Skriv ”brukade” här.")


def test_suggestion_equal_to_the_text_is_not_offered() -> None:
    raw = {"offset": 0, "length": 3, "message": "m",
           "replacements": [{"value": "det"}, {"value": "Det"}, {"value": "Det"}],
           "rule": {"id": "X", "issueType": "grammar", "category": {"id": "GRAMMAR"}}}
    match = parse_match(raw, Utf16Index("det var"))
    assert match is not None
    assert to_finding(match, "det var").suggestions == ("Det",)


@pytest.mark.parametrize("given, expected", [
    ("localhost:8081", "http://localhost:8081/v2/"),
    ("http://127.0.0.1:8081/", "http://127.0.0.1:8081/v2/"),
    ("https://lt.tidningen.se/api", "https://lt.tidningen.se/api/v2/"),
    ("https://lt.tidningen.se/v2", "https://lt.tidningen.se/v2/"),
    ("https://lt.tidningen.se/v2/check", "https://lt.tidningen.se/v2/"),
])
def test_server_addresses_as_people_write_them(given: str, expected: str) -> None:
    assert api_url(given) == expected


@pytest.mark.parametrize("url, public", [
    ("https://api.languagetool.org/v2/", True),
    ("https://languagetool.org/api/", True),
    ("https://api.languagetoolplus.com", True),
    ("http://127.0.0.1:8081", False),
    ("https://lt.tidningen.se", False),
    ("https://notlanguagetool.org", False),
])
def test_public_servers_are_recognised(url: str, public: bool) -> None:
    assert is_public(url) is public


def test_swedish_is_picked_from_the_language_list() -> None:
    listed = json.loads((FIXTURES / "languages.json").read_text("utf-8"))
    assert pick_swedish(listed) == "sv-SE"
    assert pick_swedish([{"name": "Swedish", "code": "sv", "longCode": "sv"}]) == "sv"
    no_swedish = json.loads((FIXTURES / "languages-no-swedish.json").read_text("utf-8"))
    assert pick_swedish(no_swedish) is None
