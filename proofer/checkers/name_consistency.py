"""One person, two spellings in one article: "Anna Lindqvist" in the first paragraph,
"Anna Lindkvist" in the quote's attribution.

Each spelling is a real name, so neither the speller nor the name dictionaries object,
and the consistency checker leaves known names to the name checker. But a person
keeps one spelling through an article, and a copy desk checks exactly that. Two
spellings are taken for the same name when they sound the same: they share a
phonetic key that folds the ways Swedish names vary in writing without varying in
sound (q/k, w/v, c/k/s, ph/f, ch/k, z/s, th/t, a silent h, double letters:
Lindqvist/Lindkvist, Andersson/Anderson, Carlsson/Karlsson, Mikael/Michael,
Filip/Philip, Persson/Pehrsson, Dahl/Dal). Names that
sound different (Hansson/Jansson, Larsson/Karlsson) are different people.

A full name is the evidence: two capitalised words in a row, the first of them not
a sentence's first word unless the second is a name as well. A sentence's first
word that is also a common word ("Per", "Bo", "Stig") makes a full name only when
the article also writes that first name before a surname that sounds the same
inside a sentence ("Per Andersson säger …" … "sa Per Anderson"): a person is most
often introduced at a sentence's start. Two full names are one
person when both parts share keys; a surname alone (a later "enligt Lindkvist") is
compared with the surnames of the full names. The spelling the article uses more
often is taken as meant (at a tie, the first one written); every other spelling is
reported with it as the suggestion, as a warning: the reporter may know better.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from proofer.checkers.base import DocumentChecker
from proofer.document import Paragraph
from proofer.finding import Category, Finding, Severity
from proofer.speller import Speller
from proofer.text_cache import ParagraphMemo
from proofer.tokens import starts_sentence

# The folds, in order: digraphs first, then single letters, then doubled letters.
_FOLDS = (("ph", "f"), ("ch", "k"), ("qu", "kv"), ("th", "t"), ("ck", "k"), ("dt", "t"),
          ("q", "k"), ("w", "v"), ("z", "s"), ("x", "ks"))
_SOFT_C = re.compile(r"c(?=[eiyäö])")
_DOUBLE = re.compile(r"(.)\1+")
# An h that is not said: after a vowel before a consonant or at the end ("Pehrsson",
# "Dahl", "Bohlin"), and before j ("Hjalmar").
_SILENT_H = re.compile(r"(?<=[aeiouyåäö])h(?=[^aeiouyåäö]|$)|h(?=j)")
_NAME_TOKEN = re.compile(r"(?<![\w'’-])[A-ZÅÄÖÉÜ][a-zåäöéüèáóíñç]+"
                         r"(?:-[A-ZÅÄÖÉÜ][a-zåäöéüèáóíñç]+)?(?![\w'’-])")
MIN_LENGTH = 3  # shorter words ("Li", "Ek") vary too little to tell anything


@lru_cache(maxsize=65_536)
def name_key(name: str) -> str:
    """How a name sounds, as far as spelling variants of Swedish names go."""
    key = unicodedata.normalize("NFKD", name.lower())
    key = "".join(ch for ch in key if not unicodedata.combining(ch) or ch in "\u030a\u0308")
    key = unicodedata.normalize("NFC", key)
    for written, said in _FOLDS:
        key = key.replace(written, said)
    key = _SOFT_C.sub("s", key).replace("c", "k")
    key = _SILENT_H.sub("", key)
    return _DOUBLE.sub(r"\1", key)


@dataclass(frozen=True)
class _Mention:
    start: int  # in the whole text
    text: str  # the name as written, without a genitive s


# A paragraph's full names, names standing alone, and the sentence-initial pairs
# whose first word is also a common word (a full name only if confirmed elsewhere).
_Pairs = tuple[tuple[_Mention, _Mention], ...]
_ParagraphNames = tuple[_Pairs, tuple[_Mention, ...], _Pairs]


class NameConsistencyChecker(DocumentChecker):
    name = "name_consistency"
    engine = "consistency"

    def __init__(self, speller: Speller) -> None:
        self.speller = speller
        # this checker runs at every check: a re-check after one edit reads the
        # other paragraphs' names from here
        self._paragraph = ParagraphMemo(self._names_in)

    def check_document(self, text: str, paragraphs: list[Paragraph]) -> list[Finding]:
        pairs, alone, maybe = self._mentions(paragraphs)
        if not pairs:
            return []
        confirmed = {(first.text, name_key(last.text)) for first, last in pairs}
        pairs += [(first, last) for first, last in maybe
                  if (first.text, name_key(last.text)) in confirmed]
        # One group per person (first name and surname keys): the first names, and
        # the surnames with every surname standing alone that sounds the same.
        firsts: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
        lasts: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
        for first, last in pairs:
            person = (name_key(first.text), name_key(last.text))
            firsts[person].append(first)
            lasts[person].append(last)
        by_surname: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for person in lasts:
            by_surname[person[1]].append(person)
        for m in alone:
            for person in by_surname.get(name_key(m.text), ()):
                lasts[person].append(m)
        found: dict[int, Finding] = {}
        for what, groups in (("Förnamnet", firsts), ("Namnet", lasts)):
            for mentions in groups.values():
                if len({m.text for m in mentions}) < 2:
                    continue
                meant = _most_used(mentions)
                for m in mentions:
                    if m.text != meant:
                        found[m.start] = Finding(
                            m.start, m.start + len(m.text), m.text, Category.CONSISTENCY,
                            "consistency.name-spelling",
                            f"{what} stavas {meant} på andra ställen i texten – samma person?",
                            (meant,), Severity.WARNING)
        return sorted(found.values(), key=lambda f: f.start)

    def _mentions(self, paragraphs: list[Paragraph]
                  ) -> tuple[list[tuple[_Mention, _Mention]], list[_Mention],
                             list[tuple[_Mention, _Mention]]]:
        """Full names (first name, surname), names standing alone mid-sentence and
        the sentence-initial pairs to be confirmed, a genitive s taken off where
        the article also writes the name without it."""
        raw_pairs: list[tuple[_Mention, _Mention]] = []
        raw_alone: list[_Mention] = []
        raw_maybe: list[tuple[_Mention, _Mention]] = []
        for para in paragraphs:
            pairs, alone, maybe = self._paragraph(para.text)
            if not pairs and not alone and not maybe:
                continue
            at = para.start
            raw_pairs += [(_Mention(at + a.start, a.text), _Mention(at + b.start, b.text))
                          for a, b in pairs]
            raw_alone += [_Mention(at + m.start, m.text) for m in alone]
            raw_maybe += [(_Mention(at + a.start, a.text), _Mention(at + b.start, b.text))
                          for a, b in maybe]
        written = {m.text for pair in raw_pairs for m in pair} | {m.text for m in raw_alone}
        base = lambda m: (_Mention(m.start, m.text[:-1])  # noqa: E731
                          if m.text.endswith("s") and m.text[:-1] in written else m)
        return ([(a, base(b)) for a, b in raw_pairs], [base(m) for m in raw_alone],
                [(a, base(b)) for a, b in raw_maybe])

    def _names_in(self, text: str) -> _ParagraphNames:
        """One paragraph's names, offsets in the paragraph."""
        # Found by a regex, not the tokenizer: a document checker that tokenized
        # would tokenize a long text's paragraphs once more after its blocks.
        toks = [_Mention(m.start(), m.group()) for m in _NAME_TOKEN.finditer(text)]
        pairs: list[tuple[_Mention, _Mention]] = []
        maybe: list[tuple[_Mention, _Mention]] = []
        paired = set()
        for a, b in zip(toks, toks[1:], strict=False):
            if (text[a.start + len(a.text):b.start] != " "
                    or min(len(a.text), len(b.text)) < MIN_LENGTH
                    or starts_sentence(text, b.start)):
                continue
            # A sentence's first word is a first name only if it is no common word
            # ("Enligt Lindqvist"; the "Per" of "Per Andersson" is lost there). The
            # name after it is then not taken as standing alone either: it may be
            # a full name's ("Karl Lindqvist"), another person's than a namesake's.
            if starts_sentence(text, a.start) and self.speller.check(a.text.lower()):
                paired.add(b.start)
                maybe.append((a, b))
                continue
            pairs.append((a, b))
            paired.update((a.start, b.start))
        alone = tuple(t for t in toks if t.start not in paired and len(t.text) >= MIN_LENGTH
                      and not starts_sentence(text, t.start))
        return tuple(pairs), alone, tuple(maybe)


def _most_used(mentions: list[_Mention]) -> str:
    """The spelling written most often; at a tie, the one written first."""
    counts: dict[str, int] = defaultdict(int)
    first_seen: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        counts[m.text] += 1
        first_seen.setdefault(m.text, m.start)
    return max(counts, key=lambda t: (counts[t], -first_seen[t]))
