"""The LanguageTool client and checker against a fake LanguageTool server on
127.0.0.1 (tests/fixtures/languagetool/fake_server.py): no network, no Java needed."""

from __future__ import annotations

import importlib.util
import json
import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from proofer.checkers import languagetool as lt_checker
from proofer.checkers.languagetool import DISABLED_RULES, LanguageToolChecker
from proofer.checkers.spelling import SpellingChecker
from proofer.document import split_paragraphs
from proofer.engine import Engine
from proofer.finding import Category
from proofer.languagetool import service as lt_service
from proofer.languagetool.service import LanguageToolService
from proofer.speller import Speller

FIXTURES = Path(__file__).parent / "fixtures" / "languagetool"


def _load_fake() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lt_fake_server", FIXTURES / "fake_server.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fake_server = _load_fake()


@pytest.fixture
def fake() -> Iterator:
    server = fake_server.FakeLanguageTool().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


def _checker(url: str, speller: Speller | None = None, timeout: float = 5.0,
             **kw: float) -> LanguageToolChecker:
    return LanguageToolChecker(LanguageToolService("server", url, timeout=timeout, **kw),
                               speller, startup_wait=5.0)


def _check(checker: LanguageToolChecker, text: str) -> list:
    return checker.check_document(text, split_paragraphs(text))


def test_server_mode_finds_and_places_matches_after_emoji(fake) -> None:
    text = ("Rubrik 🎉 med emoji\n"
            "Det var 😀😀 ett mörk kväll och han brukade att gå.\n"
            "Se (🙂 här, i stor grad.")
    checker = _checker(fake.url)
    found = _check(checker, text)
    assert [(text[f.start:f.end], f.rule, f.category) for f in found] == [
        ("ett mörk kväll", "languagetool.JJ.OCH_n-ord", Category.GRAMMAR),
        ("brukade att", "languagetool.EJ_INNAN_ATT", Category.GRAMMAR),
        ("(🙂", "languagetool.UNPAIRED_BRACKETS", Category.STYLE),
        ("i stor grad", "languagetool.I_STOR_GRAD", Category.GRAMMAR),
    ]
    assert all(f.text == text[f.start:f.end] for f in found)
    assert found[0].suggestions == ("en mörk kväll",)
    assert found[1].message == "Infinitivmärket \"att\" bör inte förekomma efter ”brukade”."
    assert checker.status() == "ok"


def test_the_request_asks_for_swedish_with_our_defaults(fake) -> None:
    _check(_checker(fake.url), "Det var ett mörk kväll.")
    (form,) = fake.requests
    assert form["language"] == "sv-SE"
    assert form["level"] == "default"
    assert set(form["disabledRules"].split(",")) == set(DISABLED_RULES)


def test_paragraphs_go_in_one_request_and_only_changed_ones_again(fake) -> None:
    checker = _checker(fake.url)
    text = "Första stycket.\nAndra  stycket.\nTredje med det det."
    assert len(_check(checker, text)) == 2
    assert len(fake.requests) == 1
    assert fake.requests[0]["text"] == "Första stycket.\n\nAndra  stycket.\n\nTredje med det det."
    edited = text.replace("Första stycket.", "Första stycket i stor grad.")
    found = _check(checker, edited)
    assert len(fake.requests) == 2
    assert fake.requests[1]["text"] == "Första stycket i stor grad."
    assert [f.text for f in found] == ["i stor grad", "  ", "det det"]
    _check(checker, edited)
    assert len(fake.requests) == 2  # nothing changed: nothing sent


def test_a_match_across_a_paragraph_break_is_dropped() -> None:
    rules = [{"find": "slut.\n\nBörjan", "match": {
        "message": "m", "replacements": [],
        "rule": {"id": "ACROSS", "issueType": "grammar", "category": {"id": "GRAMMAR"}}}}]
    server = fake_server.FakeLanguageTool(rules=rules).start()
    try:
        assert _check(_checker(server.url), "Ett slut.\nBörjan igen.") == []
        assert len(server.requests) == 1
    finally:
        server.stop()


def test_users_words_and_names_silence_languagetool_spelling(fake, speller) -> None:
    text = "Han vill zlatanera på fesstival med Ljungqvizt i kvarnbergsplan."
    plain = {f.text for f in _check(_checker(fake.url, speller), text)}
    assert plain == {"zlatanera", "fesstival", "kvarnbergsplan"}  # not the name
    own = Speller(["zlatanera"])
    own.add_lookup(lambda word: word == "kvarnbergsplan")  # e.g. a place dictionary
    assert {f.text for f in _check(_checker(fake.url, own), text)} == {"fesstival"}


def test_without_a_speller_languagetool_spelling_stays(fake) -> None:
    broken = Speller(language="xx_XX")
    assert not broken.available
    text = "Med Ljungqvizt på fesstival."
    assert {f.text for f in _check(_checker(fake.url, broken), text)} == {"Ljungqvizt",
                                                                           "fesstival"}


def test_engine_merges_languagetool_spelling_into_ours(fake, speller) -> None:
    engine = Engine([SpellingChecker(speller), _checker(fake.url, speller)])
    report = engine.check("Vi gick på fesstival i går.")
    (f,) = [f for f in report.findings if f.text == "fesstival"]
    assert f.source == "spelling"
    assert "festival" in f.suggestions and "festivaler" in f.suggestions
    assert report.engines["languagetool"] == "ok"


def test_a_slow_server_times_out_without_stopping_the_other_checks(speller) -> None:
    slow = fake_server.FakeLanguageTool(delay=3.0).start()
    try:
        engine = Engine([SpellingChecker(speller), _checker(slow.url, speller, timeout=0.5)])
        t0 = time.monotonic()
        report = engine.check("Det var ett mörk kväll.\nVi gick på fesstival.")
        assert time.monotonic() - t0 < 2.5
        assert [f.text for f in report.findings] == ["fesstival"]  # the speller's
        status = report.engines["languagetool"]
        assert status.startswith("unavailable: LanguageTool svarade inte inom 0,5 s")
        # The next check does not wait for the same timeout again.
        t0 = time.monotonic()
        engine.check("Ett nytt stycke i stor grad.")
        assert time.monotonic() - t0 < 0.4
        assert len(slow.requests) == 1
    finally:
        slow.stop()


def test_after_a_pause_a_recovered_server_is_used_again(speller) -> None:
    server = fake_server.FakeLanguageTool(delay=2.0).start()
    try:
        checker = _checker(server.url, speller, timeout=0.3, retry_after=0.3)
        seen: list[str] = []
        checker.add_listener(seen.append)
        text = "Det var ett mörk kväll."
        assert _check(checker, text) == []
        assert checker.status().startswith("unavailable:")
        server.delay = 0.0
        time.sleep(0.4)  # the pause is over: the next check re-probes the server
        assert checker.service.wait_ready(3.0)
        assert [f.text for f in _check(checker, text)] == ["ett mörk kväll"]
        assert checker.status() == "ok"
        assert seen[-1] == "ok" and any(s.startswith("unavailable:") for s in seen)
    finally:
        server.stop()


def test_nothing_listening_is_a_clear_status_at_once() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    checker = _checker(f"http://127.0.0.1:{port}")
    t0 = time.monotonic()
    assert _check(checker, "Det var ett mörk kväll.") == []
    assert time.monotonic() - t0 < 1.5
    assert checker.status().startswith("unavailable: ingen LanguageTool-server svarar på")


def test_a_server_without_swedish_is_refused() -> None:
    server = fake_server.FakeLanguageTool(languages=[{"name": "English", "code": "en",
                                                      "longCode": "en-US"}]).start()
    try:
        checker = _checker(server.url)
        assert _check(checker, "Det var ett mörk kväll.") == []
        assert checker.status().endswith("saknar svenska")
        assert server.requests == []
    finally:
        server.stop()


def test_a_bug_in_the_checker_never_escapes(fake, monkeypatch) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("trasig")

    monkeypatch.setattr(lt_checker, "parse_match", broken)
    checker = _checker(fake.url)
    assert _check(checker, "Det var ett mörk kväll.") == []
    assert checker.status() == "unavailable: oväntat fel i LanguageTool-kontrollen (trasig)"


def test_public_mode_is_refused_unless_allowed(fake, monkeypatch) -> None:
    monkeypatch.setattr(lt_service, "PUBLIC_URL", fake.url + "/v2/")
    refused = LanguageToolChecker(LanguageToolService("public"), None, startup_wait=2.0)
    assert _check(refused, "Det var ett mörk kväll.") == []
    status = refused.status()
    assert status.startswith("unavailable: den publika LanguageTool-tjänsten används inte")
    assert "languagetool_allow_public" in status
    assert refused.warning is None
    assert fake.requests == []


def test_a_configured_url_to_the_public_service_needs_the_same_permission() -> None:
    service = LanguageToolService("server", "https://api.languagetool.org/v2/")
    t0 = time.monotonic()
    assert service.status().startswith("unavailable: den publika")
    assert not service.wait_ready(1.0)
    assert time.monotonic() - t0 < 0.1  # refused from the settings alone, nothing sent


def test_public_mode_when_allowed_warns_that_the_text_leaves(fake, monkeypatch,
                                                             caplog) -> None:
    monkeypatch.setattr(lt_service, "PUBLIC_URL", fake.url + "/v2/")
    checker = LanguageToolChecker(LanguageToolService("public", allow_public=True), None,
                                  startup_wait=5.0)
    with caplog.at_level(logging.WARNING):
        found = _check(checker, "Det var ett mörk kväll.")
    assert [f.text for f in found] == ["ett mörk kväll"]
    assert checker.warning is not None and "lämnar alltså datorn" in checker.warning
    assert any("lämnar alltså datorn" in r.getMessage() for r in caplog.records)
    assert checker.status() == "ok"


def test_off_sends_nothing(fake) -> None:
    checker = LanguageToolChecker(LanguageToolService("off", fake.url), None)
    assert _check(checker, "Det var ett mörk kväll.") == []
    assert checker.status() == "off"
    assert fake.requests == []


def test_server_mode_without_an_address_says_so() -> None:
    assert LanguageToolService("server", "").status() == (
        "unavailable: läget server kräver en serveradress (languagetool_url eller "
        "--languagetool-url)")


def test_an_unknown_mode_says_so() -> None:
    assert LanguageToolService("moln").status().startswith(
        "unavailable: okänt LanguageTool-läge 'moln'")


def _cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    from proofer.cli import main

    main(["check", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)


def test_cli_with_a_server_url_reports_languagetool_findings(fake, tmp_path, capsys) -> None:
    draft = tmp_path / "utkast.txt"
    draft.write_text("Rubrik 🎉\nDet var 😀 ett mörk kväll.\n", encoding="utf-8")
    text = draft.read_text(encoding="utf-8")
    (result,) = _cli_json(capsys, "--languagetool-url", fake.url, str(draft))["files"]
    assert result["engines"]["languagetool"] == "ok"
    lt = [f for f in result["findings"] if f["rule"].startswith("languagetool.")]
    assert [(f["text"], text[f["start"]:f["end"]]) for f in lt] == [
        ("ett mörk kväll", "ett mörk kväll")]


def test_a_batch_on_two_workers_gets_languagetool_findings_per_file(fake, tmp_path,
                                                                   capsys) -> None:
    """The built-in checks run in workers, LanguageTool in the parent: each file
    still gets its own LanguageTool findings, at its own offsets, in input order."""
    drafts = []
    for i in range(4):
        draft = tmp_path / f"utkast{i}.txt"
        draft.write_text("Rubrik\n" + "Inledning. " * i + "Det var ett mörk kväll.\n",
                         encoding="utf-8")
        drafts.append(draft)
    files = _cli_json(capsys, "--jobs", "2", "--languagetool-url", fake.url,
                      *map(str, reversed(drafts)))["files"]
    assert [f["path"] for f in files] == [str(d) for d in reversed(drafts)]
    for result in files:
        text = Path(result["path"]).read_text(encoding="utf-8")
        lt = [f for f in result["findings"] if f["rule"].startswith("languagetool.")]
        assert [text[f["start"]:f["end"]] for f in lt] == ["ett mörk kväll"]
        assert result["engines"]["languagetool"] == "ok"


def test_cli_without_languagetool_sends_nothing(fake, tmp_path, capsys) -> None:
    draft = tmp_path / "utkast.txt"
    draft.write_text("Det var ett mörk kväll.\n", encoding="utf-8")
    (result,) = _cli_json(capsys, "--no-languagetool", "--languagetool-url", fake.url,
                          str(draft))["files"]
    assert result["engines"]["languagetool"] == "off"
    assert fake.requests == []


def test_the_registry_reports_languagetool_off() -> None:
    from proofer.checkers.registry import build_engine
    from proofer.settings import Settings

    engine = build_engine(Settings(languagetool_mode="off"))
    try:
        assert engine.check("Det var ett mörk kväll.").engines["languagetool"] == "off"
    finally:
        engine.close()
