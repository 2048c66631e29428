"""de/dem: the object form after a preposition, the subject form before a verb.

"de" is also the plural article ("med de andra", "för de flesta"), so after a
preposition we only call it a pronoun when nothing that could continue a noun
phrase follows: punctuation, the end, "som", a preposition or a finite verb
("en av de med ...", "hos de går ..."). Words that are both prepositions and
conjunctions ("om", "för", "efter") start clauses with a subject "de" ("om de
kommer"), so after them only punctuation counts.
"""

from __future__ import annotations

from proofer.checkers.base import ParagraphChecker
from proofer.finding import Category, Finding, Severity
from proofer.morphology import lexicon, match_case
from proofer.speller import Speller
from proofer.tokens import Token, starts_sentence, tokenize

_ALSO_CONJUNCTION = frozenset({"om", "för", "efter", "utan", "sedan", "innan", "tills"})
# Of those, the ones that rarely start a clause whose subject is "de som ...":
# "hoppet är ute för de som ville" needs "dem". As a conjunction "för" follows
# a comma ("..., för de som bor här vet"), so that still counts as a clause.
_PREPOSITION_BEFORE_SOM = frozenset({"för", "efter"})
_SUBORDINATORS = frozenset({"att", "när", "eftersom", "medan", "innan", "tills", "fast",
                            "fastän", "därför", "då", "ifall", "så"})
# Infinitives that do not end in -a.
_SHORT_INFINITIVES = frozenset({"ge", "se", "ha", "gå", "få", "stå", "tro", "bo", "dö", "be",
                                "dra", "ta", "le", "slå", "nå", "fly", "sy", "så"})
# Words in the infinitive slot that take no object: copulas ("att vara de som
# bestämmer" is correct) and -a words that are not verbs.
_NOT_VERBS = frozenset({"vara", "bli", "förbli", "heta", "bara", "andra", "alla", "sina",
                        "dessa", "inga", "några", "flera", "gärna", "kanske", "sedan"})
# Present forms that are also plural nouns ("de rör", "de bär").
_NOUN_TOO = frozenset({"rör", "bär", "ler", "syr", "visar"})
# Words that end a noun phrase: after them "de" cannot be an article.
_AFTER_PRONOUN = frozenset({"som", "och", "men", "eller", "samt", "inte", "också", "en", "ett",
                            "det", "den"})
_FINITE = frozenset("""
är var har hade kan kunde ska skall skulle vill ville måste bör borde blir blev får fick
går gick gör gjorde kommer kom ser såg tar tog säger sa sade finns fanns bor bodde vet
visste tror trodde tycker tyckte står stod ligger låg sitter satt lever levde brukar
behöver verkar menar anser känner hör vill vågar slutar börjar fortsätter arbetar jobbar
""".split())

# Wrong text (the flagged word in [brackets]) -> correction, and look-alikes that
# must not fire. tests/test_pronoun_case.py runs all of them.
EXAMPLES_WRONG: list[tuple[str, str]] = [
    ("Vi pratade med [de].", "dem"),
    ("Det gäller till [de] som bor här.", "dem"),
    ("En av [de] med chassinummer 1 såldes.", "dem"),
    ("Men hos [de] går bara en liten elit vidare.", "dem"),
    ("Jag gav boken åt [de], och gick.", "dem"),
    ("Hon bodde hos [de] och trivdes.", "dem"),
    ("Ingen av [de] lyckades göra mål.", "dem"),
    ("Det är svårt att hjälpa [de] som inte vill.", "dem"),
    ("Vi ska ge [de] en ny chans.", "dem"),
    ("Några av [de] skrevs av båda.", "dem"),
    ("[Dem] som vill kan komma.", "De"),
    ("Han sa att [dem] är trötta.", "de"),
    ("Hoppet är ute för [de] som ville stanna.", "dem"),
    ("Det blev tomt efter [de] som flyttade.", "dem"),
    ("För [de] som bor här är det enkelt.", "dem"),
]
EXAMPLES_RIGHT: list[str] = [
    "Det gäller för de flesta.",
    "Hon åkte med de andra.",
    "Ett av de nya husen brann.",
    "Han pratade med de skadade spelarna.",
    "Det verkar vara de som bestämmer.",
    "Vi ska hjälpa de äldre.",
    "Nu ska de åka hem.",
    "Vi ringer om de kommer.",
    "Såg de något?",
    "Jag hjälper dem som behöver det.",
    "För dem är det viktigt.",
    "Han tänkte på dem.",
    "Vi stannade, för de som bor här vet bäst.",
    "Det gäller för de anställda som slutar.",
    "Vi ringer om de som bor här vill.",
    "Det är inte vi utan de som bestämmer.",
]


class PronounCaseChecker(ParagraphChecker):
    name = "pronoun_case"
    engine = "grammar"

    def __init__(self, speller: Speller | None = None) -> None:
        self.speller = speller

    def check_paragraph(self, text: str) -> list[Finding]:
        toks = list(tokenize(text))
        findings: list[Finding] = []
        for i, tok in enumerate(toks):
            low = tok.text.lower()
            if low == "de" and i > 0 and _adjacent(text, toks[i - 1], tok):
                if self._object_de(text, toks, i):
                    findings.append(_finding(
                        tok, "dem", "Efter en preposition används objektsformen dem"))
                elif self._object_of_infinitive(text, toks, i):
                    findings.append(_finding(
                        tok, "dem", "Som objekt till verbet används formen dem"))
            elif low == "dem" and self._subject_dem(text, toks, i):
                findings.append(_finding(tok, "de", "Som subjekt används formen de"))
        return findings

    def _object_de(self, text: str, toks: list[Token], i: int) -> bool:
        prep = toks[i - 1].text.lower()
        if prep not in lexicon().prepositions or not toks[i - 1].is_word:
            return False
        if (prep in _PREPOSITION_BEFORE_SOM and _next_word(text, toks, i) == "som"
                and not text[:toks[i - 1].start].rstrip().endswith((",", ";", ":"))):
            return True
        return _ends_noun_phrase(text, toks, i, strict=prep in _ALSO_CONJUNCTION)

    def _object_of_infinitive(self, text: str, toks: list[Token], i: int) -> bool:
        """"att hjälpa de som ...", "kan ge de ...": an infinitive has no subject
        after it, so a "de" there that starts no noun phrase is its object."""
        if i < 2 or not _adjacent(text, toks[i - 2], toks[i - 1]):
            return False
        verb = toks[i - 1].text.lower()
        marker = toks[i - 2].text.lower()
        if marker != "att" and marker not in lexicon().modal_verbs:
            return False
        if not (verb.endswith("a") or verb in _SHORT_INFINITIVES) or verb in _NOT_VERBS:
            return False
        return _ends_noun_phrase(text, toks, i, strict=False)

    def _subject_dem(self, text: str, toks: list[Token], i: int) -> bool:
        if i + 1 >= len(toks) or not _adjacent(text, toks[i], toks[i + 1]):
            return False
        w = toks[i + 1].text.lower()
        if toks[i].text[0].isupper() and starts_sentence(text, toks[i].start):
            return w == "som" or _finite(w)
        if i > 0 and _adjacent(text, toks[i - 1], toks[i]):
            return toks[i - 1].text.lower() in _SUBORDINATORS and _finite(w)
        return False


def _ends_noun_phrase(text: str, toks: list[Token], i: int, strict: bool) -> bool:
    """True when nothing after toks[i] ("de") can continue a noun phrase, so
    "de" is a pronoun: punctuation, the end, or (unless `strict`) "som", a
    conjunction, a preposition or a finite verb."""
    after = text[toks[i].end:]
    rest = after.lstrip()
    if not rest or rest[0] in ".,;:!?()”\"–":
        return True
    if strict or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if not nxt.is_word or not after[: nxt.start - toks[i].end].isspace():
        return False
    w = nxt.text.lower()
    return w in _AFTER_PRONOUN or w in lexicon().prepositions or _finite(w)


def _next_word(text: str, toks: list[Token], i: int) -> str:
    """The word right after toks[i] with only space between, else ""."""
    if i + 1 >= len(toks) or not toks[i + 1].is_word or not _adjacent(text, toks[i], toks[i + 1]):
        return ""
    return toks[i + 1].text.lower()


def _finite(word: str) -> bool:
    """A tensed verb: it cannot follow the article "de". Weak -ade forms are left
    out because they double as adjectives ("de skadade")."""
    lex = lexicon()
    return (word in _FINITE or word in lex.strong_preterite or word.endswith("ades")
            or (word.endswith("s") and word[:-1] in lex.strong_preterite)
            or (word in lex.irregular_present and word not in _NOUN_TOO))


def _adjacent(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return bool(gap) and gap.isspace()


def _finding(tok: Token, form: str, message: str) -> Finding:
    return Finding(tok.start, tok.end, tok.text, Category.GRAMMAR, "grammar.de-dem",
                   message, (match_case(tok.text, form),), Severity.ERROR)
