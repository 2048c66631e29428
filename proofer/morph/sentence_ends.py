"""Sentence ends the analyser gets wrong around numbers.

lt-proc reads "2018." as one token, an ordinal ("den 3. maj" in Norwegian), so
"... flyttade hit i april 2018. Dem kan simma." had no sentence boundary for the
grammar rules: patterns ran across it and the next sentence's first word was not
at a sentence start. Swedish writes ordinals "3:e" or in words, so a number with a
full stop before a capital letter (or at the paragraph's end) ends a sentence.
The other way round, it splits a time or decimal written with a full stop
("13.00") into "13", a sentence end and "00": that is one number; and the point of
an abbreviation it does not know ("kl. 13") is a sentence end to it, though the
next word is in lower case or a number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from proofer.morph.model import Reading, TaggedToken

_NUMBER_STOP = re.compile(r"\d+\.")
# What may stand between the full stop and the next sentence's first letter.
_NEXT_SENTENCE = re.compile(r"[\s\"”“'’»«(–—-]*(?:[A-ZÅÄÖÉ]|$)")

SENTENCE_END = (Reading(".", ("sent",)),)
# An abbreviation: a short word the point is written against ("kl", "ca", "resp").
_ABBREVIATION = re.compile(r"[^\W\d_]{1,5}")
# What follows an abbreviation's point: a lower-case word or a number.
_NOT_A_SENTENCE = re.compile(r"[ \u00a0]*[a-zåäöé0-9]")


def split_number_stops(paragraph: str, tokens: Sequence[TaggedToken]) -> list[TaggedToken]:
    """The tokens with each "2018." that ends a sentence split into the number (one
    reading, "num") and a sentence boundary; then dotted numbers joined."""
    out: list[TaggedToken] = []
    for t in tokens:
        if (_NUMBER_STOP.fullmatch(t.text) and t.end - t.start == len(t.text)
                and _NEXT_SENTENCE.match(paragraph, t.end)):
            number = t.text[:-1]
            out.append(TaggedToken(t.start, t.end - 1, number,
                                   (Reading(number, ("num",)),), True, "apertium"))
            out.append(TaggedToken(t.end - 1, t.end, ".", SENTENCE_END, True, "apertium"))
        else:
            out.append(t)
    return _abbreviation_points(paragraph, _join_dotted_numbers(out))


def _join_dotted_numbers(tokens: Sequence[TaggedToken]) -> list[TaggedToken]:
    """"13", ".", "00" written together as one number token "13.00"."""
    out: list[TaggedToken] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if (i + 2 < len(tokens) and t.text.isdigit() and tokens[i + 1].text == "."
                and tokens[i + 2].text.isdigit() and t.end == tokens[i + 1].start
                and tokens[i + 1].end == tokens[i + 2].start):
            text = f"{t.text}.{tokens[i + 2].text}"
            out.append(TaggedToken(t.start, tokens[i + 2].end, text, (Reading(text, ("num",)),),
                                   True, "apertium"))
            i += 3
        else:
            out.append(t)
            i += 1
    return out


def _abbreviation_points(paragraph: str, tokens: list[TaggedToken]) -> list[TaggedToken]:
    """A sentence end written against a short word and followed by a lower-case word
    or a number becomes part of that word ("kl." in "kl. 13.00"): the sentence goes
    on."""
    out: list[TaggedToken] = []
    for t in tokens:
        prev = out[-1] if out else None
        if (prev is not None and t.text == "." and t.readings and "sent" in t.readings[0].tags
                and prev.end == t.start and _ABBREVIATION.fullmatch(prev.text)
                and _NOT_A_SENTENCE.match(paragraph, t.end)):
            out[-1] = TaggedToken(prev.start, t.end, prev.text + ".", prev.readings,
                                  prev.known, prev.source)
        else:
            out.append(t)
    return out
