"""Every example of every YAML rule is a test; plus the loader's strictness and the
document-level policies of the rules checker.

A wrong example must give exactly one finding of its own rule, at the marked span,
with the listed correction first, and no other rule may claim anything else in it;
a correct example must give no finding from any rule.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from proofer.checkers.rules import RulesChecker, build_rule_checkers
from proofer.document import split_paragraphs
from proofer.engine import Engine
from proofer.finding import Category, Severity
from proofer.rules import RuleSet, load_rule_files, load_rules
from proofer.rules.loader import derive_precheck
from proofer.rules.model import Example, Rule

RULES, ERRORS = load_rule_files()
ALL = RuleSet(RULES)


def test_shipped_rule_files_load_without_errors() -> None:
    assert ERRORS == []
    assert len(RULES) >= 60


def test_every_rule_has_wrong_and_correct_examples() -> None:
    lacking = [r.id for r in RULES if not r.examples or not r.correct]
    assert lacking == []


def test_every_rule_cites_a_source_and_speaks_swedish() -> None:
    for r in RULES:
        assert r.source.strip(), r.id
        assert r.message.strip()[-1:] in ".)?!”", r.id


def test_enough_grammar_rules() -> None:
    assert sum(r.category is Category.GRAMMAR for r in RULES) >= 41


WRONG = [pytest.param(r, e, id=f"{r.id}:{i}") for r in RULES for i, e in enumerate(r.examples)]
RIGHT = [pytest.param(r, c, id=f"{r.id}:{i}") for r in RULES for i, c in enumerate(r.correct)]


@pytest.mark.parametrize(("rule", "example"), WRONG)
def test_wrong_example(rule, example: Example) -> None:
    own = list(rule.find(example.text))
    assert len(own) == 1, f"{rule.where}: {len(own)} fynd i {example.text!r}"
    f = own[0]
    marked = example.text[example.start:example.end]
    assert (f.start, f.end) == (example.start, example.end), (
        f"{rule.where}: fann {f.text!r}, markerat {marked!r}")
    if example.correction is None:
        assert f.suggestions == ()
    else:
        assert f.suggestions[:1] == (example.correction,), rule.where
    others = [g for g in ALL.check_paragraph(example.text)
              if g.rule != rule.id and (g.start, g.end) != (f.start, f.end)]
    assert others == [], f"{rule.where}: andra regler slår till: {[g.rule for g in others]}"


@pytest.mark.parametrize(("rule", "text"), RIGHT)
def test_correct_example(rule, text: str) -> None:
    assert list(rule.find(text)) == [], f"{rule.where}: slår till på korrekt text {text!r}"
    assert [g.rule for g in ALL.check_paragraph(text)] == []


# ---------------------------------------------------------------- the loader
def _write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "test.yaml"
    p.write_text(body, encoding="utf-8")
    return p


GOOD_RULE = """
  - id: t.good
    pattern: '\\b(?P<err>häll) med om\\b'
    message: Fel form.
    suggestions: [höll]
    source: test
    category: grammar
    severity: error
    examples: [{wrong: "han «häll» med om", correction: höll}]
    correct: ["häll i"]
"""


def test_unknown_key_is_refused_with_file_and_line_and_the_rest_loads(tmp_path: Path) -> None:
    body = "rules:\n" + GOOD_RULE + """
  - id: t.bad
    pattern: 'x'
    sugestions: [y]
    message: M.
    source: test
    category: style
    severity: error
    examples: [{wrong: "«x»", correction: y}]
    correct: ["z"]
"""
    rules, errors = load_rules([_write(tmp_path, body)])
    assert [r.id for r in rules] == ["t.good"]
    assert len(errors) == 1
    assert errors[0].startswith("test.yaml:13: regel t.bad")
    assert "sugestions" in errors[0]


def test_broken_regex_is_refused_and_named(tmp_path: Path) -> None:
    body = "rules:\n" + GOOD_RULE + GOOD_RULE.replace("t.good", "t.broken").replace(
        "\\b(?P<err>", "(?P<err>(")
    rules, errors = load_rules([_write(tmp_path, body)])
    assert [r.id for r in rules] == ["t.good"]
    assert "t.broken" in errors[0] and "reguljärt uttryck" in errors[0]


def test_template_naming_a_missing_group_is_refused(tmp_path: Path) -> None:
    body = "rules:\n" + GOOD_RULE.replace("[höll]", "['\\g<nope>']")
    rules, errors = load_rules([_write(tmp_path, body)])
    assert rules == [] and "nope" in errors[0]


def test_message_names_what_the_match_found(tmp_path: Path) -> None:
    body = "rules:\n" + GOOD_RULE.replace("message: Fel form.", "message: 'Skriv inte \\g<err>.'")
    rules, errors = load_rules([_write(tmp_path, body)])
    assert errors == []
    (finding,) = rules[0].find("han häll med om")
    assert finding.message == "Skriv inte häll."


def test_message_naming_a_missing_group_is_refused(tmp_path: Path) -> None:
    body = "rules:\n" + GOOD_RULE.replace("message: Fel form.", "message: 'Fel \\g<nope>.'")
    rules, errors = load_rules([_write(tmp_path, body)])
    assert rules == [] and "nope" in errors[0]


def test_unreadable_yaml_names_the_file(tmp_path: Path) -> None:
    rules, errors = load_rules([_write(tmp_path, "rules: [\n  - id: x\n  bad")])
    assert rules == [] and errors[0].startswith("test.yaml")


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    rules, errors = load_rules([_write(tmp_path, "rules:\n" + GOOD_RULE + GOOD_RULE)])
    assert len(rules) == 1 and "finns redan" in errors[0]


def test_example_needs_exactly_one_marked_span() -> None:
    with pytest.raises(ValueError):
        Example.parse("inga markeringar", "x")
    ex = Example.parse("a «bc» d", "x")
    assert (ex.text, ex.start, ex.end) == ("a bc d", 2, 4)


def test_precheck_is_derived_from_required_literals() -> None:
    assert derive_precheck(r"\b(?P<err>häll) med (?:om|på)\b") == ["häll med "]
    assert sorted(derive_precheck(r"\b(?:hursomhelst|vadsomhelst)\b")) == [
        "hursomhelst", "vadsomhelst"]
    assert derive_precheck(r"(?<=\S)(?P<err> {2,})(?=\S)") == []


# ---------------------------------------------------------------- the checker
def _engine() -> Engine:
    return Engine(build_rule_checkers())


def test_consistent_typewriter_dashes_are_claimed_once_and_hinted_after() -> None:
    text = ("Malmö - Falsterbo - Ystad.\n- Ja, säger han.\nDet var bra - mycket bra.\n"
            "Och sedan - efteråt.\n")
    findings = _engine().check(text).findings
    by_text = [(text[f.start - 1 : f.end + 1], f.severity) for f in findings]
    # The first dash pair stands for the text's convention; the later spaced hyphens
    # are hints. A reply dash is never a convention: it stays a claim.
    assert by_text == [(" - ", Severity.ERROR), (" - ", Severity.ERROR),
                       ("\n- J", Severity.ERROR), (" - ", Severity.INFO), (" - ", Severity.INFO)]
    assert "2 ställen" in findings[0].message


def test_a_stray_hyphen_among_en_dashes_is_an_error() -> None:
    text = "– Ja, säger han.\nMalmö - Falsterbo - Ystad.\nDet var bra - mycket bra.\n"
    findings = [f for f in _engine().check(text).findings if f.rule.startswith("style.")]
    assert len(findings) == 3
    assert all(f.severity is Severity.ERROR for f in findings)


def test_straight_quotes_are_a_hint_when_the_text_never_uses_swedish_ones() -> None:
    only_straight = 'Han sa "nej" till förslaget.'
    mixed = 'Han sa "nej" till ”förslaget”.'
    assert [f.severity for f in _engine().check(only_straight).findings] == [Severity.INFO] * 2
    assert [f.severity for f in _engine().check(mixed).findings] == [Severity.ERROR] * 2
    assert {f.text for f in _engine().check(mixed).findings} == {'"'}


def test_findings_are_absolute_and_cached_per_paragraph() -> None:
    checker = RulesChecker(RULES)
    text = "Första stycket.\nNågot som ministern häll med om.\n"
    paragraphs = split_paragraphs(text)
    first = checker.check_document(text, paragraphs)
    assert [(f.text, text[f.start:f.end]) for f in first] == [("häll", "häll")]
    assert checker.check_document(text, paragraphs) == first


def test_prechecks_skip_most_rules_on_ordinary_text() -> None:
    """Not a timing test (benchmarks/rules_speed.py measures): checks that the
    prechecks skip most rules on ordinary text, which is what makes the pass fast."""
    para = ("Regeringen lanserade i december 2019 en ny export- och investeringsstrategi, "
            "och ministern reser runt i landet för att träffa företag och regioner.")
    lowered = para.lower()
    running = [r.id for r in RULES if r.applies(para, lowered)]
    assert len(running) <= len(RULES) // 3, running


def test_rule_major_pass_equals_the_paragraph_pass() -> None:
    """The cold-document path (prechecks over all paragraphs joined) must find exactly
    what the per-paragraph path finds, on every example text there is."""
    texts = [e.text for r in RULES for e in r.examples] + [c for r in RULES for c in r.correct]
    one_by_one = [sorted(ALL.check_paragraph(t), key=lambda f: (f.start, f.end)) for t in texts]
    assert ALL.check_paragraphs(texts) == one_by_one
    assert sum(map(len, one_by_one)) >= sum(len(r.examples) for r in RULES)


def test_shared_scans_find_every_paragraph_a_string_is_in() -> None:
    """check_paragraphs scans once for precheck strings that differ only in their
    last character, or (case-sensitive rule) only in case: the rule must still run
    on every paragraph that holds one of them, also at the very end of the text
    and where a short string is the shared prefix of others."""
    def rule(rule_id: str, pattern: str, precheck: tuple[str, ...], cased: bool) -> Rule:
        return replace(RULES[0], id=rule_id, regex=re.compile(pattern), precheck=precheck,
                       case_sensitive=cased, convention=None, suggestions=())

    rules = RuleSet([
        rule("test.numbered", r"(?P<err>x en \d)", ("x en 0", "x en 1", "x en 2"), False),
        rule("test.prefix", r"(?P<err>abc[def]?)", ("abcd", "abce", "abcf", "abc"), False),
        rule("test.cased", r"\b(?P<err>[Mm]ej)\b", ("Mej", "mej"), True),
    ])
    texts = ["Här står x en 1 mitt i.", "Ett abc här.", "Ge mej den.", "Inget alls.",
             "Mej först, sist x en 2"]
    one_by_one = [sorted(rules.check_paragraph(t), key=lambda f: (f.start, f.end))
                  for t in texts]
    assert rules.check_paragraphs(texts) == one_by_one
    assert [len(f) for f in one_by_one] == [1, 1, 1, 0, 2]


def test_lower_casing_that_changes_length_keeps_paragraphs_apart() -> None:
    """"İ" lower-cases to two code points: the lower-cased text is longer than the
    original, and a hit in a later paragraph must still be credited to it."""
    rule = replace(RULES[0], id="test.mej", regex=re.compile(r"\b(?P<err>[Mm]ej)\b"),
                   precheck=("mej",), case_sensitive=False, convention=None, suggestions=())
    rules = RuleSet([rule])
    texts = ["İ" * 20, "Ge mej.", "Inget här, bara annan text."]
    one_by_one = [rules.check_paragraph(t) for t in texts]
    assert [len(f) for f in one_by_one] == [0, 1, 0]
    assert rules.check_paragraphs(texts) == one_by_one


def test_a_list_item_run_into_the_text_is_a_hint_not_a_wrong_dash() -> None:
    """": - a; - b" is a list copied into the running text (Svenska skrivregler lets
    a list item begin with any mark), so the dash claim must not fire on it."""
    text = "Koderna hämtas ur KVÅ: - DT030 Vaccination; - ZV100 Åtgärd relaterad till covid."
    found = _engine().check(text).findings
    assert [f.rule for f in found] == ["style.inline-list-marker"] * 2
    assert all(f.severity is Severity.INFO for f in found)
