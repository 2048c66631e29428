"""Split compounds (särskrivning): "vålds brott" for "våldsbrott".

Hunspell sv_SE accepts almost any join of two nouns, so "the joined form is a
word" is weak evidence on its own; most adjacent word pairs would pass. What makes
a split compound likely is the shape of the first part: a linking -s that cannot
stand alone before the next word ("vålds", "fredags", "jämlikhets"), or a noun (not
an adjective, numeral, function word or measure word) whose join with the next
noun is a word people actually write (wordfreq knows it). Since the morphology
component came, a candidate also needs both words to be readable as nouns: the
shape tests alone flagged adjective and participle phrases in published news.

Other words Swedish writes together (resources/spelling/written_apart.yaml) are
found by their shape and grammar: a number before a word that Swedish only
writes joined to a number ("1800 talet", "20 åring"), an abbreviation before a
definite noun ("EU länderna"), a name before a definite noun after a preposition
("av Borås polisen"), an intensifier before an adjective ("jätte små"), and a place
adverb with its preposition at a clause's end ("utan för.").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from proofer.checkers.base import SpellerParagraphChecker
from proofer.checkers.grammar import shared_analysis
from proofer.finding import Category, Finding, Severity
from proofer.frequency import zipf
from proofer.morph.model import TaggedToken
from proofer.morphology import (
    adjective_by_form,
    is_adjective_like,
    is_inflected_adjective,
    lexicon,
    match_case,
    present_to_infinitive,
)
from proofer.tokens import Kind, Token, starts_sentence, tokenize, words
from proofer.yaml_data import read_yaml

MIN_PART = 3
# A join without a linking s must be attested at least this often (Zipf).
MIN_JOINED_ZIPF = 1.0
# Unattested joins of a noun and a long noun ("region utvecklingsnämnden") are
# accepted only when the second part is itself long: then it is a compound head.
LONG_HEAD = 10
# ... and when that head is not one of the most common words, which more often
# starts a new phrase after a slip in the text ("en elit anledningen till").
COMMON_HEAD = 4.3
# An s-form that is this much rarer (Zipf) than its base is a compound's first
# part, not a genitive ("jämlikhets" vs "jämlikhet"); "julaftons" is rarer still.
RARE_GENITIVE = 2.3
# A long s-word is often a compound itself ("landsbygds", "rovdjurs"), whose
# genitive is rarer still: for those a smaller gap is enough.
LONG_FIRST = 8
RARE_LONG_GENITIVE = 1.8
# Derivational suffixes (+ linking s) that make a word a compound's first part:
# "spanings", "produktions", "jämlikhets" are next to never genitives, so a join
# Hunspell accepts is enough even when word frequency has never seen it.
_DERIVED_LINK = ("ings", "tions", "sions", "hets", "skaps", "nads", "doms", "itets",
                 "elses", "isms")
# After "i" an s-word is a genitive only in these time expressions ("i måndags").
_TIME_GENITIVES = frozenset({"måndags", "tisdags", "onsdags", "torsdags", "fredags",
                             "lördags", "söndags", "somras", "våras", "höstas", "vintras",
                             "julas", "påskas", "helgas"})
# Numerals and quantifiers: "tre veckors semester" is a genitive of measure,
# "tre produktions anläggningar" a split compound.
_QUANTIFIERS = frozenset({"två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
                          "elva", "tolv", "många", "flera", "några", "par", "halv", "hel"})
# A noun's definite singular: "väst" -> "västen", "vänster" -> "vänstern", "hus" -> "huset".
_DEFINITE_ENDINGS = ("en", "n", "et")
_VERB_ENDINGS = ("ade", "ades", "ande", "ende", "de", "te", "des", "tes", "ats", "it", "är")

# Wrong text (the flagged words in [brackets]) -> correction, and look-alikes that
# must not fire. tests/test_split_compounds.py runs all of them.
EXAMPLES_WRONG: list[tuple[str, str]] = [
    ("Ordförande i [region utvecklingsnämnden] talade.", "regionutvecklingsnämnden"),
    ("Antalet [vålds brott] ökar.", "våldsbrott"),
    ("Matchen spelades på [fredags kvällen].", "fredagskvällen"),
    ("Hon ringde [mark ägarna] i går.", "markägarna"),
    ("Kapstaden blev [stads kommun] år 2000.", "stadskommun"),
    ("Europa och [väst världen] åldras.", "västvärlden"),
    ("Det blir förbjudet att göra [vänster sväng] där.", "vänstersväng"),
    ("Han forskar om [matematik svårigheter] hos barn.", "matematiksvårigheter"),
    ("Neutraliteten och [jämlikhets politik] kan föras vidare.", "jämlikhetspolitik"),
    ("De vill ha ett [majoritets styre] i kommunen.", "majoritetsstyre"),
    ("Det kom som en [avskeds ansökan] till slut.", "avskedsansökan"),
    ("Kyrkan byggdes i [försvars syfte] på 1100-talet.", "försvarssyfte"),
    ("En intensiv [spanings jakt] pågick.", "spaningsjakt"),
    ("Bolaget har tre [produktions anläggningar] i landet.", "produktionsanläggningar"),
    ("Nu tas ett steg mot en regional [rovdjurs förvaltning] i länet.", "rovdjursförvaltning"),
]
EXAMPLES_RIGHT: list[str] = [
    # An adverb or adjective and the word after it: a phrase (the morphology gate).
    "Många inrikes resor ställs in.",
    "Nuvarande äldre skolor ska rustas upp.",
    "Hon bör i första hand tänka på sig själv.",
    "Han köpte en bil i går.",
    "De bygger stora hus.",
    "Det har varit svårt för att till exempel hela Sverige ska med.",
    "Svensk export ökar och små barn leker.",
    "Det är fri konkurrens på marknaden.",
    "Hon tog över jobbet.",
    "Det tar tre år och sex månader.",
    "Anna Hallberg besökte Västra Götaland.",
    "En mans röst hördes i natt.",
    "I måndags arbetade vi hela dagen.",
    "Vår organisations förmåga är god.",
    "Tio procent ungdomar och en grupp människor kom.",
    "Det tog en halvtimmes tågresa.",
    "Det var ett barns röst.",
    "Han tog tre veckors semester.",
    # a phrase the fixed-expression table gives as the right form
    "Han dömdes till livstids fängelse.",
    "Vi såg det i fredags kväll.",
    "Några års arbete låg bakom.",
    "Hon läste ett lands historia.",
    # An adjective's -a and -t forms before a long noun: a phrase, never a compound.
    "De regionala exportinsatserna och den svenska arbetsmarknaden växer.",
    "Ett allmänt utvecklingsarbete pågår i de nya bostadsområdena.",
]


class SplitCompoundChecker(SpellerParagraphChecker):
    name = "split_compounds"
    engine = "grammar"
    runs_late = True

    def check_paragraph(self, text: str) -> list[Finding]:
        if not self.speller.available:
            return []
        toks = tuple(words(text))
        findings: list[Finding] = []
        lex = lexicon()
        function_words = lex.function_words
        measure_nouns = lex.measure_nouns
        prev = ""  # the word before `a`, as written, when only white space comes between
        # Every pair of neighbouring words (ten thousand in a long article): the
        # tests on the words themselves are done here, inline, because most pairs
        # fail them (a function word, a name, a short word) and a call per pair
        # would be a third of the cost. The word before is lower-cased only for the
        # pairs that get past them.
        for a, b in zip(toks, toks[1:], strict=False):
            a_start, a_end, w1, _ = a
            b_start, b_end, w2, _ = b
            gap = text[a_end:b_start]
            if (gap == " " and len(w2) >= MIN_PART and len(w1) >= MIN_PART and w2.islower()
                    and w2.isalpha() and w1.isalpha() and w2 not in function_words):
                first = w1.lower()
                # A capital is a name unless the sentence starts here ("Vålds brott ...").
                if ((w1.islower() or (w1[1:].islower() and starts_sentence(text, a_start)))
                        and first not in function_words and first not in measure_nouns):
                    joined = self._joined(w1, first, w2, prev.lower())
                    if joined is not None and f"{first} {w2}" not in _right_phrases():
                        findings.append(Finding(
                            a_start, b_end, text[a_start:b_end], Category.GRAMMAR,
                            "grammar.split-compound",
                            f"Särskrivning? Sammansatta ord skrivs ihop: {joined}",
                            (joined,), Severity.WARNING))
            prev = w1 if not gap.strip() else ""
        if findings:
            findings = self._both_nouns(text, findings)
        return findings + self._written_apart(text)

    # -- words written apart that are not two nouns -------------------------------

    def _written_apart(self, text: str) -> list[Finding]:
        """Candidates by their shape (cheap tests on each pair of neighbours), then
        kept when the morphology reads the second word as the kind says."""
        data = written_apart()
        toks = tuple(tokenize(text))  # the tokenizer's cached tuple, shared per check
        candidates: list[tuple[Token, Token, str, str]] = []
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            w2 = b.text
            if (b.kind is not Kind.WORD or text[a.end:b.start] != " " or not w2.isalpha()
                    or not w2.islower()):
                continue
            w1 = a.text
            if a.kind is Kind.NUMBER and w1.isdigit():
                if w2.startswith(data.number_heads):
                    candidates.append((a, b, f"{w1}-{w2}", "number"))
            elif a.kind is Kind.WORD and (_abbreviation(w1)
                                          or w1 in data.lowercase_abbreviations):
                candidates.append((a, b, f"{w1}-{w2}", "definite"))
            elif (a.kind is Kind.WORD and w1[:1].isupper() and w1[1:].islower() and len(w1) > 2
                    and w1.isalpha() and w2.endswith(_DEFINITE_FORM)
                    and w2 not in data.time_nouns and w1.lower() not in lexicon().function_words
                    and (i == 0 or starts_sentence(text, a.start)
                         or toks[i - 1].text.lower() in lexicon().prepositions)):
                candidates.append((a, b, _name_join(w1, w2), "name"))
            elif w1.lower() in data.intensifiers:
                candidates.append((a, b, match_case(w1, w1.lower() + w2), "adjective"))
            elif (w1.lower() in data.place_adverbs and w2 in data.place_prepositions
                    and text[b.end:b.end + 2].lstrip(" ")[:1] in _CLAUSE_END):
                candidates.append((a, b, match_case(w1, w1.lower() + w2), "clause-end"))
        if not candidates:
            return []
        by_start: dict[int, TaggedToken] = {}
        if any(kind in ("definite", "adjective", "name") for *_, kind in candidates):
            # those rest on the word's reading
            by_start = {t.start: t for t in shared_analysis(text) or ()}
        found = []
        for a, b, joined, kind in candidates:
            token = by_start.get(b.start)
            readings = token.readings if token is not None else ()
            if kind in ("definite", "adjective", "name") and not readings:
                continue
            if kind in ("definite", "name") and not all(
                    r.tags[:1] == ("n",) and "def" in r.tags for r in readings):
                continue
            if kind == "name":
                name = by_start.get(a.start)
                if name is None or not _read_as_name(name, mid_sentence=not starts_sentence(
                        text, a.start)):
                    continue
                if all(r.lemma.lower() in _administrative_nouns() for r in readings):
                    # "Stockholm kommunen" is the name "Stockholms kommun", not
                    # "Stockholmskommunen": definiteness.place-name-administrative-noun's
                    continue
            if kind == "adjective" and (
                    not any(r.tags[:1] in (("adj",), ("adv",)) for r in readings)
                    or any(r.tags[:1] in (("n",), ("vblex",)) for r in readings)
                    or not self.speller.hunspell_knows(joined.lower())):
                continue
            if any(f.start == a.start for f in found):
                continue  # "en 20 åringen": one finding per pair
            found.append(Finding(
                a.start, b.end, text[a.start:b.end], Category.GRAMMAR, "grammar.split-compound",
                f"Särskrivning? Sammansatta ord skrivs ihop: {joined}", (joined,),
                Severity.WARNING))
        return found

    def _both_nouns(self, text: str, findings: list[Finding]) -> list[Finding]:
        """Keep a candidate only when the analyser can read both words as nouns.

        A split compound is two nouns written apart ("vålds brott"); an adjective,
        adverb, participle or verb and the word after it is a phrase ("utrikes
        födda", "äldre bebyggelse", "hand intressera"), however well the join reads.
        Without the morphology component the spelling-based candidates stand as
        before; a word the analyser does not know is given the benefit of the doubt.
        """
        tokens = shared_analysis(text)
        if tokens is None:  # no morphology, or it failed: the old verdict stands
            return findings
        index = {t.start: k for k, t in enumerate(tokens)}
        by_end = {t.end: t for t in tokens}
        kept = []
        for f in findings:
            k = index.get(f.start)
            first = tokens[k] if k is not None else None
            second = by_end.get(f.end)
            if not (self._noun_or_unknown(first) and self._noun_or_unknown(second)):
                continue
            if first is not None and second is not None and (
                    _adjective_phrase(first, f.suggestions[0])
                    or (k > 0 and _plural_determiner_phrase(tokens[k - 1], second))):
                continue
            kept.append(f)
        return kept

    def _noun_or_unknown(self, token: TaggedToken | None) -> bool:
        """True when the analyser has a noun reading for the word (its disambiguation
        is not trusted to choose), reads nothing, or lacks a noun that Hunspell's
        dictionary has in the definite singular: apertium-swe-nor 0.4.0 knows "väst"
        only as a participle of "väsa" and "vänster" only as an adjective, while
        Hunspell has "västen" and "vänstern"."""
        if token is None or not token.readings:
            return True
        if any(r.tags[:1] == ("n",) for r in token.readings):
            return True
        word = token.text.lower()
        return any(self.speller.hunspell_knows(word + end) for end in _DEFINITE_ENDINGS)

    def _joined(self, w1: str, first: str, w2: str, prev_word: str) -> str | None:
        """The compound the words `w1` (lower-cased: `first`) and `w2` should be, or
        None when they are a phrase. (check_paragraph has already ruled out short
        words, non-words, names and function words.)"""
        lex = lexicon()
        joined = first + w2
        may_link = self._may_link(first, w2, joined, prev_word)
        if not may_link and not self._may_join(first, w2, joined):
            return None
        known = self.speller.hunspell_knows
        # Cheapest first, all with the same outcome: adjective endings and word lists
        # (no Hunspell); the present-verb test (its infinitive is mostly answered
        # from the word table); Hunspell's verdict on the join (30-150 µs unless
        # listed); last the adjective probes, five or so non-words at 15-40 µs each.
        plain = not may_link  # only the plain join is left: these tests rule it out
        if plain and (adjective_by_form(first) or self._present_verb(first)):
            return None
        if not known(joined):
            return None
        if plain and (is_inflected_adjective(first, known) or is_adjective_like(first, known)):
            return None
        if self._linking_s(first):
            if self._genitive_context(prev_word, first):
                return None  # "en mans röst", "i måndags arbetade"
            if w2.endswith(_VERB_ENDINGS) and zipf(joined) == 0:
                return None
            if zipf(joined) > 0 or _rare_genitive(first):
                return match_case(w1, joined)
            return None
        if is_adjective_like(first, known) or w2.endswith(_VERB_ENDINGS):
            return None
        if self._present_verb(first) or first in lex.strong_preterite or first.endswith(
                ("ade", "de", "te")):
            return None  # "framkallar chockvågor", "drev svenskarnas"
        if zipf(joined) >= MIN_JOINED_ZIPF:
            return match_case(w1, joined)
        if (len(w2) >= LONG_HEAD and zipf(first) >= 3.0 and zipf(w2) < COMMON_HEAD
                and not w2.endswith("s")):
            return match_case(w1, joined)
        return None

    def _may_link(self, first: str, w2: str, joined: str, prev_word: str) -> bool:
        """The cheap conditions (dict look-ups) that a "yes" with a linking s needs."""
        return (len(first) >= 4 and first.endswith("s") and not first.endswith("ss")
                and not (w2.endswith(_VERB_ENDINGS) and zipf(joined) == 0)
                and (zipf(joined) > 0 or _rare_genitive(first))
                and not self._genitive_context(prev_word, first))

    def _genitive_context(self, prev_word: str, first: str) -> bool:
        """True when the word before makes the s-word a genitive: "en mans röst",
        "i måndags", "tre veckors semester". An article that does not agree with
        the s-word belongs to the head noun ("ett majoritets styre" is "ett
        styre"), and after "i" or a numeral only time and measure words are
        genitives ("i försvars syfte", "tre produktions anläggningar" are not)."""
        lex = lexicon()
        if prev_word not in lex.genitive_determiners:
            return False
        if prev_word == "i":
            return first in _TIME_GENITIVES
        if prev_word in _QUANTIFIERS:
            return first in lex.measure_nouns or first[:-1] in lex.measure_nouns
        if prev_word in ("en", "ett"):
            gender = self._gender(first[:-1])
            return gender is None or gender == prev_word
        return True

    def _gender(self, noun: str) -> str | None:
        """"en" or "ett" from the definite singular Hunspell knows ("styret",
        "majoriteten"), or None when unsure ("manet" and "mannen" are both
        words). -en alone does not make an en-word when -et exists: it is also
        the plural definite of ett-words ("avskeden")."""
        known = self.speller.hunspell_knows
        if noun[-1:] in "aeiouyåäö":
            t, n = known(noun + "t"), known(noun + "n")
            return "ett" if t and not n else "en" if n and not t else None
        neuter = known(noun + "et") or known(noun + noun[-1] + "et")
        doubled = known(noun + noun[-1] + "en")  # "mannen", but also "hemmen"
        if neuter:
            return None if doubled else "ett"
        return "en" if doubled or known(noun + "en") else None

    @staticmethod
    def _may_join(first: str, w2: str, joined: str) -> bool:
        """The cheap conditions that a "yes" without a linking s needs. Tested
        first, with _may_link: Hunspell's verdict on a join that is no word (its
        compound search) costs tens of microseconds, and most pairs fail here."""
        lex = lexicon()
        if (w2.endswith(_VERB_ENDINGS) or first in lex.strong_preterite
                or first.endswith(("ade", "de", "te"))):
            return False
        return zipf(joined) >= MIN_JOINED_ZIPF or (
            len(w2) >= LONG_HEAD and zipf(first) >= 3.0 and zipf(w2) < COMMON_HEAD
            and not w2.endswith("s"))

    def _present_verb(self, first: str) -> bool:
        inf = present_to_infinitive(first)
        return (inf is not None and inf != first and self.speller.hunspell_knows(inf)
                and zipf(inf) >= 2.5)

    def _linking_s(self, first: str) -> bool:
        """"vålds", "fredags", "jämlikhets": an indefinite noun plus s. Definite
        genitives ("landets", "kvinnans") are ordinary phrases before a noun."""
        if len(first) < 4 or not first.endswith("s") or first.endswith("ss"):
            return False
        stem = first[:-1]
        if not self.speller.hunspell_knows(stem):
            return False
        for article, cut in (("en", 2), ("et", 2), ("na", 2), ("n", 1)):
            if stem.endswith(article) and self.speller.hunspell_knows(stem[:-cut]):
                return False
        return True



def _adjective_phrase(first: TaggedToken, joined: str) -> bool:
    """"permanent migrationspolitik": the first word reads as an adjective and the
    join is one nobody writes, so it is an adjective before its noun. (Hunspell's
    "permanenten", a hair perm, made "permanent" pass as a noun.)"""
    return zipf(joined) == 0 and any(r.tags[:1] == ("adj",) for r in first.readings)


def _plural_determiner_phrase(before: TaggedToken, second: TaggedToken) -> bool:
    """"alla barn rätt": a plural determiner before the first word agrees with it,
    not with a compound, which takes its number from the singular last word."""
    dets = before.readings
    return (bool(dets) and all(r.tags[:1] in (("det",), ("prn",)) and "pl" in r.tags
                               for r in dets)
            and bool(second.readings)
            and not any(r.tags[:1] == ("n",) and "pl" in r.tags for r in second.readings))


_CLAUSE_END = frozenset(".,;:!?)–\n") | {""}
# How a definite noun ends ("polisen", "kontoret", "länderna"): the name kind's cheap test.
_DEFINITE_FORM = ("en", "et", "na", "n", "t")


FIXED_EXPRESSIONS = (Path(__file__).resolve().parents[2] / "resources" / "grammar" / "lexicon"
                     / "fixed_expressions.yaml")


@cache
def _right_phrases() -> frozenset[str]:
    """The two-word phrases the fixed-expression table gives as the right form
    ("livstids fängelse", the courts' term, is what "fängelse för livet" is corrected
    to): a phrase the grammar asks for is never a split compound to join."""
    out = set()
    for entry in read_yaml(FIXED_EXPRESSIONS).get("rules") or ():
        for phrase in (entry.get("right", ""), *(entry.get("also") or ())):
            parts = str(phrase).lower().split()
            if len(parts) == 2 and all(w.isalpha() for w in parts):
                out.add(" ".join(parts))
    return frozenset(out)


@cache
def _administrative_nouns() -> frozenset[str]:
    """The nouns of administrative areas ("kommun", "län", "stad"), from the grammar's
    word list (resources/grammar/lists/nouns.yaml): after a place name they make the
    area's name ("Stockholms kommun", "Malmö stad"), which the grammar rules correct,
    so that the user sees one right suggestion, not a compound as well."""
    from proofer.grammar.loader import shipped_word_lists

    return frozenset(shipped_word_lists().get("administrative_nouns", ()))


def _name_join(name: str, noun: str) -> str:
    """"Borås" + "polisen" -> "Boråspolisen", "Malmö" + "polisen" -> "Malmöpolisen",
    "Stockholm" + "polisen" -> "Stockholmspolisen": a name ending in a consonant
    other than s takes the linking s, as compounds with a place name mostly do
    (Svenska skrivregler 4.2); the commoner form in text wins where both occur."""
    plain, linked = name + noun, name + "s" + noun
    if name[-1].lower() in "aeiouyåäösxz":
        return plain
    return plain if zipf(plain.lower()) > zipf(linked.lower()) else linked


def _abbreviation(word: str) -> bool:
    """"EU", "SFI", "SFi": a short word of two or more capitals, no inner hyphen."""
    return (2 <= len(word) <= 6 and word.isalpha() and word[0].isupper()
            and sum(c.isupper() for c in word) >= 2)


@dataclass(frozen=True)
class WrittenApart:
    intensifiers: frozenset[str]
    lowercase_abbreviations: frozenset[str]
    number_heads: tuple[str, ...]
    place_adverbs: frozenset[str]
    place_prepositions: frozenset[str]
    time_nouns: frozenset[str]
    examples: tuple[tuple[str, str], ...]  # [marked text, correction]
    right: tuple[str, ...]


WRITTEN_APART = (Path(__file__).resolve().parents[2] / "resources" / "spelling"
                 / "written_apart.yaml")


@cache
def written_apart() -> WrittenApart:
    d = read_yaml(WRITTEN_APART)
    examples = [*d["abbreviation_examples"], *d["lowercase_abbreviation_examples"],
                *d["number_examples"],
                *d["intensifier_examples"], *d["place_examples"], *d["name_examples"]]
    right = [*d["abbreviation_right"], *d["number_right"], *d["intensifier_right"],
             *d["place_right"], *d["name_right"]]
    return WrittenApart(
        intensifiers=frozenset(d["intensifiers"]),
        lowercase_abbreviations=frozenset(d["lowercase_abbreviations"]),
        number_heads=tuple(d["number_heads"]),
        place_adverbs=frozenset(d["place_adverbs"]),
        place_prepositions=frozenset(d["place_prepositions"]),
        time_nouns=frozenset(d["time_nouns"]),
        examples=tuple((str(a), str(b)) for a, b in examples),
        right=tuple(str(r) for r in right),
    )


def _rare_genitive(first: str) -> bool:
    """An s-word that is hardly ever a genitive, so a compound's first part even
    when word frequency has never seen the join: far rarer than its base, or
    ending in a derivational suffix ("spanings", "produktions")."""
    gap = zipf(first[:-1]) - zipf(first)
    return (gap > RARE_GENITIVE or first.endswith(_DERIVED_LINK)
            or (len(first) >= LONG_FIRST and gap > RARE_LONG_GENITIVE))


def _read_as_name(token: TaggedToken, mid_sentence: bool) -> bool:
    """A name the analyser reads as nothing else; mid-sentence, where the capital is
    the writer's, also a name that is a common noun too ("Volvo" np and "volvo" n,
    the car): "i Volvo fabriken" is the factory's name written apart."""
    names = [r for r in token.readings if r.tags[:1] == ("np",)]
    if not names or any("gen" in r.tags for r in names):
        return False
    return mid_sentence or len(names) == len(token.readings)
