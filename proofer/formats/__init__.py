"""Reading drafts into a Document and writing corrected text back.

`load_document` picks the reader by file extension; every failure is a LoadError
with a one-line Swedish reason that names the file.
"""

from __future__ import annotations

from pathlib import Path

from proofer.document import Document
from proofer.formats.errors import LoadError
from proofer.formats.plain import load_plain, save_plain

MAX_BYTES = 20 * 1024 * 1024  # a news draft is kilobytes; 20 MB is surely not a draft

__all__ = ["LoadError", "load_document", "save_document", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".md")


def _check_file(path: Path) -> None:
    if not path.exists():
        raise LoadError(path, "filen finns inte")
    if path.is_dir():
        raise LoadError(path, "är en katalog, inte en fil")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(path, f"kan inte läsas ({exc.strerror})") from exc
    if size > MAX_BYTES:
        raise LoadError(path, f"för stor ({size // (1024 * 1024)} MB, högst "
                              f"{MAX_BYTES // (1024 * 1024)} MB)")


def load_document(path: Path | str) -> Document:
    path = Path(path)
    _check_file(path)
    return load_plain(path)


def save_document(doc: Document, text: str, path: Path | None = None) -> Path:
    """Write `text` back in the document's own format; the old file is kept as .bak."""
    target = Path(path or doc.path or "")
    save_plain(doc, text, target)
    return target
