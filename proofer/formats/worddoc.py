"""Word (.docx) drafts: every body paragraph is one line, table cells included.

Lines are the paragraphs of the main document part in document order (body text,
then table cells where they stand), empty paragraphs included so that line i is
always paragraph i. Text boxes, headers, footers, comments and tracked insertions
are not part of the text. A line break inside a paragraph (Shift+Enter) is
LINE_SEP; a tab stays "\\t".

Saving changes only the main document part; every other part of the package
(styles, numbering, images, headers) is copied byte for byte, and paragraphs whose
text did not change are not touched. In a changed paragraph the edit goes into the
one run that holds it, keeping its formatting; an edit across runs puts the new
text in the first text run and empties the others. Added lines become paragraphs
with their neighbour's paragraph and character style; removed lines remove their
paragraph (a table cell's last paragraph and a section's last paragraph are
emptied instead, since Word needs them).
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from proofer.document import Document
from proofer.formats.edits import LINE_SEP, changed_span, locate
from proofer.formats.errors import LoadError
from proofer.formats.linemap import plan_lines

_RUN_TEXT = "w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab"


def load_docx(path: Path, data: bytes) -> Document:
    word = _open(path, data)
    lines = [_paragraph_text(p) for p in _paragraphs(word.element.body)]
    return Document("\n".join(lines), path=path, format="docx")


def render_docx(doc: Document, text: str, raw: bytes) -> bytes:
    """The package with `text` put back; unchanged text gives the original bytes."""
    if text == doc.text:
        return raw
    path = doc.path or Path("utkast.docx")
    word = _open(path, raw)
    paragraphs = _paragraphs(word.element.body)
    plan = plan_lines([_paragraph_text(p) for p in paragraphs], text.split("\n"))
    for index, lines in plan.inserted.items():
        previous = paragraphs[index] if index >= 0 else None
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if previous is None or (following is not None and not _good_template(previous)):
            for line in lines:
                following.addprevious(_new_paragraph(following, line))
        else:
            for line in reversed(lines):
                previous.addnext(_new_paragraph(previous, line))
    for p, new in zip(paragraphs, plan.texts, strict=True):
        if new is None:
            _remove_paragraph(p)
        elif new != _paragraph_text(p):
            _set_paragraph_text(p, new)
    part = word.part
    return _replace_part(raw, part.partname.lstrip("/"), part.blob)


_WHY = (
    (zipfile.BadZipFile, "filen är skadad eller inget zip-arkiv"),
    (KeyError, "arkivet saknar Word-dokumentets delar"),
    (ValueError, "arkivet innehåller inget Word-dokument"),
    (etree.XMLSyntaxError, "dokumentets XML är trasig"),
)


# A .docx is a zip archive: a few hundred kilobytes can unpack to gigabytes (a
# zip bomb: 340 KB ran 12 minutes and 2.4 GB). The sizes the archive declares bound
# what zipfile will ever unpack (it stops at the declared size and checks the CRC),
# so they are checked before python-docx reads a part. A news draft's XML is well
# under a megabyte; images may take more, but not this much.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_XML_PART = 25 * 1024 * 1024  # parsed into a tree, so held to less


def _check_unpacked_size(path: Path, data: bytes) -> None:
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # python-docx says what is wrong with the archive
    total = sum(i.file_size for i in infos)
    biggest = max(infos, key=lambda i: i.file_size if i.filename.endswith((".xml", ".rels"))
                  else -1, default=None)
    mb = 1024 * 1024
    if total > MAX_UNPACKED:
        raise LoadError(path, f"packas upp till {total // mb} MB, mer än de "
                              f"{MAX_UNPACKED // mb} MB en Word-fil med ett utkast kan "
                              "behöva (en zip-bomb?); filen läses inte")
    if biggest is not None and biggest.file_size > MAX_XML_PART:
        raise LoadError(path, f"delen {biggest.filename} packas upp till "
                              f"{biggest.file_size // mb} MB text, mer än de "
                              f"{MAX_XML_PART // mb} MB ett utkast kan behöva; filen läses inte")


def _open(path: Path, data: bytes) -> docx.document.Document:
    _check_unpacked_size(path, data)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx has no one error type for a broken package
        reason = next((why for kind, why in _WHY if isinstance(exc, kind)),
                      "filen kan inte läsas som Word-dokument")
        raise LoadError(path, f"är ingen giltig Word-fil (.docx): {reason}") from exc


def _paragraphs(body: etree._Element) -> list:
    return body.xpath(".//w:p[not(ancestor::w:txbxContent)]")


def _runs(p: etree._Element) -> list:
    return p.xpath("./w:r | ./w:hyperlink/w:r")


def _paragraph_text(p: etree._Element) -> str:
    return "".join(_run_text(r) for r in _runs(p)).replace("\n", LINE_SEP)


def _run_text(r: etree._Element) -> str:
    """python-docx's Run.text, but with all of a w:t's text: python-docx takes only
    the text before the first child node, and an entity reference (never resolved:
    no external entities), a comment or a processing instruction inside a w:t is a
    child, so the text after it was lost (issue 13). The entity itself adds nothing:
    its value is unknown."""
    t_tag = qn("w:t")
    out = []
    for e in r.xpath(_RUN_TEXT):
        if e.tag == t_tag:
            out.append((e.text or "") + "".join(child.tail or "" for child in e))
        else:
            out.append(str(e))
    return "".join(out)


def _set_paragraph_text(p: etree._Element, new: str) -> None:
    runs = _runs(p)
    pieces = [_run_text(r).replace("\n", LINE_SEP) for r in runs]
    old = "".join(pieces)
    start, old_end, new_end = changed_span(old, new)
    i = locate(pieces, start, old_end)
    if i is not None:
        offset = sum(len(piece) for piece in pieces[:i])
        _set_run_text(runs[i], pieces[i][: start - offset] + new[start:new_end]
                      + pieces[i][old_end - offset:])
        return
    text_runs = [r for r, piece in zip(runs, pieces, strict=True) if piece]
    first = text_runs[0] if text_runs else (runs[0] if runs else p.add_r())
    _set_run_text(first, new)
    for r in text_runs:
        if r is not first:
            _set_run_text(r, "")


def _set_run_text(r: etree._Element, text: str) -> None:
    """Replace a run's text but not its other content (drawings, fields, page breaks)."""
    content = [e for e in r.xpath(_RUN_TEXT) if e.tag == qn("w:t") or str(e)]
    position = r.index(content[0]) if content else len(r)
    for e in content:
        r.remove(e)
    scratch = OxmlElement("w:r")
    scratch.text = text.replace(LINE_SEP, "\n")
    for child in list(scratch):
        r.insert(position, child)
        position += 1


def _good_template(p: etree._Element) -> bool:
    """A new line is like the paragraph before it, except after a heading (it is
    body text then) or at the end of a table cell (it follows the table)."""
    if p.getparent().tag == qn("w:tc"):
        return False
    style = p.xpath("string(./w:pPr/w:pStyle/@w:val)").lower()
    return not style.startswith(("heading", "rubrik", "title"))


def _new_paragraph(template: etree._Element, text: str) -> etree._Element:
    p = OxmlElement("w:p")
    ppr = template.find(qn("w:pPr"))
    if ppr is not None:
        ppr = deepcopy(ppr)
        for sect in ppr.findall(qn("w:sectPr")):
            ppr.remove(sect)
        p.append(ppr)
    r = OxmlElement("w:r")
    first = next((run for run in _runs(template) if run.find(qn("w:rPr")) is not None), None)
    if first is not None:
        r.append(deepcopy(first.find(qn("w:rPr"))))
    _set_run_text(r, text)
    p.append(r)
    return p


def _remove_paragraph(p: etree._Element) -> None:
    parent = p.getparent()
    ppr = p.find(qn("w:pPr"))
    needed = (ppr is not None and ppr.find(qn("w:sectPr")) is not None) or (
        parent.tag == qn("w:tc") and len(parent.findall(qn("w:p"))) == 1)
    if needed:
        _set_paragraph_text(p, "")
    else:
        parent.remove(p)


def _replace_part(raw: bytes, name: str, blob: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = blob if info.filename == name else zin.read(info)
            zout.writestr(info, data, compress_type=info.compress_type)
    return out.getvalue()
