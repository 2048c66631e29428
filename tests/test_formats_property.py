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


# Lines an editor might produce: words with Swedish letters, punctuation, a tab, a
# soft line break, an emoji (outside the BMP) and "&" / "<" that markup must escape.
_LINE = st.lists(st.sampled_from(
    ["Räksmörgås", "och", "Åsa", " ", "–", "”", "&", "<b>", "😀", "\t", "\u2028", ".",
     "fel", "rätt", "12"]), min_size=0, max_size=8).map("".join)


def _normalise_html(line: str) -> str:
    """What the draft says: spaces as typed (a double space stays, to be seen and
    fixed), a run with a tab in it is the source's layout and reads as one space;
    none at the edges or around a line break."""
    import re

    line = re.sub(r"[ \t]+", lambda m: " " if "\t" in m.group() else m.group(), line)
    line = re.sub(r" *\u2028 *", "\u2028", line)
    return line.strip(" ") if line.strip() else ""  # only breaks: an empty paragraph


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=st.lists(_LINE, min_size=1, max_size=6), new=st.lists(_LINE, min_size=1,
                                                                     max_size=8))
def test_docx_any_edit_reloads_as_the_saved_text(old: list[str], new: list[str],
                                                 tmp_path: Path) -> None:
    import docx

    path = tmp_path / "utkast.docx"
    word = docx.Document()
    word.add_paragraph("Rubrik", style="Heading 1")
    for line in old:
        p = word.add_paragraph()
        for k, part in enumerate(line.split("\u2028")):
            run = p.add_run(part)
            if k:
                run.add_break()  # a Word line break before this part
                p._p.remove(run._r)
                p._p.append(run._r)
    word.save(str(path))
    doc = load_document(path)
    text = "\n".join(["Rubrik", *new])
    save_document(doc, text)
    assert load_document(path).text == text
    assert docx.Document(str(path)).paragraphs[0].style.name == "Heading 1"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=st.lists(_LINE.filter(lambda s: _normalise_html(s) != ""), min_size=1,
                    max_size=6),
       new=st.lists(_LINE, min_size=1, max_size=8))
def test_html_any_edit_reloads_as_the_saved_text(old: list[str], new: list[str],
                                                 tmp_path: Path) -> None:
    from html import escape

    path = tmp_path / "utkast.html"
    def markup(line: str) -> str:  # every other word in <em>, to edit across tags
        # A tab stands for the source's layout too: a wrapped line, indented.
        words = (escape(line, quote=False).replace("\u2028", "<br>")
                 .replace("\t", "\t\n    ").split(" "))
        return " ".join(f"<em>{w}</em>" if k % 2 else w for k, w in enumerate(words))

    body = "".join(f"<p>{markup(line)}</p>\n" for line in old)
    path.write_text(f"<html><body><article>\n<h1>Rubrik</h1>\n{body}</article>"
                    "<footer>Sidfot</footer></body></html>", encoding="utf-8")
    doc = load_document(path)
    assert doc.text.split("\n") == ["Rubrik", *map(_normalise_html, old)]
    save_document(doc, "\n".join(["Rubrik", *new]))
    expected = [line for line in map(_normalise_html, ["Rubrik", *new]) if line]
    assert load_document(path).text.split("\n") == expected
    assert "<footer>Sidfot</footer>" in path.read_text(encoding="utf-8")
