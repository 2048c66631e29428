"""The seed article's name and title errors, end to end through `proofer check`
(spelling and names together, as the CLI builds them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from proofer.cli import main

SEED = (
    "Frderik Johanssomn  FOV Fabrisc berättar om verksamheten för utrikeshandelminister "
    "Anna Hallberg (S) och regionråden Kristina Jonäng och Bijan Zainali\n\n"
    "Utrikeshandelsminister Anna Hallberg reser just nu Sverige runt och besöker alla "
    "regioner inom ramen för kampanjen Hela Sverige Exporterar. Igår kom turen till "
    "Västsverige och Borås.\n\n"
    "- Det är angeläget att företagen i Västra Götaland kan öka sin konkurrenskraft, "
    "understryker Kristina Jonäng (C), ordförande i regionutvecklingsnämnden.\n\n"
    "På programmet var studiebesök på företaget FOV Fabrics AB i Borås och samtal med "
    "Västra Götalandsregionen och Borås Stad, något som ministern höll med om, säger "
    "Bijan Zainali (S), regionråd. Hon ansåg att VGR är en förebild.\n"
)


@pytest.fixture
def findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    f = tmp_path / "seed.txt"
    f.write_text(SEED, encoding="utf-8")
    assert main(["check", "--format", "json", "--no-languagetool", str(f)]) == 1
    out = json.loads(capsys.readouterr().out)
    return out["files"][0]["findings"]


@pytest.mark.parametrize("wrong,first,category", [
    ("Frderik", "Fredrik", "name"),
    ("Johanssomn", "Johansson", "name"),
    ("Fabrisc", "Fabrics", "name"),
    ("utrikeshandelminister", "utrikeshandelsminister", "title"),
])
def test_seed_errors_are_flagged_with_the_right_suggestion_first(
        findings: list[dict], wrong: str, first: str, category: str) -> None:
    hits = [f for f in findings if f["text"] == wrong]
    assert len(hits) == 1, findings
    assert hits[0]["suggestions"][0] == first
    assert hits[0]["category"] == category
    assert hits[0]["severity"] == "error"


def test_a_name_misspelt_in_both_words_names_the_whole_name(findings: list[dict]) -> None:
    first, last = (next(f for f in findings if f["text"] == w) for w in ("Frderik", "Johanssomn"))
    assert "Fredrik Johansson" in first["message"] and "Fredrik Johansson" in last["message"]


def test_no_correct_name_or_title_is_flagged(findings: list[dict]) -> None:
    claims = [f for f in findings if f["severity"] != "info"]
    wrong = {"Frderik", "Johanssomn", "Fabrisc", "utrikeshandelminister"}
    names = ("Hallberg", "Jonäng", "Zainali", "Borås", "Västra", "FOV Fabrics AB", "VGR",
             "Västsverige", "Sverige", "regionråd", "Utrikeshandelsminister", "ministern",
             "Hela", "Exporterar")
    for f in claims:
        if f["text"] in wrong:
            continue
        assert not any(n in f["text"] for n in names), f
