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
# Abbreviations of five letters ("resp.", "inkl.", "exkl.", "forts.") are unknown to
# the analyser or read as a genitive; a five-letter word it reads as an ordinary
# noun, adjective or verb ("stöld", "flera", "sovit") is that word, and its point
# ends a sentence even before a word in lower case ("Det var en stöld. till
# exempel ..."), where the writer forgot the capital or meant a comma.
_WORD_CLASSES = frozenset({"n", "adj", "vblex"})


def split_number_stops(paragraph: str, tokens: Sequence[TaggedToken]) -> list[TaggedToken]:
    """The tokens with each "2018." that ends a sentence split into the number (one
    reading, "num") and a sentence boundary; then dotted numbers joined.

    Each step finds the few tokens it may change with one cheap test per token
    (a 300 kB paragraph has ~75,000 of them), then tests those and rebuilds the list
    only around them."""
    out: list[TaggedToken] = []
    last = 0
    for k in [k for k, t in enumerate(tokens) if t.text[-1:] == "."]:
        t = tokens[k]
        if (_NUMBER_STOP.fullmatch(t.text) and t.end - t.start == len(t.text)
                and _NEXT_SENTENCE.match(paragraph, t.end)):
            out += tokens[last:k]
            number = t.text[:-1]
            out.append(TaggedToken(t.start, t.end - 1, number,
                                   (Reading(number, ("num",)),), True, "apertium"))
            out.append(TaggedToken(t.end - 1, t.end, ".", SENTENCE_END, True, "apertium"))
            last = k + 1
    out += tokens[last:]
    return _abbreviation_points(paragraph, _join_dotted_numbers(out))


def _long_word(token: TaggedToken) -> bool:
    """A word of five letters that the analyser knows as a plain noun, adjective or
    verb (no genitive): no abbreviation, which are shorter or unknown to it."""
    return (len(token.text) >= 5 and bool(token.readings)
            and all(r.tags[:1] and r.tags[0] in _WORD_CLASSES and "gen" not in r.tags
                    for r in token.readings))


def _points(tokens: Sequence[TaggedToken]) -> list[int]:
    """Where the tokens that are a full stop alone stand."""
    return [j for j, t in enumerate(tokens) if t.text == "."]


def _join_dotted_numbers(tokens: list[TaggedToken]) -> list[TaggedToken]:
    """"13", ".", "00" written together as one number token "13.00" (left to right:
    a token joined into one number starts no other)."""
    out: list[TaggedToken] = []
    last = 0  # the first token not yet in `out`
    for j in _points(tokens):
        i = j - 1
        if i < last or j + 1 >= len(tokens):
            continue
        t, after = tokens[i], tokens[j + 1]
        if (t.text.isdigit() and after.text.isdigit() and t.end == tokens[j].start
                and tokens[j].end == after.start):
            out += tokens[last:i]
            text = f"{t.text}.{after.text}"
            out.append(TaggedToken(t.start, after.end, text, (Reading(text, ("num",)),),
                                   True, "apertium"))
            last = j + 2
    if not last:
        return tokens
    out += tokens[last:]
    return out


def _abbreviation_points(paragraph: str, tokens: list[TaggedToken]) -> list[TaggedToken]:
    """A sentence end written against a short word and followed by a lower-case word
    or a number becomes part of that word ("kl." in "kl. 13.00"): the sentence goes
    on. (The word before is never itself such a joined word or a point: neither is
    a short run of letters.)"""
    out: list[TaggedToken] = []
    last = 0
    for j in _points(tokens):
        t = tokens[j]
        if not j or not (t.readings and "sent" in t.readings[0].tags):
            continue
        prev = tokens[j - 1]
        if (prev.end == t.start and _ABBREVIATION.fullmatch(prev.text)
                and _NOT_A_SENTENCE.match(paragraph, t.end) and not _long_word(prev)):
            out += tokens[last:j - 1]
            out.append(TaggedToken(prev.start, t.end, prev.text + ".", prev.readings,
                                   prev.known, prev.source))
            last = j + 1
    if not last:
        return tokens
    out += tokens[last:]
    return out
