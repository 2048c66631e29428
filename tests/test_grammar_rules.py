"""Every example of every grammar rule (resources/grammar/rules/*.yaml) is a test,
run on the real morphology; plus the loader's strictness and the matcher's
semantics on hand-made tagged tokens.

A wrong example must give exactly one finding of its own rule, at the marked span,
with the listed correction first, and no other grammar rule may claim anything
else in it; a correct example must give no grammar finding at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from proofer.checkers.grammar import GrammarChecker, respellings
from proofer.grammar import GrammarRuleSet, load_grammar_files, load_grammar_rules
from proofer.grammar.features import agree
from proofer.grammar.inflect import retag
from proofer.rules.model import Example
from tests.handmade_tokens import R, T

RULES, ERRORS = load_grammar_files()
ALL = GrammarRuleSet(RULES)


def _candidates(word: str) -> list[str]:
    """The speller's respellings, as the grammar checker offers them to the rules."""
    from proofer.speller import Speller

    global _SPELLER
    if _SPELLER is None:
        _SPELLER = Speller()
    return respellings(_SPELLER, word)


_SPELLER = None


def _morph():
    from proofer.morph import get_morphology

    morph = get_morphology()
    assert morph.status == "ok", morph.status
    return morph


def test_shipped_rule_files_load_without_errors() -> None:
    assert ERRORS == []
    assert len(RULES) >= 5


def test_every_rule_has_examples_a_source_and_a_swedish_message() -> None:
    for r in RULES:
        assert r.examples and r.correct, r.id
        assert r.source.strip(), r.id
        assert r.message.strip()[-1:] in ".)?!”", r.id


WRONG = [pytest.param(r, e, id=f"{r.id}:{i}") for r in RULES for i, e in enumerate(r.examples)]
RIGHT = [pytest.param(r, c, id=f"{r.id}:{i}") for r in RULES for i, c in enumerate(r.correct)]


@pytest.mark.parametrize(("rule", "example"), WRONG)
def test_wrong_example(rule, example: Example) -> None:
    morph = _morph()
    found = ALL.check(example.text, morph.analyse(example.text), morph.generate,
                      morph.analyse, _candidates)
    own = [f for f in found if f.rule == rule.id]
    assert len(own) == 1, f"{rule.where}: {len(own)} fynd i {example.text!r}: {found}"
    f = own[0]
    marked = example.text[example.start:example.end]
    assert (f.start, f.end) == (example.start, example.end), (
        f"{rule.where}: fann {f.text!r}, markerat {marked!r}")
    assert f.suggestions[:1] == ((example.correction,) if example.correction else ()), (
        f"{rule.where}: {f.suggestions}")
    others = [g.rule for g in found if g is not f]
    assert others == [], f"{rule.where}: andra regler slår till: {others}"


@pytest.mark.parametrize(("rule", "text"), RIGHT)
def test_correct_example(rule, text: str) -> None:
    morph = _morph()
    found = ALL.check(text, morph.analyse(text), morph.generate, morph.analyse, _candidates)
    assert found == [], f"{rule.where}: slår till på korrekt text {text!r}: {found}"


# ---------------------------------------------------------------- hand-made tokens

def _tokens(*words: tuple[str, list[tuple[str, str]]]) -> tuple[str, list[T]]:
    """A paragraph and its tokens from (text, [(lemma, 'tag tag'), ...]) pairs."""
    text, toks = "", []
    for word, readings in words:
        if text and word not in ".,":
            text += " "
        toks.append(T(len(text), len(text) + len(word), word,
                      tuple(R(lemma, tuple(tags.split())) for lemma, tags in readings)))
        text += word
    return text, toks


ETT = ("ett", [("en", "det ind nt sg")])
MORK = ("mörk", [("mörk", "adj sint pst ut sg ind")])
KVALL = ("kväll", [("kväll", "n ut sg ind")])
STOP = (".", [(".", "sent")])

FORMS = {("en", ("det", "ind", "ut", "sg")): "en", ("mörk", ("adj", "sint", "pst", "nt", "sg",
                                                             "ind")): "mörkt"}


def _generate(lemma: str, tags) -> list[str]:
    form = FORMS.get((lemma, tuple(tags)))
    return [form] if form else []


def _rule(tmp_path: Path, body: str):
    p = tmp_path / "t.yaml"
    p.write_text("defaults: {category: grammar, severity: error, source: test}\nrules:\n" + body,
                 encoding="utf-8")
    return load_grammar_rules([p])


ARTICLE_RULE = """
  - id: t.article
    message: 'Genus: {suggestion}.'
    pattern:
      - {lemma: en, tags: det ind, mark: true}
      - {tags: adj, optional: true, repeat: 2}
      - {tags: n sg ind}
    disagree: [{tokens: [0, 2], features: [gender]}]
    suggest: [{inflect: 0, like: 2, features: [gender]}]
    examples: [{wrong: '«ett» mörk kväll', correction: en}]
    correct: ['en mörk kväll']
"""


def test_disagreement_fires_and_the_generator_corrects(tmp_path: Path) -> None:
    rules, errors = _rule(tmp_path, ARTICLE_RULE)
    assert errors == []
    text, toks = _tokens(ETT, MORK, KVALL, STOP)
    found = GrammarRuleSet(rules).check(text, toks, _generate)
    assert [(f.text, f.suggestions, f.message) for f in found] == [
        ("ett", ("en",), "Genus: en.")]


def test_no_match_across_a_sentence_boundary(tmp_path: Path) -> None:
    rules, _ = _rule(tmp_path, ARTICLE_RULE)
    text, toks = _tokens(ETT, STOP, KVALL)
    assert GrammarRuleSet(rules).check(text, toks, _generate) == []


def test_no_finding_without_a_generated_correction(tmp_path: Path) -> None:
    rules, _ = _rule(tmp_path, ARTICLE_RULE)
    text, toks = _tokens(ETT, MORK, KVALL)
    assert GrammarRuleSet(rules).check(text, toks, lambda lemma, tags: []) == []


def test_an_open_value_never_disagrees() -> None:
    assert agree(("adj", "un", "pl"), ("n", "nt", "pl"), ["gender", "number"])
    assert not agree(("adj", "ut", "sg"), ("n", "nt", "sg"), ["gender"])
    assert agree(("adj", "ut", "sg"), ("n", "nt", "sg"), ["number"])


def test_antipattern_over_the_marked_token_cancels(tmp_path: Path) -> None:
    body = ARTICLE_RULE.replace("    suggest:", "    antipatterns: [[{word: ett}, {word: mörk}]]\n"
                                "    suggest:")
    rules, errors = _rule(tmp_path, body)
    assert errors == []
    text, toks = _tokens(ETT, MORK, KVALL)
    assert GrammarRuleSet(rules).check(text, toks, _generate) == []


def test_skip_and_negation(tmp_path: Path) -> None:
    body = """
  - id: t.skip
    message: 'Fel.'
    pattern:
      - {word: ett, skip: 2}
      - {tags: n, negate: true, mark: true}
    examples: [{wrong: '«x»', correction: null}]
    correct: ['y']
"""
    rules, errors = _rule(tmp_path, body)
    assert errors == []
    text, toks = _tokens(ETT, KVALL, MORK)
    found = GrammarRuleSet(rules).check(text, toks, _generate)
    assert [f.text for f in found] == ["mörk"]


def test_retag_replaces_by_feature_and_drops_compound_tags() -> None:
    assert retag(("adj", "sint", "pst", "ut", "sg", "ind", "compound-R"), ["nt"]) == (
        "adj", "sint", "pst", "nt", "sg", "ind")
    assert retag(("vblex", "pres", "actv"), ["inf"]) == ("vblex", "inf", "actv")
    # a missing gender goes before the number, where the generator expects it
    assert retag(("adj", "pp", "pl", "ind"), ["ut", "sg"]) == ("adj", "pp", "ut", "sg", "ind")
    assert retag(("vblex", "pres", "actv"), ["pasv"]) == ("vblex", "pres", "pasv")


# ---------------------------------------------------------------- the loader
def test_unknown_key_is_refused_with_file_and_line_and_the_rest_loads(tmp_path: Path) -> None:
    bad = ARTICLE_RULE.replace("t.article", "t.bad").replace("{tags: n sg ind}",
                                                              "{tagz: n sg ind}")
    rules, errors = _rule(tmp_path, ARTICLE_RULE + bad)
    assert [r.id for r in rules] == ["t.article"]
    assert len(errors) == 1 and errors[0].startswith("t.yaml:") and "tagz" in errors[0]
    assert "t.bad" in errors[0]


@pytest.mark.parametrize(("change", "words"), [
    (("features: [gender]}]\n    suggest", "features: [genus]}]\n    suggest"), "genus"),
    (("tokens: [0, 2]", "tokens: [0, 7]"), "elementnummer"),
    (("{inflect: 0,", "{inflect: 0, size: 3,"), "förslag"),
    (("mark: true}", "mark: true, reading: some}"), "reading"),
    (("{inflect: 0,", "{inflect: 0, lemma: en, as: det ind,"), "lemma står utan as"),
    (("[{inflect: 0, like: 2, features: [gender]}]", "[{respell: 0}]"), "respell står med tags"),
    (("[{inflect: 0, like: 2, features: [gender]}]", "[{respell: 2, tags: adj}]"),
     "inom det markerade"),
    (("[{inflect: 0, like: 2, features: [gender]}]", "[{inflect: 0, tags: adj}]"),
     "tags och not_tags hör till respell"),
    (("{inflect: 0,", "{inflect: 0, alone: yes please,"), "alone"),
])
def test_bad_rules_are_refused_with_a_reason(tmp_path: Path, change, words) -> None:
    rules, errors = _rule(tmp_path, ARTICLE_RULE.replace(*change))
    assert rules == [] and words in errors[0], errors


PARTICLE_RULE = """
  - id: t.particle
    message: 'Ordföljd: {suggestion}.'
    pattern:
      - {tags: prn, mark: true}
      - {tags: vblex, mark: true}
    suggest: [{text: '{1.verb} {0} {1.particle}'}]
    examples: [{wrong: '«jag tycker om»', correction: tycker jag om}]
    correct: ['tycker jag om']
"""


def test_a_particle_verb_token_is_split_around_what_goes_between(tmp_path: Path) -> None:
    rules, errors = _rule(tmp_path, PARTICLE_RULE)
    assert errors == []
    jag = ("jag", [("jag", "prn pers p1 ut sg nom")])
    text, toks = _tokens(jag, ("tycker om", [("tycka om", "vblex pres actv")]))
    found = GrammarRuleSet(rules).check(text, toks, _generate)
    assert [f.suggestions for f in found] == [("tycker jag om",)]
    # a verb without a particle is all verb: no trailing space, no lost word
    text, toks = _tokens(jag, ("läser", [("läsa", "vblex pres actv")]))
    assert [f.suggestions for f in GrammarRuleSet(rules).check(text, toks, _generate)] == [
        ("läser jag",)]
    # a multiword token that is no multiword lemma is left whole
    text, toks = _tokens(jag, ("läser nu", [("läsa", "vblex pres actv")]))
    assert [f.suggestions for f in GrammarRuleSet(rules).check(text, toks, _generate)] == [
        ("läser nu jag",)]


def test_a_bad_part_of_an_element_is_refused(tmp_path: Path) -> None:
    rules, errors = _rule(tmp_path, PARTICLE_RULE.replace("{1.particle}", "{1.partikel}"))
    assert rules == [] and "{N.particle}" in errors[0], errors


# ---------------------------------------------------------------- named word lists
LIST_RULE = """
  - id: t.listed
    message: 'Fel.'
    pattern:
      - {word: ['@subjects', hen], mark: true}
      - {tags: n, not_word: '@adverbs'}
    examples: [{wrong: '«han» kväll', correction: null}]
    correct: ['en kväll']
"""


def _lists(tmp_path: Path, *texts: str) -> list[Path]:
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"lists{i}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_named_list_and_extra_words_make_one_word_set(tmp_path: Path) -> None:
    from proofer.grammar.loader import load_word_lists

    lists, errors = load_word_lists(_lists(tmp_path, "subjects: [jag, Du, han]\n",
                                           "adverbs: ['@negations', ofta]\n"
                                           "negations: [inte, aldrig]\n"))
    assert errors == []
    # a list may take in another, from another file and defined later
    assert lists["adverbs"] == {"inte", "aldrig", "ofta"}
    path = tmp_path / "t.yaml"
    path.write_text("defaults: {category: grammar, severity: error, source: test}\nrules:\n"
                    + LIST_RULE, encoding="utf-8")
    rules, errors = load_grammar_rules([path], lists)
    assert errors == []
    first, second = rules[0].pattern
    # case-insensitive as every word: "Du" is matched as "du"
    assert first.words == {"jag", "du", "han", "hen"}
    assert second.not_words == {"inte", "aldrig", "ofta"}
    text, toks = _tokens(("han", [("han", "prn pers p3 m sg nom")]), KVALL)
    assert [f.text for f in GrammarRuleSet(rules).check(text, toks, _generate)] == ["han"]
    text, toks = _tokens(("hon", [("hon", "prn pers p3 f sg nom")]), KVALL)
    assert GrammarRuleSet(rules).check(text, toks, _generate) == []


def test_an_unknown_list_refuses_its_rule_with_file_line_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    bad = LIST_RULE.replace("t.listed", "t.bad").replace("'@adverbs'", "'@adverb'")
    text = ("defaults: {category: grammar, severity: error, source: test}\nrules:\n"
            + LIST_RULE + bad)
    path.write_text(text, encoding="utf-8")
    lists = {"subjects": frozenset({"jag"}), "adverbs": frozenset({"inte"})}
    rules, errors = load_grammar_rules([path], lists)
    assert [r.id for r in rules] == ["t.listed"]
    # the line of the pattern element that names the unknown list
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "'@adverb'" in t)
    assert len(errors) == 1 and errors[0].startswith(f"t.yaml:{line}: regel t.bad: "), errors
    assert "okänd ordlista @adverb i not_word" in errors[0]


@pytest.mark.parametrize(("text", "where", "reason"), [
    ("Subjects: [jag]\n", 2, "listnamnet"),
    ("subjects: jag\n", 2, "ska vara en lista med ord"),
    ("subjects: [jag, {du: 1}]\n", 2, "ska vara en lista med ord"),
    ("subjects: ['@others', jag]\n", 2, "okänd ordlista @others"),
    # a cycle refuses every list on it, the one that closes it with the reason
    ("subjects: ['@objects']\nobjects: ['@subjects']\n", 3, "cirkelreferens via @subjects"),
])
def test_a_bad_word_list_is_refused_with_file_and_line(tmp_path: Path, text: str, where: int,
                                                        reason: str) -> None:
    from proofer.grammar.loader import load_word_lists

    good = "adverbs: [inte]\n"
    lists, errors = load_word_lists(_lists(tmp_path, good + text))
    assert set(lists) == {"adverbs"}, lists
    assert any(e.startswith(f"lists0.yaml:{where}: ") and reason in e for e in errors), errors


def test_a_list_defined_twice_is_refused_where_it_is_repeated(tmp_path: Path) -> None:
    from proofer.grammar.loader import load_word_lists

    lists, errors = load_word_lists(_lists(tmp_path, "a: [x]\n", "b: [y]\na: [z]\n"))
    assert lists == {"a": {"x"}, "b": {"y"}}
    assert len(errors) == 1 and errors[0].startswith("lists1.yaml:2: ")
    assert "finns redan i lists0.yaml:1" in errors[0]


def test_the_shipped_lists_load_and_rules_use_them(tmp_path: Path) -> None:
    from proofer.grammar.loader import LISTS_DIR, load_grammar_files, load_word_lists

    lists, errors = load_word_lists(sorted(LISTS_DIR.glob("*.yaml")))
    assert errors == [] and {"subject_pronouns", "v2_neutral_adverbs"} <= set(lists)
    assert lists["subject_pronouns"] == lists["personal_subjects"] | {"man"}
    # a rules folder read with another lists folder takes its lists from there
    rules_dir, lists_dir = tmp_path / "rules", tmp_path / "lists"
    rules_dir.mkdir()
    lists_dir.mkdir()
    (rules_dir / "t.yaml").write_text(
        "defaults: {category: grammar, severity: error, source: test}\nrules:\n" + LIST_RULE,
        encoding="utf-8")
    (lists_dir / "l.yaml").write_text("subjects: [vi]\nadverbs: [inte]\n", encoding="utf-8")
    rules, errors = load_grammar_files(rules_dir, cached=False, lexicon=tmp_path,
                                       lists=lists_dir)
    assert errors == [] and rules[0].pattern[0].words == {"vi", "hen"}
    (lists_dir / "l.yaml").write_text("subjects: [vi]\n", encoding="utf-8")
    rules, errors = load_grammar_files(rules_dir, cached=False, lexicon=tmp_path,
                                       lists=lists_dir)
    assert rules == [] and "okänd ordlista @adverbs" in errors[0]


RESPELL_RULE = """
  - id: t.respell
    message: 'Räkneord: {suggestion}?'
    pattern:
      - {known: false, mark: true}
      - {tags: n pl}
    suggest: [{respell: 0, tags: det qnt, not_tags: prn}]
    examples: [{wrong: '«åta» rum', correction: åtta}]
    correct: ['åtta rum']
"""


def test_respell_offers_the_first_neighbour_the_morphology_reads_in_the_slots_class(
        tmp_path: Path) -> None:
    rules, errors = _rule(tmp_path, RESPELL_RULE)
    assert errors == []
    text, toks = _tokens(("åta", []), ("rum", [("rum", "n nt pl ind")]))
    readings = {"åtta": [R("åtta", ("det", "qnt", "un", "pl"))],
                "alla": [R("all", ("det", "qnt", "un", "pl")),
                         R("all", ("prn", "def", "un", "pl"))],
                "låta": [R("låta", ("vblex", "inf", "actv"))]}

    def analyse(word: str) -> list[T]:
        return [T(0, len(word), word, tuple(readings.get(word, [])))]

    rule_set = GrammarRuleSet(rules)
    found = rule_set.check(text, toks, _generate, analyse,
                           lambda w: ["låta", "alla", "åtta", "äta"])
    assert [(f.text, f.suggestions) for f in found] == [("åta", ("åtta",))]
    # no neighbour in the class, or no speller: nothing is claimed
    assert rule_set.check(text, toks, _generate, analyse, lambda w: ["låta", "äta"]) == []
    assert rule_set.check(text, toks, _generate, analyse) == []


def test_checker_reports_a_missing_morphology_and_finds_nothing(monkeypatch) -> None:
    import proofer.checkers.grammar as mod

    monkeypatch.setattr(mod, "_load_morphology",
                        lambda: (None, "unavailable: morfologikomponenten saknas (test)"))
    checker = GrammarChecker(RULES, [])
    assert checker.status() == "unavailable: morfologikomponenten saknas (test)"
    assert checker.check_paragraph("Det var ett mörk kväll.") == []


def test_source_restricts_an_element_to_where_its_readings_come_from(tmp_path: Path) -> None:
    body = ARTICLE_RULE.replace("{tags: n sg ind}", "{tags: n sg ind, source: apertium}")
    rules, errors = _rule(tmp_path, body)
    assert errors == []
    text, toks = _tokens(ETT, MORK, KVALL)
    assert [f.text for f in GrammarRuleSet(rules).check(text, toks, _generate)] == ["ett"]
    guessed = [toks[0], toks[1], SourcedT(*vars(toks[2]).values(), source="compound")]
    assert GrammarRuleSet(rules).check(text, guessed, _generate) == []


def test_an_unknown_source_is_refused(tmp_path: Path) -> None:
    body = ARTICLE_RULE.replace("{tags: n sg ind}", "{tags: n sg ind, source: dictionary}")
    rules, errors = _rule(tmp_path, body)
    assert rules == [] and len(errors) == 1 and "source" in errors[0]


@dataclass(frozen=True)
class SourcedT(T):
    source: str = "apertium"


def test_as_generates_the_lemma_with_exactly_the_given_tags(tmp_path: Path) -> None:
    body = """
  - id: t.as
    message: 'Supinum: {suggestion}.'
    pattern:
      - {word: har}
      - {tags: adj pp, mark: true}
    suggest: [{inflect: 1, as: vblex supn actv}]
    examples: [{wrong: 'har «skriven»', correction: skrivit}]
    correct: ['har skrivit']
"""
    rules, errors = _rule(tmp_path, body)
    assert errors == []
    text, toks = _tokens(("har", [("ha", "vblex pres actv")]),
                         ("skriven", [("skriva", "adj pp ut sg ind")]))
    forms = {("skriva", ("vblex", "supn", "actv")): "skrivit"}

    def generate(lemma: str, tags) -> list[str]:
        got = forms.get((lemma, tuple(tags)))
        return [got] if got else []

    found = GrammarRuleSet(rules).check(text, toks, generate)
    assert [(f.text, f.suggestions) for f in found] == [("skriven", ("skrivit",))]


def test_alone_puts_the_generated_word_in_place_of_the_whole_span(tmp_path: Path) -> None:
    body = """
  - id: t.alone
    message: 'Komparativ: {suggestion}.'
    pattern:
      - {word: mer, mark: true}
      - {tags: adj, mark: true}
    suggest: [{inflect: 1, as: adj sint comp un sp, alone: true},
              {inflect: 1, as: adj sint comp un sp}]
    examples: [{wrong: '«Mer lång»', correction: Längre}]
    correct: ['längre']
"""
    rules, errors = _rule(tmp_path, body)
    assert errors == []
    text, toks = _tokens(("Mer", [("mycket", "adv comp")]),
                         ("lång", [("lång", "adj sint pst ut sg ind")]))
    forms = {("lång", ("adj", "sint", "comp", "un", "sp")): "längre"}

    def generate(lemma: str, tags) -> list[str]:
        got = forms.get((lemma, tuple(tags)))
        return [got] if got else []

    found = GrammarRuleSet(rules).check(text, toks, generate)
    # alone: the span's case pattern; without it only the token is replaced
    assert [(f.text, f.suggestions) for f in found] == [("Mer lång", ("Längre", "Mer längre"))]


def test_as_stands_alone(tmp_path: Path) -> None:
    body = ARTICLE_RULE.replace("{inflect: 0, like: 2, features: [gender]}",
                                "{inflect: 0, like: 2, features: [gender], as: det ind nt sg}")
    rules, errors = _rule(tmp_path, body)
    assert rules == [] and len(errors) == 1 and "as" in errors[0]
