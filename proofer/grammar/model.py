"""What a loaded grammar rule is: a pattern over tagged tokens, the agreement it
checks, how it corrects, its authority and its examples.

The tokens come from the morphology (`proofer.morph`): each has its text and the
readings the analyser and the disambiguation left, the tagger's choice first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proofer.finding import Category, Severity
from proofer.rules.model import Example

#: How many readings of a token a condition on lemma or tags looks at: the tagger's
#: choice only, any reading CG-3 left, or every one of them.
READING_MODES = ("first", "any", "all")

#: A tag expression: alternatives, each a set of tags that must all be present.
TagExpr = tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class TokenSpec:
    """One element of a pattern. Every condition given must hold; `negate` inverts
    the whole test (a token that is anything but this). A token with tag "sent"
    (a sentence boundary) only ever matches an element that names it, so no
    pattern runs across sentences by accident."""

    words: frozenset[str] | None = None
    regex: re.Pattern[str] | None = None
    lemmas: frozenset[str] | None = None
    tags: TagExpr | None = None
    not_tags: TagExpr = ()
    #: the token has no reading at all with these tags (whatever `reading` says)
    no_reading: TagExpr = ()
    not_words: frozenset[str] = frozenset()
    not_lemmas: frozenset[str] = frozenset()
    reading: str = "first"
    negate: bool = False
    min: int = 1
    max: int = 1
    skip: int = 0
    mark: bool = False
    case_sensitive: bool = False
    sentence_start: bool = False
    known: bool | None = None
    #: where the token's readings come from ("apertium", "compound", "unknown"): a
    #: compound's gender is its last part's guess, which a gender rule may not trust
    sources: frozenset[str] | None = None
    #: `any_of`: the token matches one of these (each a full element of its own)
    alternatives: tuple[TokenSpec, ...] = ()

    @property
    def reads_tags(self) -> bool:
        return self.lemmas is not None or self.tags is not None or bool(
            self.not_tags or self.not_lemmas)

    @property
    def names_boundary(self) -> bool:
        return bool(self.tags and any("sent" in alt for alt in self.tags)) or bool(
            self.words and self.words & {".", "!", "?", "…"})


@dataclass(frozen=True, slots=True)
class Constraint:
    """Two pattern elements that must agree (`agree`) or must not (`differ`) in
    the given features, e.g. a determiner and its noun in gender and number."""

    first: int
    second: int
    features: tuple[str, ...]
    differ: bool


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One correction of the marked span. `inflect` re-inflects the token of that
    element through the generator: to the values of element `like` in `features`,
    and/or to the tags in `to` ("inf", "nt sg ind"); `as_tags` (`as` in the YAML)
    instead generates the token's lemma with exactly these tags, for a change of
    word class (the participle "skriven" to the supine "skrivit", whose lemma is the
    verb "skriva"). `lemma` generates another lemma with the token's tags (changed by
    `to`), for a fixed expression with the wrong verb: "tog självmord" -> "begick
    självmord" keeps the tense. `text` is a template in which {N} is the text of element N
    ("{0}" keeps only the first word). `respell` replaces the token of that element
    by a word one likely misspelling away (the speller's close and by-ear
    candidates, best first) that the morphology reads with one of the tag sets in
    `respell_tags`: a real word in a slot its word class cannot fill ("det finns
    åta rum") is most often a slip for a neighbour that can ("åtta"). `alone`: the
    re-inflected word replaces the whole marked span, for a form that takes the place
    of two words ("mer lång" -> "längre")."""

    inflect: int | None = None
    like: int | None = None
    features: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    text: str | None = None
    as_tags: tuple[str, ...] = ()
    lemma: str = ""
    respell: int | None = None
    respell_tags: TagExpr = ()
    #: a respelling with a reading of these tags is refused ("alla" is a quantifier
    #: like "åtta", but also a pronoun, which no cardinal numeral is)
    respell_not: TagExpr = ()
    alone: bool = False


@dataclass(frozen=True, slots=True)
class WordCheck:
    """`suggestion_is`: the first suggestion must be one word that the morphology
    analyses with these tags, from one of these sources ("apertium": in the
    dictionary; "compound": decompounded). A split compound is only claimed when
    its join is a word."""

    tags: TagExpr
    sources: frozenset[str]


@dataclass(frozen=True)
class GrammarRule:
    id: str
    pattern: tuple[TokenSpec, ...]
    message: str
    source: str
    category: Category
    severity: Severity
    examples: tuple[Example, ...]
    correct: tuple[str, ...]
    constraints: tuple[Constraint, ...] = ()
    antipatterns: tuple[tuple[TokenSpec, ...], ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    suggestion_is: WordCheck | None = None
    file: str = ""
    line: int = 0
    url: str = ""
    note: str = ""

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"
