"""Loading and merging dictionary files: every broken entry reported by file, line
and reason, the rest loaded; the shipped content complete."""

from __future__ import annotations

from pathlib import Path

import pytest

import proofer.names.loader as loader
from proofer.names.loader import load_all, load_file, load_text
from proofer.settings import SHIPPED_DICTIONARIES, Settings


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


BROKEN = """\
# kommentar
entries:
  - name: Anna Hallberg
    kind: person
  - kind: person
    titles: [regionråd]
  - name: Kalle
    kind: banan
  - name: Bo Ek
    kind: person
    colour: blue
  - name: Eva Lund
    kind: person
"""


def test_broken_entries_are_reported_with_line_and_reason_and_the_rest_loads(
        tmp_path: Path) -> None:
    res = load_file(_write(tmp_path, "d.yaml", BROKEN))
    assert [e.name for e in res.entries] == ["Anna Hallberg", "Eva Lund"]
    lines = [(p.line, p.reason) for p in res.problems]
    assert [ln for ln, _ in lines] == [5, 7, 9]
    assert "namn saknas" in lines[0][1]
    assert "okänd sort 'banan'" in lines[1][1]
    assert "okänd nyckel 'colour'" in lines[2][1]
    assert all(str(p).startswith(f"{tmp_path / 'd.yaml'}:") for p in res.problems)


def test_the_fast_parser_and_yaml_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = BROKEN + "  - name: EEC\n    kind: organization\n    aliases: ['EEC:s', \"E.E.C\"]\n"
    fast = load_text(text, "x.yaml")
    monkeypatch.setattr(loader, "_fast_parse", lambda *a: None)
    slow = load_text(text, "x.yaml")
    assert [(e.to_mapping(), e.origin) for e in fast.entries] == \
        [(e.to_mapping(), e.origin) for e in slow.entries]
    assert fast.problems == slow.problems


@pytest.mark.parametrize("value", ["yes", "12", "~", "'quoted'", "a: b", "x # c", ">-"])
def test_the_fast_parser_leaves_unusual_scalars_to_yaml(value: str) -> None:
    text = f"entries:\n  - name: {value}\n    kind: person\n"
    assert loader._fast_parse(text, "x") is None


def test_a_file_that_does_not_parse_is_refused_whole_with_its_line(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.yaml", "entries:\n  - name: A\n    kind: person\n"
                                       "  - name: [unclosed\n    kind: person\n")
    good = _write(tmp_path, "good.yaml", "entries:\n  - name: Bo Ek\n    kind: person\n")
    res = load_all([bad, good])
    assert [e.name for e in res.entries] == ["Bo Ek"]
    (problem,) = res.problems
    assert problem.path == str(bad) and problem.line >= 4
    assert "kunde inte tolkas" in problem.reason
    assert bad.read_text(encoding="utf-8").startswith("entries:")  # nothing rewritten


def test_unreadable_and_non_utf8_files_are_reported(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("entries:\n  - name: Jonäng\n    kind: person\n".encode("latin-1"))
    res = load_all([latin, tmp_path / "missing.yaml"])
    assert res.entries == []
    assert ["UTF-8" in p.reason for p in res.problems] == [True, False]


def test_duplicate_with_conflicting_data_in_one_file_is_refused(tmp_path: Path) -> None:
    p = _write(tmp_path, "d.yaml", "entries:\n"
               "  - name: Bo Ek\n    kind: person\n    party: S\n"
               "  - name: Bo Ek\n    kind: person\n    party: S\n"
               "  - name: Bo Ek\n    kind: person\n    party: M\n")
    res = load_all([p])
    assert [(e.name, e.party) for e in res.entries] == [("Bo Ek", "S")]
    (problem,) = res.problems
    assert problem.line == 8 and "finns redan på rad 2" in problem.reason


def test_a_later_file_overrides_an_earlier_one(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.yaml", "entries:\n  - name: Bo Ek\n    kind: person\n    party: S\n")
    b = _write(tmp_path, "b.yaml", "entries:\n  - name: Bo Ek\n    kind: person\n    party: M\n")
    res = load_all([a, b])
    assert [(e.name, e.party) for e in res.entries] == [("Bo Ek", "M")]
    assert res.problems == []


def test_an_alias_claimed_by_two_people_is_reported_and_dropped_from_the_second(
        tmp_path: Path) -> None:
    p = _write(tmp_path, "d.yaml", "entries:\n"
               "  - name: Anna Hallberg\n    kind: person\n    aliases: [Hallberg]\n"
               "  - name: Per Hallberg\n    kind: person\n    aliases: [Hallberg, Perra]\n")
    res = load_all([p])
    assert [(e.name, e.aliases) for e in res.entries] == [
        ("Anna Hallberg", ("Hallberg",)), ("Per Hallberg", ("Perra",))]
    (problem,) = res.problems
    assert problem.line == 5 and "'Hallberg'" in problem.reason and "Anna Hallberg" in \
        problem.reason


def test_settings_merge_order_includes_per_run_dictionaries(tmp_path: Path) -> None:
    extra = _write(tmp_path, "run.yaml", "entries: []\n")
    s = Settings()
    s.extra_dictionaries = [str(extra)]
    files = s.dictionary_files()
    assert files[-1] == extra
    assert set(SHIPPED_DICTIONARIES.glob("*.yaml")) <= set(files)


# -- shipped content -----------------------------------------------------------
@pytest.fixture(scope="module")
def shipped() -> dict:
    res = load_all(sorted(SHIPPED_DICTIONARIES.glob("*.yaml")))
    assert res.problems == []
    return {e.name: e for e in res.entries}


def test_the_eight_parliamentary_parties_with_their_letters(shipped: dict) -> None:
    letters = {e.party for e in shipped.values() if e.kind == "organization" and e.party}
    assert letters == {"S", "M", "SD", "C", "V", "KD", "L", "MP"}


def test_regions_and_municipalities(shipped: dict) -> None:
    places = [e for e in shipped.values() if e.kind == "place"]
    municipalities = [e for e in places if e.note.startswith("Kommun i")]
    regions = [e for e in places if e.note.startswith("Regionen för")]
    assert len(municipalities) == 290
    assert len(regions) == 21
    for name in ("Borås", "Upplands Väsby", "Malung-Sälen", "Östra Göinge", "Övertorneå",
                 "Region Jämtland Härjedalen", "Västra Götalandsregionen"):
        assert name in shipped
    assert "VGR" in shipped["Västra Götalandsregionen"].aliases


def test_titles_and_the_seed_articles_people(shipped: dict) -> None:
    for t in ("utrikeshandelsminister", "näringsminister", "statsminister", "finansminister",
              "utrikesminister", "regionråd", "kommunalråd", "kommunstyrelsens ordförande",
              "landshövding", "riksdagsledamot", "partiledare", "talesperson",
              "generaldirektör"):
        assert shipped[t].kind == "title"
    hallberg = shipped["Anna Hallberg"]
    assert hallberg.titles == ("utrikeshandelsminister",) and hallberg.party == "S"
    assert "2019" in hallberg.note  # time-bound fact noted
    jonang = shipped["Kristina Jonäng"]
    assert jonang.party == "C" and "regionråd" in jonang.titles
    assert shipped["Bijan Zainali"].party == "S"
    assert shipped["Fredrik Johansson"].kind == "person"
    assert "FOV Fabrics" in shipped["FOV Fabrics AB"].aliases
    assert shipped["Borås Stad"].kind == "organization"


def test_a_control_character_in_the_file_is_one_line_of_problem(tmp_path: Path) -> None:
    path = tmp_path / "namn.yaml"
    path.write_bytes(b"entries:\n  - {name: Anna\x00 Hallberg, kind: person}\n")
    [problem] = load_file(path).problems
    assert "\n" not in str(problem)
    assert str(problem) == (f"{path}: filen kunde inte tolkas som YAML: ett otillåtet "
                            "styrtecken i filen (unacceptable character #x0000: control "
                            "characters are not allowed); ingenting i filen lästes in")


@pytest.mark.parametrize(("text", "said"), [
    ("entries:\n  - name: Anna: Berg\n", "ett kolon där inget kolon får stå"),
    ("entries:\n\t- name: Anna Berg\n", "oftast ett tabbtecken"),
    ("entries:\n  - name: 'Anna Berg\n", "ett citattecken som aldrig stängs"),
    ("entries:\n  - name: Anna Berg\n - name: Bo Ek\n", "fel indrag"),
])
def test_a_yaml_error_is_explained_in_swedish_with_yamls_words_after(
        tmp_path: Path, text: str, said: str) -> None:
    """Admins read the reason; PyYAML's own words stay in brackets for a search."""
    path = tmp_path / "namn.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = load_file(path).problems
    assert said in str(problem) and "(" in str(problem)
