"""Plain text and Markdown drafts."""

from __future__ import annotations

from pathlib import Path

from proofer.document import Document
from proofer.formats.errors import LoadError
from proofer.safe_write import atomic_write_bytes


def load_plain(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"kan inte läsas ({exc.strerror})") from exc
    if b"\x00" in data[:8192]:
        raise LoadError(path, "är en binärfil, inte text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(path, f"är inte giltig UTF-8 (byte {exc.start})") from exc
    fmt = "md" if path.suffix.lower() == ".md" else "txt"
    newline = "\r\n" if "\r\n" in text else "\n"
    return Document(text.replace("\r\n", "\n"), path=path, format=fmt,
                    source_data={"newline": newline})


def save_plain(doc: Document, text: str, path: Path) -> None:
    data = doc.source_data if isinstance(doc.source_data, dict) else {}
    newline = data.get("newline", "\n")
    atomic_write_bytes(path, text.replace("\n", newline).encode(doc.encoding or "utf-8"))
