"""Reading drafts into a Document and writing corrected text back.

`load_document` picks the reader by file extension (unknown extensions are read as
plain text if they decode); every failure is a LoadError with a one-line Swedish
reason that names the file. `save_document` writes the same format back, never
without a backup (.bak) and never over a file that changed on disk since it was
read (safe_write.ChangedOnDisk).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from proofer.document import Document
from proofer.formats.errors import LoadError
from proofer.formats.plain import load_plain, render_plain
from proofer.os_errors import reason
from proofer.safe_write import atomic_write_bytes

MAX_BYTES = 20 * 1024 * 1024  # a news draft is kilobytes; 20 MB is surely not a draft

__all__ = ["LoadError", "load_document", "save_document", "SUPPORTED_SUFFIXES", "MAX_BYTES"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# What the GUI's open dialog offers; other extensions still load if they are text.
SUPPORTED_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, ".docx")
PLAIN_SUFFIXES = (".txt", "", *MARKDOWN_SUFFIXES)
# Formats people will try that we cannot read, with what to do instead.
_UNSUPPORTED = {
    ".doc": "det gamla Word-formatet stöds inte, spara som .docx",
    ".odt": "OpenDocument stöds inte, spara som .docx",
    ".rtf": "RTF stöds inte, spara som .docx eller .txt",
    ".pdf": "PDF stöds inte, exportera texten som .txt eller .docx",
    ".pages": "Pages stöds inte, exportera som .docx",
}


def load_document(path: Path | str) -> Document:
    path = Path(path)
    data = _read(path)
    suffix = path.suffix.lower()
    blank = not data.strip(b" \t\r\n\f\v") or data in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
    # An empty plain-text draft is a draft with nothing to report (the contract: no
    # findings, exit 0), and the app opens it to be written in. An empty file that
    # claims to be Word, HTML or an unknown type is refused: it cannot be what it says.
    if blank and suffix not in PLAIN_SUFFIXES:
        raise LoadError(path, "filen är tom")
    if suffix in _UNSUPPORTED:
        raise LoadError(path, _UNSUPPORTED[suffix])
    try:
        doc = _parse(path, data, _format(suffix))
    except LoadError:
        raise
    except Exception as exc:  # a parser's own failure on odd input: still one clear line
        raise LoadError(path, f"kan inte tolkas ({type(exc).__name__}: "
                              f"{str(exc).splitlines()[0] if str(exc) else '-'})") from exc
    if not doc.text.strip() and not blank:
        raise LoadError(path, "filen innehåller ingen text")
    doc.source_data = {**_state(doc), "raw": data,
                       "fingerprint": hashlib.sha256(data).hexdigest()}
    return doc


def save_document(doc: Document, text: str, path: Path | str | None = None,
                  overwrite: bool = False) -> Path:
    """Write `text` in the document's own format to `path` (default: where it came
    from); the previous file is kept as .bak.

    The number of lines may differ from the document's paragraphs: for HTML and
    Word a line diff maps lines to paragraphs (see formats.linemap). Afterwards
    `doc` describes the saved file (its text as it now reads, its new fingerprint),
    so saving again works. Raises ChangedOnDisk when the original file changed since
    it was loaded (unless `overwrite`: the person chose to replace it), OSError when it
    cannot be written.
    """
    if path is None and doc.path is None:
        raise ValueError("dokumentet har ingen fil att spara till")
    target = Path(path) if path is not None else Path(doc.path or "")
    state = _state(doc)
    raw = state.get("raw", b"")
    if doc.format == "html":
        from proofer.formats.htmldoc import render_html

        data = render_html(doc, text, raw)
    elif doc.format == "docx":
        from proofer.formats.worddoc import render_docx

        data = render_docx(doc, text, raw)
    elif text == doc.text and raw:
        data = raw  # nothing changed: the file as it was, mixed line endings and all
    else:
        data, _ = render_plain(doc, text)
    same_file = doc.path is not None and _same(target, Path(doc.path))
    expected = state.get("fingerprint", False) if same_file and not overwrite else False
    atomic_write_bytes(target, data, backup=True, expected=expected)
    saved = _parse(target, data, doc.format)
    doc.text, doc.encoding, doc.path = saved.text, saved.encoding, target
    doc.source_data = {**_state(saved), "raw": data,
                       "fingerprint": hashlib.sha256(data).hexdigest()}
    return target


def _read(path: Path) -> bytes:
    if not path.exists():
        raise LoadError(path, "filen finns inte")
    if path.is_dir():
        raise LoadError(path, "är en katalog, inte en fil")
    if not path.is_file():
        raise LoadError(path, "är ingen vanlig fil")  # a device or a pipe: never a draft
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(path, f"för stor för att vara ett utkast ({size // (1024 * 1024)} "
                                  f"MB, högst {MAX_BYTES // (1024 * 1024)} MB)")
        with path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except PermissionError as exc:
        raise LoadError(path, "saknar läsbehörighet") from exc
    except OSError as exc:
        raise LoadError(path, f"kan inte läsas ({reason(exc)})") from exc


def _format(suffix: str) -> str:
    if suffix == ".docx":
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "md" if suffix in MARKDOWN_SUFFIXES else "txt"


def _parse(path: Path, data: bytes, fmt: str) -> Document:
    if fmt == "docx":
        from proofer.formats.worddoc import load_docx

        return load_docx(path, data)
    if fmt == "html":
        from proofer.formats.htmldoc import load_html

        return load_html(path, data)
    try:
        return load_plain(path, data, fmt)
    except LoadError as exc:
        suffix = path.suffix.lower()
        if suffix and suffix not in SUPPORTED_SUFFIXES:
            raise LoadError(path, f"{exc.reason} (filtypen {suffix} stöds inte)") from exc
        raise


def _state(doc: Document) -> dict:
    return dict(doc.source_data) if isinstance(doc.source_data, dict) else {}


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b
