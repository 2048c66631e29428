"""Issue 13, item 10 (LanguageTool): other spellings of the public host got past
the guard, a reply's size was unbounded (300 MB reply: 735 MB held), and one
malformed match dropped every match with a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from proofer.checkers.languagetool import LanguageToolChecker
from proofer.document import split_paragraphs
from proofer.languagetool import client as lt_client
from proofer.languagetool.service import LanguageToolService, is_public
from tests.test_languagetool_server import fake_server

TEXT = "Det var ett mörk kväll."


@pytest.mark.parametrize("url", [
    "https://api.languagetool.org./v2",  # a trailing dot: the same host for DNS
    "https://api.languagetool.org../v2/check",
    "https://API.LanguageTool.ORG/v2",
    "https://ａｐｉ.ｌａｎｇｕａｇｅｔｏｏｌ.ｏｒｇ/v2",  # full-width: IDNA maps it to ASCII
    "api.languagetool.org.:443",
    "https://user@api.languagetool.org./v2",
    "https://languagetoolplus.com./v2",
])
def test_every_spelling_of_the_public_host_is_public(url: str) -> None:
    assert is_public(url)
    service = LanguageToolService("server", url)
    assert service.status().startswith("unavailable: den publika")


@pytest.mark.parametrize("url", ["http://lt.example.se:8081", "localhost:8081",
                                 "http://127.0.0.1:8081/v2", "http://[::1]:8081",
                                 "https://languagetool.org.example.se/v2"])
def test_other_hosts_are_not_public(url: str) -> None:
    assert not is_public(url)


class _Fake(fake_server.FakeLanguageTool):  # type: ignore[name-defined, misc]
    extra_matches: list[Any] = []
    padding = 0

    def check(self, form: dict[str, str]) -> dict[str, Any]:
        reply = super().check(form)
        reply["matches"] = self.extra_matches + reply["matches"]
        if self.padding:
            reply["padding"] = "x" * self.padding
        return reply


@pytest.fixture
def fake() -> Iterator[_Fake]:
    server = _Fake().start()
    yield server
    server.stop()


def _check(url: str) -> tuple[list, LanguageToolChecker]:
    checker = LanguageToolChecker(LanguageToolService("server", url, timeout=5.0), None,
                                  startup_wait=5.0)
    return checker.check_document(TEXT, split_paragraphs(TEXT)), checker


MALFORMED = [
    {"offset": 0, "length": 3, "rule": {"id": "X", "category": "inte ett objekt"}},
    {"offset": 0, "length": 3, "rule": {"id": "X"}, "replacements": 5},
    {"offset": 1e999, "length": 3, "rule": {"id": "X"}},
    {"offset": 0, "length": 3, "rule": "X"},
    {"offset": 0, "length": 3, "rule": {"id": "X"}, "message": {"a": 1},
     "replacements": [{"value": 7}, "fel"]},
    "inte en träff",
    None,
]


def test_a_malformed_match_costs_only_itself(fake: _Fake) -> None:
    fake.extra_matches = MALFORMED
    found, checker = _check(fake.url)
    assert "ett mörk kväll" in [f.text for f in found]
    assert checker.status() == "ok"


def test_an_oversized_reply_is_not_read(fake: _Fake, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lt_client, "MAX_REPLY", 64 * 1024)
    fake.padding = 200 * 1024
    found, checker = _check(fake.url)
    assert found == []
    assert "64 kB" in checker.status() and checker.status().startswith("unavailable: ")
    fake.padding = 0  # the same server, a normal reply: read
    found, _ = _check(fake.url)
    assert "ett mörk kväll" in [f.text for f in found]
