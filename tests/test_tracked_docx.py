"""Tracked-changes export: Word's w:ins / w:del marks, read back from the package."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from lxml import etree

from proofer.document import Document
from proofer.formats import load_document
from proofer.formats.tracked_docx import tracked_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2026, 12, 2, 18, 30, tzinfo=UTC)


def _body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _marked(root: etree._Element, tag: str) -> list[str]:
    """The text of every w:ins (w:t) or w:del (w:delText) mark, in order."""
    text = "t" if tag == "ins" else "delText"
    return ["".join(t.text or "" for t in el.iter(W + text)) for el in root.iter(W + tag)
            if el.getparent().tag != W + "rPr"]


def _accepted(root: etree._Element) -> list[str]:
    """Each paragraph's text as Word shows it once every change is accepted."""
    out = []
    for p in root.iter(W + "p"):
        mark = p.find(f"{W}pPr/{W}rPr/{W}del")
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        if mark is None:
            out.append(text)
        elif out:
            out[-1] += text
    return out


def _word_draft(tmp_path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Utrikeshandelsministern nöjd", level=1)
    p = d.add_paragraph("Frderik ")
    bold = p.add_run("Johanssomn")
    bold.bold = True
    p.add_run(" berättar om verksamheten.")
    d.add_paragraph("Det här stycket ändras inte.")
    d.add_paragraph("Stryk den här raden.")
    path = tmp_path / "utkast.docx"
    d.save(str(path))
    return path


def test_docx_source_gets_revision_marks_in_its_own_runs(tmp_path: Path) -> None:
    doc = load_document(_word_draft(tmp_path))
    new = doc.text.replace("Frderik", "Fredrik").replace("Johanssomn", "Johansson")
    new = new.replace("\nStryk den här raden.", "\nEn ny rad.")
    data, count = tracked_docx(doc, new, "Proofer", WHEN)
    root = _body(data)
    assert _marked(root, "del")[:2] == ["Frderik", "Johanssomn"]
    assert _marked(root, "ins")[:2] == ["Fredrik", "Johansson"]
    assert count >= 3
    dels = list(root.iter(W + "del"))
    assert {d.get(W + "author") for d in dels} == {"Proofer"}
    assert dels[0].get(W + "date") == "2026-12-02T18:30:00Z"
    # The bold word's replacement is bold too, the others are not.
    ins = [i for i in root.iter(W + "ins") if i.getparent().tag != W + "rPr"]
    assert ins[1].find(f"{W}r/{W}rPr/{W}b") is not None
    assert ins[0].find(f"{W}r/{W}rPr/{W}b") is None
    # The heading keeps its style; an unchanged paragraph has no marks.
    reopened = docx.Document(io.BytesIO(data))
    assert reopened.paragraphs[0].style.name == "Heading 1"
    assert reopened.paragraphs[2].text == "Det här stycket ändras inte."
    # With every change accepted the text is what the copy desk made of it.
    assert "\n".join(_accepted(root)) == new


def test_unchanged_text_has_no_marks(tmp_path: Path) -> None:
    doc = load_document(_word_draft(tmp_path))
    data, count = tracked_docx(doc, doc.text, "Proofer", WHEN)
    assert count == 0
    assert _marked(_body(data), "ins") == [] and _marked(_body(data), "del") == []


def test_plain_text_source_becomes_a_word_file_with_marks() -> None:
    text = "Rubrik\n\nFrderik Johanssomn  berättar.\nSista raden."
    doc = Document(text, path=Path("artikel.txt"), format="txt")
    new = "Rubrik\n\nFredrik Johansson berättar.\nNy rad.\nSista raden."
    data, count = tracked_docx(doc, new, "Anna Redaktör (Proofer)", WHEN)
    root = _body(data)
    assert _marked(root, "del") == ["Frderik", "Johanssomn", "  "]
    assert _marked(root, "ins") == ["Fredrik", "Johansson", " ", "Ny rad."]
    assert count == 4
    # The new line's paragraph mark is an insertion, so rejecting it removes the line.
    assert len([p for p in root.iter(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]) == 1
    assert {e.get(W + "author") for e in root.iter(W + "ins")} == {"Anna Redaktör (Proofer)"}
    assert "\n".join(_accepted(root)) == new
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs][0] == "Rubrik"


def test_a_rewritten_phrase_is_one_change_corrected_words_stay_apart() -> None:
    doc = Document("Stryk den här raden.\nFrderik Johanssomn berättar.", format="txt")
    new = "En ny rad från desken.\nFredrik Johansson berättar."
    data, count = tracked_docx(doc, new, "Proofer", WHEN)
    root = _body(data)
    assert _marked(root, "del") == ["Stryk den här raden", "Frderik", "Johanssomn"]
    assert _marked(root, "ins") == ["En ny rad från desken", "Fredrik", "Johansson"]
    assert count == 3
