"""Wrong verb form after an auxiliary: "ska ger" (infinitive needed), "har gjorde"
(supine needed), and an infinitive where a clause needs a finite verb ("att det
bli så").

All three slips come from rewriting a sentence halfway, and a speller cannot see
them because every word is a word. A modal, "kommer att" or "vi får" takes an
infinitive; "har"/"hade" take a supine. We only flag words we can name a form for:
a present tense form whose infinitive is a common word, a preterite from the table
of strong verbs, or a weak preterite whose supine Hunspell knows. Forms that are
also participles ("har skadade spelare", "har brutet ben") only when no noun can
follow. A clause-final auxiliary ("det jag vill är") is left alone.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from proofer.checkers.base import SpellerParagraphChecker
from proofer.finding import Category, Finding, Severity
from proofer.frequency import zipf
from proofer.morphology import lexicon, match_case, present_to_infinitive, preterite_to_supine
from proofer.tokens import Token, starts_sentence, words

# An infinitive rarer than this is more likely a guess from a noun ("regler").
MIN_INFINITIVE_ZIPF = 2.0
# A plural noun's definite form ("reglerna", "bilarna") is common; when it is
# at least about as common as the infinitive, the word is read as a noun.
NOUN_MARGIN = 0.3
# "vill är"/"kan är" are correct at the end of a clause: "det jag vill är att ...".
_CLAUSE_FINAL_MODALS = frozenset({"vill", "ville", "kan", "kunde", "får", "fick"})
# Words that head such a relative clause ("det/allt/vad/det enda (som) jag kan").
_RELATIVE_HEADS = frozenset({"det", "allt", "vad", "enda", "som", "sådant", "detta", "mycket",
                             "lite", "mest", "något", "inget"})
# After "var" these make it the distributive pronoun: "De har var sin bil."
_DISTRIBUTIVE = frozenset({"sin", "sitt", "sina", "och", "för", "annan", "annat", "tredje",
                           "fjärde", "femte", "hans", "hennes", "deras", "sig"})
# Words that cannot start the noun a participle would describe: after "har
# fattade" one of these shows that "fattade" was meant as the verb.
_NOT_NOUN_START = frozenset({
    "ett", "en", "den", "det", "de", "dem", "denna", "detta", "dessa", "sin", "sitt", "sina",
    "min", "mitt", "mina", "din", "ditt", "dina", "vår", "vårt", "våra", "hans", "hennes",
    "deras", "dess", "honom", "henne", "oss", "er", "sig", "mig", "dig", "upp", "ut", "in",
    "bort", "fram", "ihop", "tillbaka", "igen", "att", "om", "hur", "vad", "varför", "när"})
# Present forms that are also nouns, so "får" takes them as its object ("vi får bär").
_NOUNS_TOO = frozenset({"bär", "rör", "ler", "lär", "kör", "ser", "dör"})
# "att det bli så": a clause with a subject pronoun and no auxiliary needs a
# finite verb. Only the commonest verbs, whose infinitives are no other word
# class ("de unga" is an article and an adjective; "få", "bo" are words too).
_FINITE_OF = {"vara": "är", "bli": "blir", "ha": "har", "göra": "gör", "ta": "tar",
              "ge": "ger", "gå": "går", "stå": "står", "komma": "kommer", "kunna": "kan",
              "vilja": "vill", "veta": "vet", "säga": "säger", "se": "ser"}
_CLAUSE_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "de", "det", "den", "man"})
_CLAUSE_STARTERS = frozenset({"att", "om", "när", "eftersom", "medan", "därför", "då", "innan",
                              "tills", "fast", "fastän", "ifall", "så", "sedan"})
# A supine rarer than this is not trusted ("har femte" has none at all).
MIN_SUPINE_ZIPF = 3.0
# A finite verb followed by its subject starts a new main clause: "Allt vi kan gör vi".
# After one of these, "får" is an auxiliary ("vi får ta reda på").
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
    ("Det kan [är] svåra villkor.", "vara"),
    ("Vi får [tar] reda på det.", "ta"),
    ("Hon får inte [går] ut.", "gå"),
    ("Ingen vet om det har [var] något skott.", "varit"),
    ("Regeringen har [fattade] ett beslut.", "fattat"),
    ("Utvecklingen mot allt färre platser har [gick] för långt.", "gått"),
    ("Byarna har [vuxet] ihop.", "vuxit"),
    ("Jag tror att det [bli] bra.", "blir"),
    ("Hon frågade om han [ha] tid.", "har"),
    ("Vi vet inte när de [komma] hem.", "kommer"),
    ("Hon har [ringde] honom två gånger.", "ringt"),
    ("Polisen har [stängde] av vägen.", "stängt"),
    ("De har [undersökte] om det stämmer.", "undersökt"),
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
    "Det jag kan är att spela.",
    "Allt hon ville var att vinna.",
    "Det enda han hade var en kniv.",
    "Vi får pengar från staten.",
    "Hon får tänder nu.",
    "Vi får bär från skogen.",
    "De får svar i dag.",
    "Han har varit sjuk.",
    "Regeringen har fattade beslut att följa.",
    "Vi har köpta varor i lager.",
    "Hon har skadade spelare och sjuka ledare.",
    "Han har tredje plats.",
    "Han har brutet ben.",
    "Vad vi hade var en bil.",
    "Låt det bli så.",
    "Vi såg att de unga spelade.",
    "Han sa att de få som kom var nöjda.",
    "Det ska bli bra.",
    "Vi hoppas att det kan bli bra.",
    "Laget har femte bästa försvaret.",
]


@cache
def _triggers() -> frozenset[str]:
    """The words that open a verb slot this checker looks at."""
    lex = lexicon()
    return lex.modal_verbs | lex.prepositions | _CLAUSE_SUBJECTS | {"får", "kommer", "har",
                                                                     "hade"}


class VerbFormChecker(SpellerParagraphChecker):
    name = "verb_forms"
    engine = "grammar"

    def check_paragraph(self, text: str) -> list[Finding]:
        toks = list(words(text))
        findings: list[Finding] = []
        lex = lexicon()
        # Every branch below starts with one of these words: one set test skips
        # the rest of the loop for most tokens.
        triggers = _triggers()
        for i, tok in enumerate(toks):
            head = tok.text.lower()
            if head not in triggers:
                continue
            if head in lex.modal_verbs or (head == "får" and _after_subject(text, toks, i)):
                f = self._after_modal(text, toks, i, i + 1)
            elif (head == "kommer" or head in lex.prepositions) and _next_is(
                    text, toks, i, "att"):
                # "kommer att", and "för att"/"utan att": an infinitive phrase.
                f = self._after_modal(text, toks, i, i + 2)
            elif head in ("har", "hade"):
                f = self._after_have(text, toks, i)
            elif head in _CLAUSE_SUBJECTS and _starts_clause(text, toks, i):
                f = _infinitive_as_finite(text, toks, i)
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
        if (w in ("är", "var") and toks[head].text.lower() in _CLAUSE_FINAL_MODALS
                and _ends_relative_clause(toks, head)):
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
        if toks[head].text.lower() == "får" and (
                w in _NOUNS_TOO or (w not in lex.irregular_present
                                    and self.speller.hunspell_knows(w + "na"))):
            return None  # "hon får tänder": after "får" a plural noun is the object
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
        if target is None or target.text[:1].isupper() or _ends_relative_clause(toks, head):
            return None
        w = target.text.lower()
        sup = preterite_to_supine(w)
        if sup is None and w == "var":
            sup = None if _next_word_in(text, toks, target, _DISTRIBUTIVE) else "varit"
        elif sup is None:
            sup = self._weak_supine(text, toks, target)
        if sup is None:
            return None
        message = f"Efter {toks[head].text.lower()} ska verbet stå i supinum: {sup}"
        return Finding(target.start, target.end, target.text, Category.GRAMMAR,
                       "grammar.supine", message, (match_case(target.text, sup),), Severity.ERROR)

    def _weak_supine(self, text: str, toks: list[Token], target: Token) -> str | None:
        """The supine of a weak preterite or a strong participle. "stängde",
        "köpte" are only verbs (the participle is "stängda"), but an -ade form is
        also a plural participle ("har skadade spelare") and an -et form a
        neuter one ("har brutet ben"), so those only when what follows cannot
        start the noun they would describe ("har fattade ett beslut")."""
        w = target.text.lower()
        if w in lexicon().function_words or len(w) < 5:
            return None
        if w.endswith("ade") or w.endswith("et"):
            # "skadade", "brutet": also participles ("har brutet ben")
            if not _next_word_in(text, toks, target, _NOT_NOUN_START):
                return None
            if w.endswith("et"):  # a strong verb's participle: "vuxet" -> "vuxit"
                sup = w[:-2] + "it"
                known = self.speller.hunspell_knows
                return sup if known(sup) and zipf(sup) >= MIN_SUPINE_ZIPF else None
            inf, sup = w[:-2], w[:-2] + "t"
        elif w.endswith("dde"):
            inf, sup = w[:-3], w[:-3] + "tt"
        elif w.endswith(("de", "te")):
            inf, sup = w[:-2] + "a", w[:-2] + "t"
        else:
            return None
        known = self.speller.hunspell_knows
        if not (known(sup) and known(inf)) or zipf(sup) < MIN_SUPINE_ZIPF:
            return None
        return sup


def _starts_clause(text: str, toks: list[Token], i: int) -> bool:
    """toks[i] opens a clause: a sentence start, or right after a subordinator."""
    if i == 0 or starts_sentence(text, toks[i].start):
        return True
    return (toks[i - 1].text.lower() in _CLAUSE_STARTERS
            and text[toks[i - 1].end:toks[i].start].isspace())


def _infinitive_as_finite(text: str, toks: list[Token], i: int) -> Finding | None:
    """"att det bli så" -> "blir": an infinitive right after a clause's subject."""
    if i + 1 >= len(toks) or not text[toks[i].end:toks[i + 1].start].isspace():
        return None
    target = toks[i + 1]
    finite = _FINITE_OF.get(target.text)
    if finite is None:
        return None
    return Finding(target.start, target.end, target.text, Category.GRAMMAR, "grammar.finite-verb",
                   f"Satsen saknar böjt verb: {finite}", (finite,), Severity.ERROR)


def _after_subject(text: str, toks: list[Token], i: int) -> bool:
    return (i > 0 and toks[i - 1].text.lower() in _SUBJECTS
            and text[toks[i - 1].end:toks[i].start].isspace())


def _ends_relative_clause(toks: list[Token], head: int) -> bool:
    """"Det jag vill är", "allt vi har var": the auxiliary closes a relative
    clause, its head word right before the subject pronoun. Not "Det kan är"
    (an expletive subject) nor "allt färre platser har gick" (an adverb)."""
    return (head >= 2 and toks[head - 1].text.lower() in _SUBJECTS
            and toks[head - 2].text.lower() in _RELATIVE_HEADS)


def _position(toks: list[Token], target: Token) -> int:
    """Index of `target` in `toks`: a binary search, as tokens come in text order
    (list.index made a 1 MB paragraph's check quadratic: issue 13)."""
    return bisect_left(toks, target)


def _next_word_in(text: str, toks: list[Token], target: Token, wordset: frozenset[str]) -> bool:
    i = _position(toks, target)
    return (i + 1 < len(toks) and toks[i + 1].text.lower() in wordset
            and text[target.end:toks[i + 1].start].isspace())


def _followed_by_subject(text: str, toks: list[Token], target: Token) -> bool:
    i = _position(toks, target)
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
