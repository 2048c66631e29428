"""Any text saved as a UTF-8 .txt draft loads back unchanged, and every finding the
checkers report on it points at exactly the text it quotes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofer.checkers.base import DocumentChecker, ParagraphChecker
from proofer.checkers.registry import build_engine
from proofer.engine import Engine
from proofer.formats import load_document, save_document
from proofer.settings import Settings

# Swedish-looking text with the characters that break offset arithmetic: non-BMP
# (emoji), combining marks, CR/LF, NBSP, U+2028, mojibake and replacement chars.
_SWEDISH = st.sampled_from(
    ["Räksmörgås", " ", "\n", "\r\n", "å", "Ä", "ö", "–", "”", ".", "\xa0", "\u2028",
     "😀", "e\u0301", "Ã¥", "â€“", "\ufffd", "Stockholm", "ska ger", "vålds brott",
     "  ", "\t", "(S)", "bl.a.", "https://x.se"])
TEXTS = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            min_size=1),
    st.lists(_SWEDISH, min_size=1, max_size=40).map("".join),
).filter(lambda t: t.strip() != "")


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """One engine for all examples (loading the speller per example is slow), built
    with a private config dir because module fixtures run before conftest's."""
    with tempfile.TemporaryDirectory() as config:
        old = os.environ.get("PROOFER_CONFIG_DIR")
        os.environ["PROOFER_CONFIG_DIR"] = config
        try:
            settings_ = Settings()
            settings_.languagetool_mode = "off"
            yield build_engine(settings_)
        finally:
            if old is None:
                os.environ.pop("PROOFER_CONFIG_DIR", None)
            else:
                os.environ["PROOFER_CONFIG_DIR"] = old


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_utf8_txt_round_trips_and_findings_match_their_text(text: str, engine: Engine,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "utkast.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = load_document(path)
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n")
    assert doc.text == expected
    save_document(doc, doc.text)
    assert load_document(path).text == expected
    assert path.read_bytes() == text.encode("utf-8")  # same bytes, newlines included
    if "\r" not in doc.text:  # a lone CR before CRLF ("\r\r\n") is not kept apart
        edited = "Rubrik\n" + doc.text + " tillägg"
        save_document(doc, edited)
        assert load_document(path).text == edited

    report = engine.check(doc.text)
    for f in report.findings:
        assert doc.text[f.start:f.end] == f.text
    # The engine drops bad spans silently; the checkers themselves must not make them.
    for checker in engine.checkers:
        if isinstance(checker, ParagraphChecker):
            for para in doc.paragraphs:
                for f in checker.check_paragraph(para.text):
                    assert para.text[f.start:f.end] == f.text, (checker.name, f)
        elif isinstance(checker, DocumentChecker):
            for f in checker.check_document(doc.text, doc.paragraphs):
                assert doc.text[f.start:f.end] == f.text, (checker.name, f)
