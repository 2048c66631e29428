"""The English genitive apostrophe in Swedish text ("Volvo's", "Anna’s", "SVT's").

Svenska skrivregler joins the genitive s to the word without an apostrophe (Volvos),
puts a colon after an abbreviation (SVT:s) and an apostrophe alone after a name that
ends in s, x or z (Marx’). The spelling checker cannot see the slip: a word with an
apostrophe is not Swedish spelling to Hunspell, so it leaves "Macy's" and "it's"
alone, and with them every "Volvo's". Here such a word is judged as a genitive.

Evidence decides how sure the finding is, as for spelling: the word before the
apostrophe is one the speller knows (a Swedish word, a name in Hunspell or in the
name dictionaries) or an abbreviation: a claim; an unknown word may be a foreign name
whose own spelling has the apostrophe: a hint. Left alone: a name whose own spelling
ends in 's (resources/spelling/genitive_apostrophe.yaml, the name dictionaries, the
user's word list), a lower-case word ("it's" is English), and a word used far more in
other languages than in Swedish or standing beside such a word (an English quotation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from proofer.checkers.base import ParagraphChecker
from proofer.finding import Category, Finding, Severity
from proofer.frequency import USED_ABROAD, foreign_zipf, more_used_abroad
from proofer.speller import Speller
from proofer.yaml_data import read_yaml

DATA = Path(__file__).resolve().parents[2] / "resources" / "spelling" / "genitive_apostrophe.yaml"
# Apostrophes as writers type them: straight, typographic, and the accents that
# keyboards without an apostrophe key leave ("Ikea´s").
APOSTROPHES = "'’´`"
_GENITIVE = re.compile(
    rf"(?<![\w{APOSTROPHES}])(?P<stem>[^\W\d_](?:[\w-]*[^\W_])?)(?P<mark>[{APOSTROPHES}])s"
    rf"(?![\w{APOSTROPHES}])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ ”“\"'’]*$")
_WORD_AFTER = re.compile(r"[ ”“\"'’]*([^\W\d_]+)")


@dataclass(frozen=True)
class Data:
    own_apostrophe: frozenset[str]  # names spelt with 's, apostrophe made straight
    wrong: tuple[dict, ...]
    right: tuple[str, ...]


@cache
def data() -> Data:
    raw = read_yaml(DATA)
    names = frozenset(_straight(str(n)) for n in raw.get("own_apostrophe", ()))
    examples = raw.get("examples", {})
    return Data(names, tuple(examples.get("wrong", ())), tuple(examples.get("right", ())))


def _straight(text: str) -> str:
    for mark in APOSTROPHES[1:]:
        text = text.replace(mark, "'")
    return text


class GenitiveApostropheChecker(ParagraphChecker):
    name = "genitive_apostrophe"
    engine = "spelling"

    def __init__(self, speller: Speller) -> None:
        self.speller = speller
        data()  # read the data now, not in the first check

    def check_paragraph(self, text: str) -> list[Finding]:
        if not any(mark in text for mark in APOSTROPHES):
            return []
        found = []
        for m in _GENITIVE.finditer(text):
            finding = self._judge(text, m)
            if finding is not None:
                found.append(finding)
        return found

    def _judge(self, text: str, m: re.Match[str]) -> Finding | None:
        stem, word = m.group("stem"), m.group()
        if not stem[:1].isupper() or len(stem) < 2:
            return None  # "it's", "a's": not a Swedish name's genitive
        if self._own_apostrophe(text, m) or self.speller.check(word):
            return None
        if more_used_abroad(_straight(word)) or self._foreign_neighbour(text, m):
            return None
        abbreviation = stem.isupper()
        if abbreviation:
            fix, why = f"{stem}:s", "efter en förkortning skrivs genitivets s med kolon"
        elif stem[-1].lower() in "sxz":
            fix, why = f"{stem}’", "ett namn som slutar på s, x eller z får bara apostrof"
        else:
            fix, why = f"{stem}s", "genitivets s skrivs ihop med ordet, utan apostrof"
        if abbreviation or self.speller.check(stem):
            return Finding(m.start(), m.end(), word, Category.SPELLING,
                           "spelling.genitive-apostrophe",
                           f"Genitiv på svenska: {fix} ({why}).", (fix,), Severity.ERROR)
        return Finding(m.start(), m.end(), word, Category.SPELLING,
                       "spelling.genitive-apostrophe",
                       f"Genitiv på svenska: {fix} ({why}) – om inte apostrofen hör till "
                       f"namnet.", (fix,), Severity.INFO)

    @staticmethod
    def _own_apostrophe(text: str, m: re.Match[str]) -> bool:
        """A listed name spelt with 's covers the match, also a name of several words
        ("Standard & Poor's") or with more after it ("Carl's Jr.")."""
        straight = _straight(text)  # one character for one: the offsets stay
        start, end = m.span()
        for name in data().own_apostrophe:
            i = straight.find(name, max(0, start - len(name)), end + len(name))
            while 0 <= i <= start:
                if i + len(name) >= end:
                    return True
                i = straight.find(name, i + 1, end + len(name))
        return False

    def _foreign_neighbour(self, text: str, m: re.Match[str]) -> bool:
        """The word right before or after, with nothing but spaces and quotes between,
        is a foreign word: the apostrophe is in an English quotation or title."""
        start, end = m.span()
        neighbours = [n.group(1) for n in (
            _WORD_BEFORE.search(text, max(0, start - 40), start),
            _WORD_AFTER.match(text, end, end + 40)) if n is not None]
        return any((not self.speller.check(w) and foreign_zipf(w) >= USED_ABROAD)
                   or more_used_abroad(w) for w in neighbours)
