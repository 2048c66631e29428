"""A number before a full stop ends a sentence; a dotted number is one token
(proofer.morph.sentence_ends), on hand-made tokens and on the real analyser."""

from __future__ import annotations

import pytest

from proofer.morph import TaggedToken, get_morphology
from proofer.morph.model import Reading
from proofer.morph.sentence_ends import split_number_stops


def _tokens(paragraph: str, *parts: str) -> list[TaggedToken]:
    out, pos = [], 0
    for p in parts:
        start = paragraph.index(p, pos)
        out.append(TaggedToken(start, start + len(p), p, (Reading(p, ("x",)),), True,
                               "apertium"))
        pos = start + len(p)
    return out


def test_year_before_a_capital_is_split_into_number_and_sentence_end() -> None:
    text = "Det hände 2018. Sedan kom han."
    got = split_number_stops(text, _tokens(text, "Det", "hände", "2018.", "Sedan", "kom",
                                           "han", "."))
    assert [t.text for t in got] == ["Det", "hände", "2018", ".", "Sedan", "kom", "han", "."]
    year, stop = got[2], got[3]
    assert (year.start, year.end, stop.start, stop.end) == (10, 14, 14, 15)
    assert year.has("num") and stop.has("sent")


def test_number_and_stop_at_the_paragraph_end() -> None:
    text = "Det hände 1995."
    got = split_number_stops(text, _tokens(text, "Det", "hände", "1995."))
    assert [t.text for t in got] == ["Det", "hände", "1995", "."]


def test_number_and_stop_before_lower_case_is_left_alone() -> None:
    text = "den 3. maj"
    got = split_number_stops(text, _tokens(text, "den", "3.", "maj"))
    assert [t.text for t in got] == ["den", "3.", "maj"]


def test_dotted_time_is_one_number() -> None:
    text = "Vi ses 13.00 i dag."
    got = split_number_stops(text, _tokens(text, "Vi", "ses", "13", ".", "00", "i", "dag", "."))
    assert [t.text for t in got] == ["Vi", "ses", "13.00", "i", "dag", "."]
    assert got[2].has("num") and (got[2].start, got[2].end) == (7, 12)


def test_spaced_stop_between_numbers_is_a_sentence_end() -> None:
    text = "Det var 13. 00 kom."
    toks = _tokens(text, "Det", "var", "13", ".", "00", "kom", ".")
    assert [t.text for t in split_number_stops(text, toks)] == [t.text for t in toks]


@pytest.mark.parametrize(("text", "words"), [
    ("Han flyttade hit i april 2018. Sedan kom han.", ["2018", ".", "Sedan"]),
    ("Vi ses kl. 13.00 i dag.", ["kl.", "13.00"]),
    ("Priset var 2.50. Det var dyrt.", ["2.50", ".", "Det"]),
    # a known five-letter noun keeps its point apart; a five-letter abbreviation not
    ("Det var en stöld. till exempel av en cykel.", ["stöld", ".", "till exempel"]),
    ("Det kostar 20 kr inkl. moms.", ["inkl.", "moms"]),
])
def test_real_analyser(text: str, words: list[str]) -> None:
    morph = get_morphology()
    assert morph.status == "ok", morph.status
    texts = [t.text for t in morph.analyse(text)]
    i = texts.index(words[0])
    assert texts[i:i + len(words)] == words
    for t in morph.analyse(text):
        assert text[t.start:t.end] == t.text


def test_abbreviation_point_before_lower_case_is_part_of_the_word() -> None:
    text = "Vi ses kl. 13.00 och ca. tio. Sedan"
    toks = _tokens(text, "Vi", "ses", "kl", ".", "13.00", "och", "ca", ".", "tio", ".", "Sedan")
    toks = [t if t.text != "." else TaggedToken(t.start, t.end, ".", (Reading(".", ("sent",)),),
                                                True, "apertium") for t in toks]
    got = split_number_stops(text, toks)
    assert [t.text for t in got] == ["Vi", "ses", "kl.", "13.00", "och", "ca.", "tio", ".",
                                     "Sedan"]


def test_dotted_numbers_join_left_to_right() -> None:
    """"1.2.3": the first two numbers make one token, which starts no other join."""
    text = "Version 1.2.3 och 4.5 kom."
    toks = _tokens(text, "Version", "1", ".", "2", ".", "3", "och", "4", ".", "5", "kom", ".")
    got = split_number_stops(text, toks)
    assert [t.text for t in got] == ["Version", "1.2", ".", "3", "och", "4.5", "kom", "."]
    assert [(t.start, t.end) for t in got][1:6] == [(8, 11), (11, 12), (12, 13), (14, 17),
                                                     (18, 21)]


def test_every_step_at_once_in_a_long_paragraph() -> None:
    """The steps only rebuild the list around the tokens they change: in a long
    paragraph every other token stays the same object, in its place."""
    unit = "Hon kom 2018. Vi ses kl. 13.00 i dag. "
    text = unit * 400
    parts = ["Hon", "kom", "2018.", "Vi", "ses", "kl", ".", "13", ".", "00", "i", "dag", "."]
    toks = _tokens(text, *(parts * 400))
    toks = [t if t.text != "." else TaggedToken(t.start, t.end, ".", (Reading(".", ("sent",)),),
                                                True, "apertium") for t in toks]
    got = split_number_stops(text, toks)
    assert [t.text for t in got] == ["Hon", "kom", "2018", ".", "Vi", "ses", "kl.", "13.00", "i",
                                     "dag", "."] * 400
    assert all(text[t.start:t.end] == t.text for t in got)
    kept = {id(t) for t in toks}
    assert sum(id(t) in kept for t in got) == 7 * 400  # Hon kom Vi ses i dag .
