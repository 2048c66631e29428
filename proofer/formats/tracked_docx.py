"""The draft back to the reporter as a Word file with the copy desk's changes as
tracked changes (Word's revision marks: w:ins / w:del with author and date).

The reporter opens it in Word (or LibreOffice) and sees exactly what was changed,
and can accept or reject each change there. Everything is a comparison of the text
as it was opened with the text now, word by word, so a correction typed by hand is
marked as well as an accepted suggestion.

A .docx draft keeps its own package: styles, images, headers and every unchanged
run stay as they were; a changed run is split so that only the changed words are
marked, each piece with the run's own formatting. Other drafts (.txt, .md, .html)
become a plain Word document with one paragraph per line.

Qt-free, so the CLI or a batch job can use it too.
"""

from __future__ import annotations

import io
import re
from copy import deepcopy
from datetime import datetime
from difflib import SequenceMatcher
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from proofer.document import Document
from proofer.formats.edits import LINE_SEP
from proofer.formats.linemap import plan_lines
from proofer.formats.worddoc import _open, _paragraph_text, _paragraphs, _replace_part, _runs

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
_TEXT_TAGS = {qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen", "w:ptab")}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Revisions:
    """Makes w:ins / w:del elements with one author and date and unique ids."""

    def __init__(self, author: str, when: datetime, first_id: int = 9000) -> None:
        self.author = author
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = first_id
        self.count = 0  # revision marks made (paragraph marks not counted)

    def mark(self, tag: str, content: list[etree._Element] | None = None,
             counted: bool = True) -> etree._Element:
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        if counted:
            self.count += 1
        for c in content or []:
            el.append(c)
        return el


def tracked_docx(doc: Document, text: str, author: str,
                 when: datetime | None = None) -> tuple[bytes, int]:
    """The .docx bytes with `doc`'s text changed to `text` as tracked changes, and
    the number of revision marks in it (0: nothing was changed)."""
    revs = Revisions(author, when or datetime.now().astimezone())
    raw = _source_package(doc)
    word = _open(doc.path or Path("utkast.docx"), raw)
    paragraphs = _paragraphs(word.element.body)
    old = [_paragraph_text(p) for p in paragraphs]
    plan = plan_lines(old, text.split("\n"))
    for p, before, after in zip(paragraphs, old, plan.texts, strict=True):
        if after is None:
            _delete_paragraph(p, revs)
        elif after != before:
            _track_paragraph(p, after, revs)
    for index, lines in sorted(plan.inserted.items(), reverse=True):
        anchor = paragraphs[index] if index >= 0 else None
        for line in reversed(lines) if anchor is not None else lines:
            new = _inserted_paragraph(anchor if anchor is not None else paragraphs[0],
                                      line, revs)
            if anchor is not None:
                anchor.addnext(new)
            else:
                paragraphs[0].addprevious(new)
    part = word.part
    return _replace_part(raw, part.partname.lstrip("/"), part.blob), revs.count


def _source_package(doc: Document) -> bytes:
    """The original .docx, or a new one holding the draft's text as it was opened."""
    state = doc.source_data if isinstance(doc.source_data, dict) else {}
    if doc.format == "docx" and state.get("raw"):
        return state["raw"]
    word = docx.Document()
    # The draft's empty lines are its paragraph breaks: no extra space after each.
    word.styles["Normal"].paragraph_format.space_after = 0
    body = word.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    for line in doc.text.split("\n"):
        word.add_paragraph(line.replace(LINE_SEP, "\n"))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _char_ops(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """Word-level differences as character ranges: a changed letter marks its whole
    word, which is how a person reads a correction."""
    a = _TOKEN.findall(old)
    b = _TOKEN.findall(new)
    pa = [0]
    for t in a:
        pa.append(pa[-1] + len(t))
    pb = [0]
    for t in b:
        pb.append(pb[-1] + len(t))
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            # As many words as before: each word replaced by its own, so that
            # "Johanssomn␣␣" → "Johansson␣" is two changes, not one block.
            for k in range(i2 - i1):
                same = a[i1 + k] == b[j1 + k]
                out.append(("equal" if same else "replace", pa[i1 + k], pa[i1 + k + 1],
                            pb[j1 + k], pb[j1 + k + 1]))
        else:
            out.append((tag, pa[i1], pa[i2], pb[j1], pb[j2]))
    return _phrases(out, old, new)


REWRITE = 3  # changed words in a row, only spaces between: one rewritten phrase


def _phrases(ops: list[tuple[str, int, int, int, int]], old: str, new: str
             ) -> list[tuple[str, int, int, int, int]]:
    """A rewritten phrase reads better as one deletion and one insertion than as
    "~~Stryk~~En ~~den~~ny ~~här~~rad"; one or two corrected words stay apart."""
    out: list[tuple[str, int, int, int, int]] = []
    k = 0
    while k < len(ops):
        m = k
        changed = 0
        while m < len(ops):
            tag, i1, i2, j1, j2 = ops[m]
            if tag != "equal":
                changed += bool((old[i1:i2] + new[j1:j2]).strip())
            elif not (old[i1:i2].isspace() and m + 1 < len(ops) and ops[m + 1][0] != "equal"
                      and changed):
                break
            m += 1
        if changed >= REWRITE:
            out.append(("replace", ops[k][1], ops[m - 1][2], ops[k][3], ops[m - 1][4]))
            k = m
        else:
            out.append(ops[k])
            k += 1
    return out


def _piece(run: etree._Element, text: str, deleted: bool = False) -> etree._Element:
    """A copy of `run`'s formatting holding `text` (as w:delText when deleted)."""
    r = OxmlElement("w:r")
    rpr = run.find(qn("w:rPr"))
    if rpr is not None:
        r.append(deepcopy(rpr))
    scratch = OxmlElement("w:r")
    scratch.text = text.replace(LINE_SEP, "\n")
    for child in list(scratch):
        if deleted and child.tag == qn("w:t"):
            child.tag = qn("w:delText")
        if child.tag in (qn("w:t"), qn("w:delText")):
            child.set(_XML_SPACE, "preserve")
        r.append(child)
    return r


def _track_paragraph(p: etree._Element, new: str, revs: Revisions) -> None:
    runs = _runs(p)
    texts = [r.text.replace("\n", LINE_SEP) for r in runs]
    spans = []
    pos = 0
    for t in texts:
        spans.append((pos, pos + len(t)))
        pos += len(t)
    old = "".join(texts)
    text_runs = [n for n, t in enumerate(texts) if t]
    out: dict[int, list[etree._Element]] = {n: [] for n in range(len(runs))}

    def overlapping(a: int, b: int) -> list[tuple[int, int, int]]:
        return [(n, max(a, s), min(b, e)) for n, (s, e) in enumerate(spans)
                if max(a, s) < min(b, e)]

    def holder(i: int) -> int | None:
        """The run whose formatting an insertion at old offset i continues."""
        before = [n for n in text_runs if spans[n][0] < i]
        return before[-1] if before else (text_runs[0] if text_runs else None)

    extra: list[etree._Element] = []  # insertions into a paragraph with no text runs
    for tag, i1, i2, j1, j2 in _char_ops(old, new):
        if tag == "equal":
            for n, a, b in overlapping(i1, i2):
                out[n].append(_piece(runs[n], old[a:b]))
            continue
        last = None
        if tag in ("delete", "replace"):
            dels = overlapping(i1, i2)
            for n, a, b in dels:
                out[n].append(revs.mark("w:del", [_piece(runs[n], old[a:b], deleted=True)],
                                        counted=n == dels[0][0]))
            last = dels[-1][0] if dels else None
        if tag in ("insert", "replace"):
            style_from = holder(i1 + 1) if tag == "replace" else holder(i1)
            place = last if last is not None else style_from
            if style_from is None:
                r = OxmlElement("w:r")
                extra.append(revs.mark("w:ins", [_piece(r, new[j1:j2])]))
            else:
                out[place].append(revs.mark("w:ins", [_piece(runs[style_from], new[j1:j2])],
                                            counted=tag == "insert"))
    for n, run in enumerate(runs):
        if not texts[n]:
            continue
        parent = run.getparent()
        at = parent.index(run)
        keep = [c for c in run if c.tag not in _TEXT_TAGS and c.tag != qn("w:rPr")]
        if keep:  # a drawing or field in the same run stays, in a run of its own
            for c in list(run):
                if c.tag in _TEXT_TAGS:
                    run.remove(c)
            at += 1
        else:
            parent.remove(run)
        for k, el in enumerate(out[n]):
            parent.insert(at + k, el)
    for el in extra:
        p.append(el)


def _mark_paragraph(p: etree._Element, tag: str, revs: Revisions) -> None:
    """Mark the paragraph mark itself inserted or deleted (w:pPr/w:rPr/w:ins|w:del),
    so accepting in Word adds or joins the paragraph too."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        sect = ppr.find(qn("w:sectPr"))
        if sect is not None:
            sect.addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.append(revs.mark(tag, counted=False))


def _delete_paragraph(p: etree._Element, revs: Revisions) -> None:
    runs = [r for r in _runs(p) if r.text]
    for n, run in enumerate(runs):
        parent = run.getparent()
        at = parent.index(run)
        parent.remove(run)
        parent.insert(at, revs.mark("w:del", [_piece(run, run.text.replace("\n", LINE_SEP),
                                                     deleted=True)], counted=n == 0))
    if not runs:
        revs.count += 1
    _mark_paragraph(p, "w:del", revs)


def _inserted_paragraph(template: etree._Element, text: str, revs: Revisions) -> etree._Element:
    p = OxmlElement("w:p")
    ppr = template.find(qn("w:pPr"))
    if ppr is not None:
        ppr = deepcopy(ppr)
        for child in ppr.findall(qn("w:sectPr")) + ppr.findall(qn("w:rPr")):
            ppr.remove(child)
        p.append(ppr)
    style = next((r for r in _runs(template) if r.find(qn("w:rPr")) is not None),
                 OxmlElement("w:r"))
    if text:
        p.append(revs.mark("w:ins", [_piece(style, text)]))
    else:
        revs.count += 1
    _mark_paragraph(p, "w:ins", revs)
    return p
