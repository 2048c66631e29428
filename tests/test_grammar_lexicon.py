"""The lexicon tables (resources/grammar/lexicon/*.yaml) become ordinary grammar rules:
each shape on hand-made tokens, the strictness of the entry format, and the shipped
tables loading without errors. The shipped entries' own examples run in
tests/test_grammar_rules.py with every other rule."""

from __future__ import annotations

from pathlib import Path

from proofer.grammar import GrammarRuleSet
from proofer.grammar.lexicon import load_lexicon, load_lexicon_files
from tests.test_grammar_rules import _tokens

HEAD = "defaults: {category: grammar, severity: error, source: test}\nrules:\n"

HON = ("Hon", [("hon", "prn pers p3 f sg nom")])
AR = ("är", [("vara", "vblex pres actv")])
INTRESSERAD = ("intresserad", [("intresserad", "adj sint pst ut sg ind")])
FOR = ("för", [("för", "pr")])
AV = ("av", [("av", "pr")])
MUSIK = ("musik", [("musik", "n ut sg ind")])
TOG = ("tog", [("ta", "vblex past actv")])
SJALVMORD = ("självmord", [("självmord", "n nt sg ind")])
STOP = (".", [(".", "sent")])


def _load(tmp_path: Path, body: str):
    p = tmp_path / "t.yaml"
    p.write_text(HEAD + body, encoding="utf-8")
    return load_lexicon([p])


def _no_forms(lemma: str, tags) -> list[str]:
    return []


def test_a_wrong_preposition_entry_corrects_to_the_governed_one(tmp_path: Path) -> None:
    rules, errors = _load(tmp_path, """
  - words: [intresserad]
    use: av
    instead_of: [för]
    examples: ['Hon är intresserad «för» musik.']
    correct: ['Hon är intresserad av musik.']
""")
    assert errors == []
    assert [r.id for r in rules] == ["prepositions.intresserad-av"]
    assert rules[0].examples[0].correction == "av"
    text, toks = _tokens(HON, AR, INTRESSERAD, FOR, MUSIK, STOP)
    found = GrammarRuleSet(rules).check(text, toks, _no_forms)
    assert [(f.text, f.suggestions) for f in found] == [("för", ("av",))]
    text, toks = _tokens(HON, AR, INTRESSERAD, AV, MUSIK, STOP)
    assert GrammarRuleSet(rules).check(text, toks, _no_forms) == []


def test_a_time_adverbial_after_the_word_is_not_its_object(tmp_path: Path) -> None:
    rules, _ = _load(tmp_path, """
  - words: [intresserad]
    use: av
    instead_of: [i]
    examples: ['Hon är intresserad «i» musik.']
    correct: ['Hon är intresserad i dag.']
""")
    i = ("i", [("i", "pr")])
    flera = ("flera", [("flera", "det qnt un pl")])
    ar = ("år", [("år", "n nt pl ind")])
    text, toks = _tokens(HON, AR, INTRESSERAD, i, flera, ar, STOP)
    assert GrammarRuleSet(rules).check(text, toks, _no_forms) == []


def test_a_verb_participle_after_an_comparison_governs_nothing(tmp_path: Path) -> None:
    rules, _ = _load(tmp_path, """
  - lemma: [vänta]
    tags: vblex
    use: på
    instead_of: [för]
    examples: ['Vi väntar «för» bussen.']
    correct: ['Det blev dyrare än väntat för kommunen.']
""")
    dyrare = ("dyrare", [("dyr", "adj sint comp un sp")])
    an = ("än", [("än", "adv")])
    vantat = ("väntat", [("vänta", "vblex supn actv")])
    kommunen = ("kommunen", [("kommun", "n ut sg def")])
    text, toks = _tokens(dyrare, an, vantat, FOR, kommunen, STOP)
    assert GrammarRuleSet(rules).check(text, toks, _no_forms) == []
    har = ("har", [("ha", "vbhaver pres actv")])
    text, toks = _tokens(HON, har, vantat, FOR, kommunen, STOP)
    found = GrammarRuleSet(rules).check(text, toks, _no_forms)
    assert [(f.text, f.suggestions) for f in found] == [("för", ("på",))]


def test_drop_att_and_object_entries_derive_their_corrections(tmp_path: Path) -> None:
    rules, errors = _load(tmp_path, """
  - lemma: [ångra]
    tags: vblex
    drop: [på]
    examples: ['Jag «ångrar på» att jag åkte.']
    correct: ['Jag ångrar att jag åkte.']
  - words: [säker]
    use: på
    att: true
    examples: ['Jag är «säker att» det går.']
    correct: ['Jag är säker på att det går.']
  - lemma: [lyssna]
    tags: vblex
    use: på
    object: true
    examples: ['Jag «lyssnar musik».']
    correct: ['Jag lyssnar på musik.']
""")
    assert errors == []
    assert [r.examples[0].correction for r in rules] == [
        "ångrar", "säker på att", "lyssnar på musik"]


def test_a_verb_change_keeps_the_form(tmp_path: Path) -> None:
    rules, errors = _load(tmp_path, """
  - phrase: <ta> självmord
    right: <begå> självmord
    examples: [{wrong: 'Han «tog självmord».', correction: begick självmord}]
    correct: ['Han begick självmord.']
""")
    assert errors == []

    def generate(lemma: str, tags) -> list[str]:
        return ["begick"] if (lemma, tuple(tags)) == ("begå", ("vblex", "past", "actv")) else []

    text, toks = _tokens(("Han", [("han", "prn pers p3 m sg nom")]), TOG, SJALVMORD, STOP)
    found = GrammarRuleSet(rules).check(text, toks, generate)
    assert [(f.text, f.suggestions) for f in found] == [("tog självmord", ("begick självmord",))]


def test_a_phrase_template_fills_in_the_elements(tmp_path: Path) -> None:
    rules, errors = _load(tmp_path, """
  - phrase: i|till lång|kort sikt
    right: 'på {1} sikt'
    examples: ['Det lönar sig «i kort sikt».']
    correct: ['Det lönar sig på kort sikt.']
""")
    assert errors == []
    assert rules[0].examples[0].correction == "på kort sikt"


def test_a_bad_entry_is_refused_with_its_line_and_the_rest_loads(tmp_path: Path) -> None:
    rules, errors = _load(tmp_path, """
  - words: [stolt]
    use: över
    instead_of: [på]
    examples: ['Han är stolt «på» henne.']
    correct: ['Han är stolt över henne.']
  - words: [rädd]
    use: för
    instead_of: [av]
    drop: [av]
    examples: ['Han är rädd «av» hundar.']
    correct: []
  - words: [nöjd]
    use: med
    instead_off: [av]
    examples: ['Han är nöjd «av» det.']
    correct: []
  - phrase: <ta> självmord
    right: <begå> självmord
    examples: ['Han «tog självmord».']
    correct: []
  - words: [glad]
    use: över
    instead_of: [på]
    examples: ['Han är glad på det.']
    correct: []
""")
    assert [r.id for r in rules] == ["prepositions.stolt-over"]
    assert len(errors) == 4
    assert errors[0].startswith("t.yaml:9:") and "exakt en av" in errors[0]
    assert "instead_off" in errors[1]
    assert "{wrong: ..., correction: ...}" in errors[2]
    assert "«…»" in errors[3]


def test_the_shipped_tables_load_without_errors() -> None:
    rules, errors = load_lexicon_files()
    assert errors == []
    assert len(rules) >= 100


def test_a_changed_table_is_read_again_through_the_rule_cache(tmp_path: Path) -> None:
    import shutil

    from proofer.grammar.lexicon import LEXICON_DIR
    from proofer.grammar.loader import RULES_DIR, load_grammar_files

    tables = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, tables)
    before, _ = load_grammar_files(RULES_DIR, lexicon=tables)
    target = tables / "governed_prepositions.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("  - words: [intresserad, intresserade, intresserat]\n",
                                   "  - words: [intresserad, intresserade, intresserat]\n"
                                   "    say: intresserad (ändrad)\n", 1), encoding="utf-8")
    after, _ = load_grammar_files(RULES_DIR, lexicon=tables)
    ids = {r.id for r in before} ^ {r.id for r in after}
    assert ids == {"prepositions.intresserad-av", "prepositions.intresserad-andrad-av"}


FRAGA_ENTRY = """
  - phrase: <fråga> en fråga
    right: <ställa> en fråga
    examples: [{wrong: 'Hon «frågade en fråga».', correction: ställde en fråga}]
    correct: ['Hon ställde en fråga.']
"""
FRAGADE = ("frågade", [("fråga", "vblex past actv")])
LARAREN = ("läraren", [("lärare", "n ut sg def")])
EN = ("en", [("en", "det ind ut sg")])
FRAGA = ("fråga", [("fråga", "n ut sg ind")])


def _stallde(lemma: str, tags) -> list[str]:
    return ["ställde"] if (lemma, tuple(tags)) == ("ställa", ("vblex", "past", "actv")) else []


def test_a_verb_swap_keeps_an_inverted_subject_but_not_an_object(tmp_path: Path) -> None:
    """"Sedan frågade läraren en fråga": the subject after the verb stays where it is
    ("ställde läraren en fråga"); "Hon frågade läraren en fråga": the subject is
    before the verb, so "läraren" is the object and the swap would make the teacher
    ask: no finding rather than a wrong correction."""
    rules, errors = _load(tmp_path, FRAGA_ENTRY)
    assert errors == []
    rule_set = GrammarRuleSet(rules)
    sedan = ("Sedan", [("sedan", "adv")])
    text, toks = _tokens(sedan, FRAGADE, LARAREN, EN, FRAGA, STOP)
    assert [(f.text, f.suggestions) for f in rule_set.check(text, toks, _stallde)] == [
        ("frågade läraren en fråga", ("ställde läraren en fråga",))]
    text, toks = _tokens(HON, FRAGADE, LARAREN, EN, FRAGA, STOP)
    assert rule_set.check(text, toks, _stallde) == []
    text, toks = _tokens(HON, FRAGADE, EN, FRAGA, STOP)
    assert [f.suggestions for f in rule_set.check(text, toks, _stallde)] == [
        ("ställde en fråga",)]
