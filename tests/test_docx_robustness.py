"""Issue 13, items 5 and 10 (.docx): a zip bomb ran for minutes and gigabytes, and
text after an XML entity reference inside a w:t was silently dropped."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from proofer.formats import LoadError, load_document, save_document, worddoc


def _package(extra: dict[str, bytes] | None = None, body: str = "Hej.",
             doctype: str = "") -> bytes:
    """A real .docx whose only paragraph holds `body` as raw XML inside a w:t."""
    d = docx.Document()
    d.add_paragraph("XXBODYXX")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                head, rest = data.decode("utf-8").replace("XXBODYXX", body).split("?>", 1)
                data = (head + "?>\n" + doctype + rest.lstrip()).encode("utf-8")
            dst.writestr(info, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def test_a_package_that_unpacks_too_big_is_refused_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worddoc, "MAX_UNPACKED", 1024 * 1024)  # the real one is 200 MB
    path = tmp_path / "bomb.docx"
    path.write_bytes(_package({"word/media/nollor.bin": b"\0" * (2 * 1024 * 1024)}))
    assert path.stat().st_size < 50_000
    parsed: list[bytes] = []
    monkeypatch.setattr(docx, "Document", lambda *a: parsed.append(a) or None)
    with pytest.raises(LoadError, match="packas upp till 2 MB") as exc:
        load_document(path)
    assert "bomb.docx" in str(exc.value)
    assert parsed == []  # refused before python-docx unpacked anything


def test_an_xml_part_too_big_to_parse_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worddoc, "MAX_XML_PART", 1024 * 1024)
    path = tmp_path / "lang.docx"
    para = "Hon kmmer hem. " * 100_000  # 1.5 MB of text in one w:t
    path.write_bytes(_package(body=para))
    with pytest.raises(LoadError, match="word/document.xml"):
        load_document(path)


def test_an_ordinary_docx_with_an_image_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "bild.docx"
    path.write_bytes(_package({"word/media/bild.bin": b"\x89PNG" + bytes(300_000)}))
    assert load_document(path).text == "Hej."


ENTITY = '<!DOCTYPE w:document [<!ENTITY red "Redaktionen">]>'


def test_text_after_an_entity_reference_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "entitet.docx"
    path.write_bytes(_package(body="A &amp; B &red; C &#233; D <!-- x --> E efter.",
                              doctype=ENTITY))
    doc = load_document(path)
    # The entity is never resolved (no external or internal entity expansion).
    assert doc.text == "A & B  C é D  E efter."
    save_document(doc, doc.text.replace("efter", "sedan"))
    assert load_document(path).text == "A & B  C é D  E sedan."
