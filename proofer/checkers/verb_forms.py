"""Wrong verb form after an auxiliary: "ska ger" (infinitive needed) and
"har gjorde" (supine needed).

Both slips come from rewriting a sentence halfway, and a speller cannot see them
because every word is a word. A modal or "kommer att" takes an infinitive; "har"/
"hade" take a supine. We only flag words we can name a form for: a present tense
form whose infinitive is a common word, or a preterite from the table of strong
verbs. Weak -ade forms are left alone: "har skadade spelare" is correct.
"""

from __future__ import annotations

from proofer.checkers.base import ParagraphChecker
from proofer.finding import Category, Finding, Severity
from proofer.frequency import zipf
from proofer.morphology import lexicon, match_case, present_to_infinitive, preterite_to_supine
from proofer.speller import Speller
from proofer.tokens import Token, words

# An infinitive rarer than this is more likely a guess from a noun ("regler").
MIN_INFINITIVE_ZIPF = 2.0
# A plural noun's definite form ("reglerna", "bilarna") is common; when it is
# at least about as common as the infinitive, the word is read as a noun.
NOUN_MARGIN = 0.3
# "vill är"/"kan är" are correct at the end of a clause: "det jag vill är att ...".
_CLAUSE_FINAL_MODALS = frozenset({"vill", "ville", "kan", "kunde"})
# A finite verb followed by its subject starts a new main clause: "Allt vi kan gör vi".
_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "man"})
# "De som vill kan komma": the modal ends a relative clause and an auxiliary
# starts the main clause.
_AUXILIARIES = frozenset({"kan", "ska", "skall", "får", "måste", "vill", "bör", "är", "har",
                          "blir", "kommer"})

# Wrong text (the flagged word in [brackets]) -> correction, and look-alikes that
# must not fire. tests/test_verb_forms.py runs all of them.
EXAMPLES_WRONG: list[tuple[str, str]] = [
    ("Vi ska [ger] dem en chans.", "ge"),
    ("Det kan [har] en positiv effekt.", "ha"),
    ("Frågan måste [blir] tydligare.", "bli"),
    ("De vill [lockar] till sig kvinnor.", "locka"),
    ("Stationen ska [är] bemannad.", "vara"),
    ("Han ska [lär] dem att dansa.", "lära"),
    ("Priset kommer att [tar] tid.", "ta"),
    ("Systemet ska [fungerar] bättre.", "fungera"),
    ("Många vill [kommer] hit.", "komma"),
    ("Det skulle [gör] skillnad.", "göra"),
    ("Vi måste inte [gör] det.", "göra"),
    ("Han har [gjorde] allt.", "gjort"),
    ("Hon har [tog] över jobbet.", "tagit"),
    ("Kvinnan har [fick] en skada.", "fått"),
    ("Han hade [sa] det tidigare.", "sagt"),
    ("De har inte [kom] hem.", "kommit"),
    ("Det krävs mycket för att [vinner] matcher.", "vinna"),
    ("Han gick utan att [säger] något.", "säga"),
]
EXAMPLES_RIGHT: list[str] = [
    "Vi ska ge dem en chans.",
    "Det enda jag vill är att vinna.",
    "Han kan svenska och vill lära sig mer.",
    "Vi har skadade spelare i truppen.",
    "Hon har låg ränta på lånet.",
    "De har var sin bil.",
    "Han kan, vill och ska göra det.",
    "Hon har satt rekord.",
    "Han kan reglerna.",
    "Vi kan regler och timmar utantill.",
    "Vi kommer att ta tid på oss.",
    "Allt vi kan gör vi med glädje.",
    "De som vill kan komma hit.",
    "Han sa att han ger upp, för att han är trött.",
    "Det är viktigt för att lyckas och för att vinna.",
]


class VerbFormChecker(ParagraphChecker):
    name = "verb_forms"
    engine = "grammar"

    def __init__(self, speller: Speller) -> None:
        self.speller = speller

    def status(self) -> str:
        return self.speller.status

    def check_paragraph(self, text: str) -> list[Finding]:
        toks = list(words(text))
        findings: list[Finding] = []
        for i, tok in enumerate(toks):
            head = tok.text.lower()
            if head in lexicon().modal_verbs:
                f = self._after_modal(text, toks, i, i + 1)
            elif (head == "kommer" or head in lexicon().prepositions) and _next_is(
                    text, toks, i, "att"):
                # "kommer att", and "för att"/"utan att": an infinitive phrase.
                f = self._after_modal(text, toks, i, i + 2)
            elif head in ("har", "hade"):
                f = self._after_have(text, toks, i)
            else:
                continue
            if f is not None:
                findings.append(f)
        return findings

    def _after_modal(self, text: str, toks: list[Token], head: int, nxt: int) -> Finding | None:
        target = _verb_slot(text, toks, head, nxt)
        if target is None:
            return None
        word = target.text
        w = word.lower()
        if word[:1].isupper():
            return None  # a name or a new sentence
        lex = lexicon()
        if w in lex.function_words and w not in lex.irregular_present:
            return None
        if w in ("är", "var") and toks[head].text.lower() in _CLAUSE_FINAL_MODALS:
            return None
        if _followed_by_subject(text, toks, target):
            return None
        if w in _AUXILIARIES and any(t.text.lower() == "som" for t in toks[max(0, head - 2):head]):
            return None
        inf = present_to_infinitive(w, self.speller.hunspell_knows)
        if inf is None or inf == w or not self.speller.hunspell_knows(inf):
            return None
        if w not in lex.irregular_present and not self._verb_rather_than_noun(w, inf):
            return None
        return Finding(target.start, target.end, word, Category.GRAMMAR, "grammar.modal-infinitive",
                       f"Efter {toks[nxt - 1].text.lower()} ska verbet stå i infinitiv: {inf}",
                       (match_case(word, inf),), Severity.ERROR)

    def _verb_rather_than_noun(self, w: str, inf: str) -> bool:
        """"lockar" is read as a verb, "regler" as a noun: a plural noun has a
        common definite form ("reglerna"), a verb has a common infinitive. Forms
        that are both ("lagar", "spelar") count as verbs: after a modal a verb
        is far more likely."""
        if zipf(inf) < MIN_INFINITIVE_ZIPF:
            return False
        return zipf(w + "na") < zipf(inf) - NOUN_MARGIN

    def _after_have(self, text: str, toks: list[Token], head: int) -> Finding | None:
        target = _verb_slot(text, toks, head, head + 1)
        if target is None or target.text[:1].isupper():
            return None
        sup = preterite_to_supine(target.text)
        if sup is None:
            return None
        message = f"Efter {toks[head].text.lower()} ska verbet stå i supinum: {sup}"
        return Finding(target.start, target.end, target.text, Category.GRAMMAR,
                       "grammar.supine", message, (sup,), Severity.ERROR)


def _followed_by_subject(text: str, toks: list[Token], target: Token) -> bool:
    i = toks.index(target)
    return (i + 1 < len(toks) and toks[i + 1].text.lower() in _SUBJECTS
            and text[target.end:toks[i + 1].start].isspace())


def _next_is(text: str, toks: list[Token], i: int, word: str) -> bool:
    return (i + 1 < len(toks) and toks[i + 1].text.lower() == word
            and text[toks[i].end:toks[i + 1].start].isspace())


def _verb_slot(text: str, toks: list[Token], head: int, nxt: int) -> Token | None:
    """The word where the head's verb should be: the next word, or the one after a
    single adverb ("ska inte ger"). Punctuation in between ends the clause."""
    prev = toks[nxt - 1]
    if nxt >= len(toks) or not text[prev.end:toks[nxt].start].isspace():
        return None
    cand = toks[nxt]
    if cand.text.lower() in lexicon().modal_adverbs:
        if nxt + 1 >= len(toks) or not text[cand.end:toks[nxt + 1].start].isspace():
            return None
        cand = toks[nxt + 1]
    return cand
