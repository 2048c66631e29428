"""Grammar rules written as lexicon tables (resources/grammar/lexicon/*.yaml).

A valency lexicon ("intresserad av", "ångra att", "lyssna på") and a list of fixed
expressions ("i hög grad", "begå självmord") have hundreds of entries that share a
handful of shapes. Written out as full pattern rules, each entry would repeat its
shape and the copies would drift; here an entry holds only the Swedish knowledge (the
words, the preposition, its examples) and this module builds the one pattern rule of
its shape, which then loads, matches and is tested exactly like a hand-written rule
(every example of every entry is a test in tests/test_grammar_rules.py).

The shapes, and what an entry says (the README in the lexicon folder has the format):

* governed prepositions: a governor (`words`, or `lemma` with optional `tags`) and
  one of `instead_of` (a wrong preposition, corrected to `use`), `drop` (a superfluous
  preposition: the word takes its object directly), `att` (the preposition `use` must
  stay before an att-clause) or `object` (a noun phrase straight after the verb needs
  `use` before it);
* fixed expressions: a wrong `phrase` and its `right` form ("<ta> självmord" ->
  "<begå> självmord": a verb in angle brackets is any form of that lemma, and the
  correction keeps the form).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from proofer.grammar.model import GrammarRule
from proofer.rules.loader import _str_list, read_rule_files
from proofer.rules.model import RuleLoadError
from proofer.settings import RESOURCES

LEXICON_DIR = RESOURCES / "grammar" / "lexicon"

FILE_KEYS = {"rules", "defaults"}
DEFAULT_KEYS = {"category", "severity", "source", "url"}
COMMON_KEYS = {"id", "examples", "correct", "source", "url", "category", "severity", "note",
               "__line__"}
VALENCY_KEYS = COMMON_KEYS | {"words", "lemma", "tags", "use", "instead_of", "drop", "att",
                              "object", "object_tags", "not_object", "unless_next",
                              "unless_next_tags", "say", "after"}
PHRASE_KEYS = COMMON_KEYS | {"phrase", "right", "also", "blend", "unless_next",
                             "unless_before", "message"}
VALENCY_KINDS = ("instead_of", "drop", "att", "object")

#: Nouns that head a time or manner adverbial after a preposition ("nöjd i dag",
#: "påverka på flera sätt", "intresserad i flera år"): such a phrase is no object.
ADVERBIAL_NOUNS = [
    "dag", "dagar", "går", "morgon", "kväll", "kvällen", "natt", "natten", "år", "åren",
    "fjol", "helgen", "helg", "vecka", "veckor", "veckan", "månad", "månader", "timme",
    "timmar", "minut", "minuter", "stund", "stunden", "tid", "tiden", "gång", "gånger",
    "sommar", "sommaren", "vinter", "vintern", "höst", "hösten", "vår", "våren", "början",
    "slutet", "sätt", "vis", "sikt", "grund", "plats", "stället", "somras", "vintras",
    "höstas", "våras", "morse", "förrgår", "övermorgon", "längden", "hand", "eftermiddag",
    "förmiddag", "jobbet", "arbetet", "skolan", "nätet", "internet", "distans", "papperet",
    "pappret", "hemmaplan",
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "måndagen",
    "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen", "morgonen",
    "förmiddagen", "eftermiddagen", "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december", "julen", "påsken",
    "helgerna", "vardagar", "vardagarna", "kvällarna", "nätterna", "dagarna", "veckorna",
    "åren", "månaderna",
    # the nouns of fixed adverbials: "i alla fall", "i själva verket", "i princip"
    "fall", "verket", "princip", "regel", "allmänhet", "huvudsak", "synnerhet", "sett",
    "utsträckning", "grad", "mån", "omfattning", "takt", "sammanhang", "början"]
#: Words that make an adverbial of the preposition right before them ("på nytt",
#: "på riktigt", "till slut").
ADVERBIAL_WORDS = ["nytt", "riktigt", "allvar", "sistone", "egen", "slut", "sist", "höger",
                   "vänster", "rätta", "godo", "fots", "tiden", "gång", "heltid", "deltid"]
#: Words that make the noun phrase after a verb a subject or an adverbial, not a
#: missing preposition's object.
NOT_OBJECT_WORDS = [
    "det", "då", "så", "där", "här", "hit", "dit", "nu", "mycket", "lite", "mer", "mest",
    "mindre", "alla", "allt", "alltid", "länge", "aktivt", "ofta", "ja", "nej", "själv",
    "själva", "man", "hela", "varje", "igen", "inte", "också", "bara"]
FINITE = ["vblex pres", "vblex past", "vbser pres", "vbser past", "vbmod pres", "vbmod past",
          "vbhaver pres", "vbhaver past"]
#: the question words, as the word list resources/grammar/lists/adverbs.yaml has them
QUESTION_WORDS = ["@question_words"]


def load_lexicon_files(directory: Path = LEXICON_DIR) -> tuple[list[GrammarRule], list[str]]:
    return load_lexicon(sorted(directory.glob("*.yaml")))


def load_lexicon(paths: Iterable[Path], lists: Mapping[str, frozenset[str]] | None = None
                 ) -> tuple[list[GrammarRule], list[str]]:
    """The rules every table entry makes, and one Swedish message per refused entry;
    '@name' words come from the word lists `lists` (the shipped ones when None)."""
    build = functools.partial(_build_entry, lists=lists)
    return read_rule_files(paths, build, FILE_KEYS, DEFAULT_KEYS)


def _build_entry(raw: dict[str, Any], file: str, line: int,
                 lists: Mapping[str, frozenset[str]] | None = None) -> GrammarRule:
    # Imported here: the loader imports this module to load the tables with the rules.
    from proofer.grammar.loader import _build_rule

    if "phrase" in raw:
        return _build_rule(_phrase_rule(raw), file, line, lists)
    return _build_rule(_valency_rule(raw), file, line, lists)


def _keys(raw: dict[str, Any], allowed: set[str]) -> None:
    unknown = set(raw) - allowed
    if unknown:
        raise RuleLoadError(f"okända nycklar: {', '.join(sorted(unknown))}")


def _slug(text: str) -> str:
    table = str.maketrans("åäöéü", "aaoeu")
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")


def _common(raw: dict[str, Any], rule_id: str, message: str) -> dict[str, Any]:
    out = {k: raw[k] for k in ("source", "url", "category", "severity", "note", "__line__")
           if k in raw}
    out.update(id=str(raw.get("id", rule_id)), message=message,
               correct=_str_list(raw.get("correct", []), "correct"))
    return out


def _examples(raw: dict[str, Any], correction: Any) -> list[dict[str, Any]]:
    """Each example as the rule format wants it: a marked sentence whose correction
    `correction` derives from the marked words, unless the entry gives it."""
    out = []
    for ex in raw.get("examples") or []:
        if isinstance(ex, dict):
            out.append(ex)
            continue
        text = str(ex)
        found = re.search("«(.+?)»", text)
        if not found:
            raise RuleLoadError(f"exemplet saknar «…» runt felet: {text!r}")
        out.append({"wrong": text, "correction": correction(found.group(1).split())})
    if not out:
        raise RuleLoadError("posten saknar examples")
    return out


# ----------------------------------------------------------------- governed prepositions
#: What may stand between a verb and its preposition: "bryr sig inte om".
#: A subject pronoun after its finite verb (V2 inversion: "Nu väntar vi för bussen",
#: "På kvällen lyssnar hon musik"): a subject pronoun can be nothing else there, unlike
#: a noun, which may be the verb's object.
INVERTED_PRONOUN: dict[str, Any] = {"word": "@subject_pronouns", "tags": "prn nom",
                                    "reading": "any", "optional": True}
VERB_FILLER = [INVERTED_PRONOUN,
               {"word": "@reflexive_pronouns", "optional": True},
               {"word": ["inte", "aldrig", "också", "alltid", "ofta", "gärna", "själv", "mycket",
                         "mest", "helst", "faktiskt", "egentligen", "nog", "ju", "främst",
                         "delvis", "troligen", "antagligen", "förmodligen", "snarare", "ändå"],
                "optional": True}]


def _governor(raw: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The governor's pattern element and the word the messages name it by."""
    if ("words" in raw) == ("lemma" in raw):
        raise RuleLoadError("posten ska ha antingen words eller lemma")
    if "words" in raw:
        words = _str_list(raw["words"], "words")
        element: dict[str, Any] = {"word": words}
    else:
        words = _str_list(raw["lemma"], "lemma")
        element = {"lemma": words, "reading": "any"}
    if "tags" in raw:
        element["tags"] = raw["tags"]
    if not words:
        raise RuleLoadError("words/lemma är tom")
    return element, str(raw.get("say", words[0]))


def _antipatterns(preps: list[str]) -> list[list[dict[str, Any]]]:
    """Where the preposition after the governor begins something else: a time or
    manner adverbial, a place name, "om" opening a clause, "för att", "för" = too."""
    out: list[list[dict[str, Any]]] = [
        [{"word": preps},
         {"tags": ["det", "adj", "num"], "reading": "any", "optional": True, "repeat": 2},
         {"word": ADVERBIAL_NOUNS}],
        [{"word": preps}, {"word": ADVERBIAL_WORDS}],
    ]
    places = [p for p in preps if p in ("i", "på", "från", "vid", "till", "hos")]
    if places:
        out.append([{"word": places}, {"tags": "np top"}])
    if "om" in preps:
        out.append([{"word": "om"}, {"negate": True, "word": QUESTION_WORDS},
                    {"negate": True, "tags": FINITE, "reading": "any", "optional": True,
                     "repeat": 5},
                    {"tags": FINITE, "reading": "any"}])
    if "för" in preps:
        out.append([{"word": "för"}, {"word": "att"}])
        out.append([{"word": "för"}, {"tags": "adv"}])
        out.append([{"word": "för"}, {"tags": "adj"}, {"negate": True, "tags": ["n", "adj"],
                                                       "reading": "any"}])
    return out


NEXT = {"any_of": [{"tags": ["det", "n", "np", "prn", "adj", "num"], "reading": "any"},
                   {"word": ["att", *QUESTION_WORDS]},
                   # a name or compound the analyser does not know
                   {"known": False, "regex": "[^\\W\\d_].*"}]}


def _valency_rule(raw: dict[str, Any]) -> dict[str, Any]:
    _keys(raw, VALENCY_KEYS)
    kinds = [k for k in VALENCY_KINDS if k in raw]
    if len(kinds) != 1:
        raise RuleLoadError(f"posten ska ha exakt en av {', '.join(VALENCY_KINDS)}")
    kind = kinds[0]
    governor, say = _governor(raw)
    use = str(raw.get("use", "")).strip()
    if (kind == "drop") == bool(use):
        raise RuleLoadError("use anges för instead_of, att och object, inte för drop")
    # A noun that governs only in its verb phrase ("ta avstånd från") has the verb
    # before it; a verb may have its reflexive and a negation before the preposition
    # ("bryr sig inte om").
    before = ([{"word": _str_list(raw["after"], "after")},
               {"tags": "adv", "optional": True}] if "after" in raw else [])
    filler = VERB_FILLER if "lemma" in raw and kind in ("instead_of", "drop") else []
    if "lemma" in raw and kind == "drop":
        governor["not_tags"] = ["pasv"]
    g = len(before)  # the governor's element number
    slug = _slug(say)
    preps: list[str] = []
    if kind == "instead_of":
        preps = _str_list(raw["instead_of"], "instead_of")
        prep = {"word": preps, "mark": True}
        rule = _common(raw, f"prepositions.{slug}-{_slug(use)}",
                       f'Det heter "{say} {use}": {{suggestion}}.')
        rule["pattern"] = [*before, governor, *filler, prep, NEXT]
        rule["suggest"] = [{"text": use}]
        rule["examples"] = _examples(raw, lambda _: use)
    elif kind == "drop":
        preps = _str_list(raw["drop"], "drop")
        prep = {"word": preps, "mark": True}
        rule = _common(raw, f"prepositions.{slug}-direct-object",
                       f'"{say}" tar objektet direkt, utan preposition: {{suggestion}}.')
        rule["pattern"] = [*before, {**governor, "mark": True}, prep, NEXT]
        rule["suggest"] = [{"text": f"{{{g}}}"}]
        rule["examples"] = _examples(raw, lambda words: " ".join(words[:-1]))
    elif kind == "att":
        prep = {"word": "att", "mark": True}
        rule = _common(raw, f"prepositions.{slug}-{_slug(use)}-before-att",
                       f'Före en att-sats behåller "{say}" sin preposition: {{suggestion}}.')
        rule["pattern"] = [*before, {**governor, "mark": True}, prep]
        rule["suggest"] = [{"text": f"{{{g}}} {use} att"}]
        rule["examples"] = _examples(raw, lambda words: " ".join([*words[:-1], use, "att"]))
    else:
        # not_object: words that are no object of this verb ("längta hem", "tänka sig")
        not_object = [*NOT_OBJECT_WORDS, *_str_list(raw.get("not_object", []), "not_object")]
        # (nor a neuter adjective, the adverbial use: "svarade han kort", "lyssnade noga")
        prep = {"tags": raw.get("object_tags", ["det", "n", "np", "prn acc"]), "mark": True,
                "no_reading": ["adv", "vblex", "adj nt sg ind"], "not_word": not_object}
        rule = _common(raw, f"prepositions.{slug}-{_slug(use)}-object",
                       f'"{say}" tar sitt objekt med prepositionen "{use}": {{suggestion}}.')
        subject = [{**INVERTED_PRONOUN, "mark": True}] if "lemma" in raw else []
        rule["pattern"] = [*before, {**governor, "not_tags": ["pasv", "supn"], "mark": True},
                           *subject, prep]
        if subject:  # "lyssnar hon musik" -> "lyssnar hon på musik"
            rule["suggest"] = [{"text": f"{{{g}}} {{{g + 1}}} {use} {{{g + 2}}}"}]
        else:
            rule["suggest"] = [{"text": f"{{{g}}} {use} {{{g + 1}}}"}]
        rule["examples"] = _examples(raw, lambda words: " ".join([words[0], use, *words[1:]]))
        rule["antipatterns"] = [
            # A time, not an object: "delta två gånger", "vänta en stund".
            [{"tags": "vblex"}, {"tags": ["det", "num"], "reading": "any", "optional": True},
             {"word": ADVERBIAL_NOUNS}],
            # After a fronted adverbial the noun is the subject: "Här bor Anna".
            [{"tags": ["adv", "pr", "n", "np"], "sentence_start": True}, {"tags": "vblex"},
             {"tags": ["n", "np"], "reading": "any"}],
            # The subject after the verb: "nästa år reser Sverige att ...".
            [{"tags": ["n", "np"], "reading": "any"}, {"word": ["att", "sig", "inte", "också"]}],
            # The preposition stranded after the subject, the object fronted: "Honom
            # litar ingen på", "Den musiken lyssnar ingen på längre" (where the clause
            # ends: "titta film på kvällen" has a time after its "på")
            [{**prep, "mark": True}, {"word": use},
             {"tags": ["sent", "cm", "adv"], "reading": "any"}],
        ]
    if preps:
        rule["antipatterns"] = _antipatterns(preps)
    if "lemma" in raw:
        # A participle after "än"/"som" is an elliptic comparison ("dyrare än väntat",
        # "gick som väntat"): nothing after it is the verb's object ("dyrare än väntat
        # för kommunen", "som beräknat på förhand").
        rule.setdefault("antipatterns", []).append(
            [{"word": ["än", "som"]},
             {**governor, "tags": ["vblex supn", "adj pp nt sg ind"], "reading": "any"}])
    unless = _str_list(raw.get("unless_next", []), "unless_next")
    if unless:
        rule.setdefault("antipatterns", []).append([prep, {"word": unless}])
    if "unless_next_tags" in raw:
        rule.setdefault("antipatterns", []).append(
            [prep, {"tags": raw["unless_next_tags"], "reading": "any"}])
    return rule


# ----------------------------------------------------------------- fixed expressions
_VERB = re.compile(r"^<(.+)>$")
#: A subject after its finite verb (V2 inversion), between a fixed expression's verb
#: and the rest: a subject pronoun, or a definite noun or a name the analyser reads as
#: nothing else ("gör domaren ett beslut"); never "det"/"den", also objects.
INVERTED_SUBJECT: dict[str, Any] = {
    "any_of": [{"word": "@subject_pronouns", "tags": "prn nom", "reading": "any"},
               {"tags": ["n def", "np"], "not_tags": "gen", "reading": "all"}],
    "optional": True}
_PLACEHOLDER = re.compile(r"\{(\d+)\}")


def _phrase_element(word: str) -> dict[str, Any]:
    optional = word.endswith("?") and len(word) > 1
    word = word.rstrip("?") if optional else word
    verb = _VERB.match(word)
    element: dict[str, Any]
    if verb:
        element = {"lemma": verb.group(1), "tags": ["vblex", "vbmod", "vbhaver", "vbser"],
                   "reading": "any"}
    elif word.startswith("[") and word.endswith("]"):
        # "[adj]": any adjective; "[num|det,qnt]": a numeral or a quantifier
        element = {"tags": [alt.replace(",", " ") for alt in word[1:-1].split("|")]}
    else:
        # "i_närheten": the analyser reads some phrases as one token.
        element = {"word": [w.replace("_", " ") for w in word.split("|")]}
    if optional:
        element["optional"] = True
    return element


def _phrase_rule(raw: dict[str, Any]) -> dict[str, Any]:
    _keys(raw, PHRASE_KEYS)
    wrong = str(raw["phrase"]).split()
    right = str(raw.get("right", "")).split()
    if not wrong or not right:
        raise RuleLoadError("phrase och right ska vara uttryck")
    also = _str_list(raw.get("also", []), "also")
    blend = _str_list(raw.get("blend", []), "blend")
    plain_right = " ".join(_VERB.sub(r"\1", w) for w in right)
    if len(blend) not in (0, 2):
        raise RuleLoadError("blend ska vara de två uttryck som blandats ihop")
    if "message" in raw:
        message = str(raw["message"])
    elif blend:
        message = f'Sammanblandning av "{blend[0]}" och "{blend[1]}": {{suggestion}}.'
    else:
        message = f'Det fasta uttrycket är "{plain_right}": {{suggestion}}.'
    plain_wrong = " ".join(_VERB.sub(r"\1", w) for w in wrong)
    rule = _common(raw, f"expressions.{_slug(plain_wrong)}", message)
    rule["pattern"] = [_phrase_element(w) for w in wrong]
    pairs = list(zip(wrong, right, strict=False))
    swaps = [(i, _VERB.match(r).group(1)) for i, (w, r) in enumerate(pairs)
             if _VERB.match(w) and _VERB.match(r) and w != r]
    if swaps:
        # Another verb in the same form: everything else in the span stays as written.
        if len(swaps) != 1 or len(wrong) != len(right) or any(
                w != r for i, (w, r) in enumerate(pairs) if i != swaps[0][0]):
            raise RuleLoadError("right byter bara verbet, med samma ord i övrigt")
        rule["suggest"] = [{"inflect": swaps[0][0], "lemma": swaps[0][1]}]
        inverted = swaps[0][0] == 0
        if inverted:
            # A finite verb first may have its subject right after it in a main
            # clause with inversion ("Sedan gör domaren ett beslut", "Därför tog han
            # självmord"): the swapped verb keeps the subject where it stands.
            rule["pattern"].insert(1, INVERTED_SUBJECT)
        if not all(isinstance(e, dict) for e in raw.get("examples") or []):
            raise RuleLoadError("ett verbbyte kan inte räkna ut rättelsen: skriv exemplen "
                                "som {wrong: ..., correction: ...}")
        rule["examples"] = _examples(raw, lambda _: None)
    else:
        inverted = False
        if any(_VERB.match(w) for w in right):
            raise RuleLoadError("ett verb i <…> i right ska stå på samma plats som i phrase")
        rule["suggest"] = [{"text": plain_right}, *({"text": a} for a in also)]
        def correction(words: list[str]) -> str:
            texts = _align(rule["pattern"], words)
            filled = _PLACEHOLDER.sub(lambda m: texts[int(m.group(1))], plain_right)
            return _cased(words, " ".join(filled.split()))

        rule["examples"] = _examples(raw, correction)
    antipatterns = []
    if "unless_next" in raw:
        antipatterns.append([*rule["pattern"],
                             {"word": _str_list(raw["unless_next"], "unless_next")}])
    if "unless_before" in raw:
        antipatterns.append([{"word": _str_list(raw["unless_before"], "unless_before")},
                             *rule["pattern"]])
    if inverted:
        # With its subject right before it, a noun after the verb is its object, not
        # an inverted subject ("Han frågade läraren en fråga": "ställde läraren en
        # fråga" would make the teacher ask).
        verb = {**rule["pattern"][0], "mark": True}
        noun = {"tags": ["n def", "np"], "not_tags": "gen", "reading": "all"}
        rest = rule["pattern"][2:]  # the phrase after the slot
        antipatterns.append([{"word": "@subject_pronouns", "tags": "prn nom",
                              "reading": "any"}, verb, noun, *rest])
        antipatterns.append([{"tags": ["n", "np"], "reading": "first", "sentence_start": True},
                             verb, noun, *rest])
    if antipatterns:
        rule["antipatterns"] = antipatterns
    return rule


def _align(pattern: list[dict[str, Any]], words: list[str]) -> list[str]:
    """The marked words of an example per phrase element: an optional literal word
    that is not there gets ""."""
    out, i = [], 0
    for element in pattern:
        literal = element.get("word")
        here = words[i] if i < len(words) else ""
        if element.get("optional") and literal and here.lower() not in literal:
            out.append("")
            continue
        out.append(here)
        i += 1
    return out


def _cased(words: list[str], text: str) -> str:
    """The correction as the rules write it: with the marked words' capital."""
    return text[:1].upper() + text[1:] if words and words[0][:1].isupper() else text
