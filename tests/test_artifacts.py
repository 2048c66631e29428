"""Publishing leftovers and the seed article's rule-level errors, through the engine.

The per-rule examples live in resources/rules/*.yaml and run in test_rules.py; here
we check what only shows up in a whole document: offsets after several lines, the
merge with other checkers, and the exact gold fixes of the seed article.
"""

from __future__ import annotations

from proofer.checkers.artifacts import ArtifactChecker
from proofer.checkers.rules import build_rule_checkers
from proofer.engine import Engine, merge
from proofer.finding import Category, Finding, Severity
from proofer.rules import load_rule_files

RULES, _ = load_rule_files()

# Lines of the seed article (shared/seed), kept here so the test runs anywhere.
SEED = (
    "Denna webbplats använder teknik som troligen inte stöds i din webbläsare, därför kan "
    "vissa saker se konstiga ut eller inte fungera. Vi rekommenderar att du byter till en "
    "modern webbläsare istället.\n"
    "Gå direkt till huvudinnehållet\n"
    "\n"
    "Utrikeshandelsministern nöjd med regionala exportinsatser\n"
    "\n"
    "Publicerad:\n"
    "Frderik Johanssomn  FOV Fabrisc berättar om verksamheten\n"
    "\n"
    "Regeringen lanserade i december 2019 en ny export- och investeringsstrategi.\n"
    "\n"
    "- Västsverige är extremt beroende av export, understryker Kristina Jonäng (C).\n"
    "\n"
    "Vikten av hållbarhet betonades, där svensk - och västsvensk - produktion och produkter "
    "ofta har ett försprång. Det lyftes även i diskussionerna med företagen. \n"
    "\n"
    "Rundabordssamtal med det lokala och regionala näringslivet - här främst "
    "textilbranschen- samt fackförbund och Borås Stad.\n"
    "\n"
    "- Det är helt uppenbart, något som ministern häll med om, säger Bijan Zainali (S).\n"
    "\n"
    "Ikon för telefonnummer\n"
    "[Missing text '/kiv/phonenumber' for 'Swedish']\n"
    "\n"
    "Publicerad:"
)

# (context that locates the error, offset of the error in it, its length, gold fix)
# as in shared/seed/gold.json
GOLD = [
    (SEED[: SEED.index("\n")], 0, SEED.index("\n"), ""),
    ("Gå direkt till huvudinnehållet", 0, 30, ""),
    ("Publicerad:\nFrderik", 0, 11, ""),
    ("Johanssomn  FOV", 10, 2, " "),
    ("\n- Västsverige", 1, 2, "– "),
    ("svensk - och", 7, 1, "–"),
    ("västsvensk - produktion", 11, 1, "–"),
    ("textilbranschen- samt", 15, 1, " –"),
    ("\n- Det är", 1, 2, "– "),
    ("häll med", 0, 4, "höll"),
    ("Ikon för telefonnummer", 0, 22, ""),
    ("[Missing text '/kiv/phonenumber' for 'Swedish']", 0, 47, ""),
    ("Swedish']\n\nPublicerad:", 11, 11, ""),
]


def _gold_span(context: str, delta: int, length: int) -> tuple[int, int]:
    start = SEED.index(context) + delta
    return start, start + length


def _check(text: str) -> list[Finding]:
    return Engine(build_rule_checkers()).check(text).findings


def test_every_seed_error_of_these_rules_is_flagged_with_the_gold_fix() -> None:
    findings = _check(SEED)
    for context, delta, length, correct in GOLD:
        start, end = _gold_span(context, delta, length)
        hits = [f for f in findings if f.start < end and start < f.end]
        assert hits, f"not flagged: {SEED[start:end]!r}"
        f = hits[0]
        rebuilt = SEED[min(start, f.start):f.start] + f.suggestions[0] + SEED[f.end:max(end, f.end)]
        expected = SEED[min(start, f.start):start] + correct + SEED[end:max(end, f.end)]
        assert rebuilt == expected, (context, f)


def test_no_finding_on_the_seeds_correct_text() -> None:
    findings = _check(SEED)
    spans = [_gold_span(c, d, n) for c, d, n, _ in GOLD]
    stray = [f for f in findings if not any(f.start < e and s < f.end for s, e in spans)]
    # The opening dash of "näringslivet - här" is a real dash error the gold leaves out.
    assert [f.text for f in stray] == ["-"]
    assert SEED[stray[0].start - 13:stray[0].start] == "näringslivet "


def test_hyphens_throughout_keep_their_first_pair_and_reply_dashes_as_claims() -> None:
    """The seed never uses an en dash and spaces hyphens as dashes three times: its
    first dash pair ("svensk - och västsvensk -") is claimed for all of them and the
    later spaced hyphen is a hint; reply dashes and the glued closing hyphen are
    never a writer's convention and stay claims."""
    dashes = [f for f in _check(SEED) if f.rule.startswith("style.") and "-" in f.text]
    hints = [f for f in dashes if f.severity is Severity.INFO]
    assert len(dashes) == 6
    assert [SEED[f.start - 13 : f.start] for f in hints] == ["näringslivet "]


def test_the_elided_compound_is_left_alone() -> None:
    text = "Regeringen lanserade en ny export- och investeringsstrategi.\n"
    assert _check(text) == []


def test_leftovers_on_their_own_line_or_at_a_line_end() -> None:
    text = ("Publiceringen väckte avsky i USA.\n"
            "[Missing text '/kiv/email' for 'Swedish']\n"
            "Det blir bättre. {{ contact.phone }}\n"
            "Super-G och storslalom. Ikon för extern länk\n"
            "Dela på Facebook\n"
            "[object Object]\n")
    found = [(f.text, f.suggestions, f.category) for f in _check(text)]
    assert found == [
        ("[Missing text '/kiv/email' for 'Swedish']", ("",), Category.ARTIFACT),
        ("{{ contact.phone }}", ("",), Category.ARTIFACT),
        ("Ikon för extern länk", ("",), Category.ARTIFACT),
        ("Dela på Facebook", ("",), Category.ARTIFACT),
        ("[object Object]", ("",), Category.ARTIFACT),
    ]


def test_chrome_words_in_running_text_are_not_leftovers() -> None:
    text = ("Läs mer om förslaget på regeringens webbplats.\n"
            "De ska dela på ansvaret, säger hon.\n"
            "Hon blev en ikon för hela generationen.\n"
            "Han har publicerat: tre böcker.\n")
    assert _check(text) == []


def test_an_artifact_swallows_what_other_checkers_say_inside_it() -> None:
    """The speller would call "phonenumber" unknown; the leftover as a whole wins."""
    text = "[Missing text '/kiv/phonenumber' for 'Swedish']"
    artifact = ArtifactChecker(RULES).check_paragraph(text)[0]
    typo = Finding(15, 26, text[15:26], Category.SPELLING, "spelling.unknown-word", "Okänt ord")
    assert merge([typo, artifact]) == [artifact]


def test_artifact_checker_only_runs_artifact_rules() -> None:
    checker = ArtifactChecker(RULES)
    assert checker.status() == "ok"
    assert {r.category for r in checker.ruleset.rules} == {Category.ARTIFACT}
    assert checker.check_paragraph("något som ministern häll med om") == []
