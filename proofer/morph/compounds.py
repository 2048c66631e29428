"""Readings for compounds the analyser does not know, decided by the last part.

Swedish makes compounds freely ("flyktinginvandring", "antidiskrimineringsdirektiv");
a news text has several a paragraph that no dictionary lists. lt-proc's own
decompounding (-e) finds those whose parts its dictionary marks as compound parts;
for the rest, Hunspell's compound rules say whether the word is a word at all, and
the longest last part the analyser knows as a noun, adjective or verb gives part of
speech, gender and inflection, as it does in Swedish grammar. A word Hunspell rejects
is left unknown: a misspelling must not be given a guessed analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from proofer.morph.model import Reading, TaggedToken

# Parts of speech a compound's last part may have (closed classes do not compound).
OPEN_CLASSES = frozenset({"n", "adj", "vblex"})
MIN_HEAD = 3  # "kultur" in "mångkultur"; shorter heads match inside other words
MIN_PREFIX = 2  # "ex", "co" ...
# Derivational suffixes that are also words ("misstänksam|het" is not "hot", "kung|dom"
# not a verdict): as a last part they would give the wrong word class.
DERIVATIONAL = frozenset({"het", "dom", "bar", "ande", "ende", "skap"})
# A verb as the last part is rare and short verb forms hide in other words
# ("rom|ska" is not "shall"): verbs need a longer last part.
MIN_VERB_HEAD = 5
# Linking letters between the parts ("regering|s|beslut", "pojk|e|vän"), which the
# first part as a word of its own lacks.
LINKS = ("s", "e", "a", "u", "o")

Known = Callable[[str], bool]


def candidate(token: TaggedToken) -> bool:
    """An unknown token worth a compound guess: letters only, not an abbreviation
    in capitals, long enough to hold two parts."""
    text = token.text
    return (token.source == "unknown" and len(text) >= MIN_HEAD + MIN_PREFIX
            and text.isalpha() and not text.isupper())


def heads(word: str) -> list[str]:
    """Possible last parts, longest first."""
    low = word.lower()
    return [low[i:] for i in range(MIN_PREFIX, len(low) - MIN_HEAD + 1)]


def prefix_known(prefix: str, known: Known) -> bool:
    """The first part is a word, or a word and a linking letter (or a hyphen-less
    run of known parts: Hunspell's compounding answers for that)."""
    if known(prefix):
        return True
    return any(prefix.endswith(link) and len(prefix) > len(link) + 1
               and known(prefix[: -len(link)]) for link in LINKS)


def guess(token: TaggedToken, analysed: dict[str, TaggedToken], known: Known) -> TaggedToken:
    """The token with the readings of its longest known last part, or as it was."""
    word = token.text
    if not known(word) and not known(word.lower()):
        return token
    low = word.lower()
    for head in heads(word):
        tagged = analysed.get(head)
        if tagged is None or not tagged.known or tagged.source != "apertium":
            continue
        readings = [r for r in tagged.readings if _head_reading(r, head)]
        if not readings or any(r.lemma in DERIVATIONAL for r in tagged.readings):
            continue
        prefix = low[: len(low) - len(head)]
        if not prefix_known(prefix, known):
            # A name as the first part keeps its capital ("Sverige|demokraterna").
            prefix = word[: len(prefix)]
            if prefix == prefix.lower() or not prefix_known(prefix, known):
                continue
        return TaggedToken(token.start, token.end, word,
                           tuple(Reading(prefix + r.lemma.lower(), r.tags) for r in readings),
                           False, "compound")
    return token


def _head_reading(r: Reading, head: str) -> bool:
    pos = r.tags[0] if r.tags else ""
    return pos in OPEN_CLASSES and (pos != "vblex" or len(head) >= MIN_VERB_HEAD)


def heads_to_analyse(tokens: Sequence[TaggedToken], known: Known) -> list[str]:
    """Every last part worth asking the analyser about, for the tokens that need a guess."""
    out: dict[str, None] = {}
    for t in tokens:
        if candidate(t) and (known(t.text) or known(t.text.lower())):
            out.update(dict.fromkeys(heads(t.text)))
    return list(out)
