"""A person as the text presents them: name, the title before, the party after."""

from __future__ import annotations

import pytest

from proofer.names.model import Entry
from proofer.names.person_from_text import TitleIndex, person_near

TITLES = TitleIndex.from_entries([
    Entry("utrikesminister", "title"),
    Entry("utrikeshandelsminister", "title", wrong=("utrikeshandelminister",)),
    Entry("Kristina Jonäng", "person", titles=("regionråd",)),
])


def _near(text: str, word: str) -> Entry:
    i = text.index(word)
    return person_near(text, i, i + len(word), TITLES)


@pytest.mark.parametrize(("text", "word", "name", "titles", "party"), [
    ("– Det är bra, säger utrikesminister Lina Qvarnström (S) till tidningen.",
     "Qvarnström", "Lina Qvarnström", ("utrikesminister",), "S"),
    # a definite title at the start of a sentence: its base form, not part of the name
    ("Utrikesministern Lina Qvarnström (M/L) sa nej.", "Lina", "Lina Qvarnström",
     ("utrikesminister",), "M/L"),
    # a known misspelling of a title gives the title spelt right
    ("för utrikeshandelminister Anna Hallberg (S) och", "Anna", "Anna Hallberg",
     ("utrikeshandelsminister",), "S"),
    # a title someone in the dictionary holds, in the plural definite
    ("regionråden Bijan Zainali och", "Bijan Zainali", "Bijan Zainali", ("regionråd",), ""),
    # an ordinary word before the name is no title; an acronym after it no name word
    ("Frderik Johanssomn  FOV Fabrisc berättar", "Frderik", "Frderik Johanssomn", (), ""),
    ("Det sa Anna Hallberg, som är", "Hallberg", "Anna Hallberg", (), ""),
])
def test_person_near(text: str, word: str, name: str, titles: tuple[str, ...],
                     party: str) -> None:
    e = _near(text, word)
    assert (e.name, e.kind, e.titles, e.party) == (name, "person", titles, party)


def test_a_compound_of_a_known_title_is_a_title() -> None:
    index = TitleIndex(["finansminister", "statsminister"])
    assert index.title_of("exportministern") is None  # no one-word head known
    index = TitleIndex(["minister", "statsminister"])
    assert index.title_of("exportministern") == "exportminister"
    assert index.title_of("Konrad") is None
