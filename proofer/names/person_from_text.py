"""A person as the text presents them: name, the title before it, the party after it
(Qt-free; the GUI's "Lägg till person…" pre-fills its form with this).

"säger utrikesminister Anna Hallberg (S)" gives Anna Hallberg, person, titles
[utrikesminister], party S. A word counts as a title when the dictionaries know it as
one (a title entry, or a title a person holds), in any of its inflected forms, or
when it ends in a known one-word title ("exportminister" ends in "minister"), so no
title list lives in code. A form in the definite ("utrikesministern") is stored in
its base form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from proofer.names.inflect import title_forms
from proofer.names.model import Entry

# A party letter in brackets right after the name: "(S)", "(KD)", "(M/L)".
PARTY = re.compile(r"\s*\(([A-ZÅÄÖ]{1,3}(?:/[A-ZÅÄÖ]{1,3})?)\)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)[ \u00a0]+$")
# Capitalised, then lower case: "FOV" (an acronym) or "Hallberg," (a clause ends)
# is not part of a person's name.
_NAME_WORD = re.compile(r"[A-ZÅÄÖÉ][a-zåäöéüøæ][\w'-]*")
MAX_NAME_WORDS = 4
MIN_TITLE_HEAD = 5  # "råd" would make "Konrad" a title; "minister" may end one


class TitleIndex:
    """Every form of every title the dictionaries know, mapped to its base form."""

    def __init__(self, titles: Iterable[str], wrong: dict[str, str] | None = None) -> None:
        """`wrong`: known misspellings of titles, to their right form (a misspelt
        title is still the person's title, spelt right in the dictionary)."""
        self.base: dict[str, str] = {}
        for t in titles:
            for form in title_forms(t.lower()):
                self.base.setdefault(form, t.lower())
        for w, right in (wrong or {}).items():
            for form in title_forms(w.lower()):
                self.base.setdefault(form, right.lower())
        self.heads = sorted({t for t in self.base.values()
                             if " " not in t and len(t) >= MIN_TITLE_HEAD},
                            key=len, reverse=True)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> TitleIndex:
        titles: list[str] = []
        wrong: dict[str, str] = {}
        for e in entries:
            if e.kind == "title":
                titles.append(e.name)
                wrong.update(dict.fromkeys(e.wrong, e.name))
            titles.extend(e.titles)
        return cls(titles, wrong)

    def title_of(self, word: str) -> str | None:
        """The title's base form if `word` is one, else None."""
        low = word.lower()
        if low in self.base:
            return self.base[low]
        for head in self.heads:
            for form in title_forms(head):
                if low.endswith(form) and len(low) > len(form):
                    return low[: len(low) - len(form)] + head
        return None


def name_span(text: str, start: int, end: int, titles: TitleIndex) -> tuple[int, int]:
    """Widen [start, end) over the capitalised words beside it: a finding on
    "Frderik" alone is about the person "Frderik Johanssomn". A title at the start
    of a sentence ("Utrikesministern Anna …") is not part of the name."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    inside = [n for n, (a, b) in enumerate(words) if a < end and b > start]
    if not inside:
        return start, end
    lo, hi = inside[0], inside[-1]

    def name_word(n: int) -> bool:
        a, b = words[n]
        w = text[a:b]
        return bool(_NAME_WORD.fullmatch(w)) and titles.title_of(w) is None

    while lo > 0 and hi - lo + 1 < MAX_NAME_WORDS and name_word(lo - 1):
        lo -= 1
    while hi + 1 < len(words) and hi - lo + 1 < MAX_NAME_WORDS and name_word(hi + 1):
        hi += 1
    return min(start, words[lo][0]), max(end, words[hi][1])


def person_near(text: str, start: int, end: int, titles: TitleIndex) -> Entry:
    """The entry the text suggests for the name at text[start:end]."""
    start, end = name_span(text, start, end, titles)
    name = " ".join(text[start:end].split()).strip(",.;:!?")
    found: list[str] = []
    before = _WORD_BEFORE.search(text, 0, start)
    if before is not None:
        title = titles.title_of(before.group(1))
        if title is not None:
            found.append(title)
    party = PARTY.match(text, end)
    return Entry(name=name, kind="person", titles=tuple(found),
                 party=party.group(1) if party else "")
