"""Plain text and Markdown drafts (and any unknown extension that decodes as text).

The text is the file decoded, with "\\r\\n" read as "\\n" (CONTRACT.md). Saving writes
the same encoding, byte order mark and newline style back (a classic Mac file's lone
"\\r" too, though the editor shows each as a line of its own). Markdown markup stays
in the text: the checkers see "**fet**" as written, which is what the editor edits.
"""

from __future__ import annotations

from pathlib import Path

from proofer.document import Document
from proofer.formats.decode import GUESSED_NOTE, Decoded, decode_bytes, encode_text

FALLBACK_NOTE = ("sparades som UTF-8: texten innehåller tecken som {encoding} "
                 "inte kan lagra ({chars})")


def load_plain(path: Path, data: bytes, fmt: str) -> Document:
    decoded = decode_bytes(data, path)
    text = decoded.text
    crlf = text.count("\r\n")
    # A mixed file gets the style most of its lines use.
    newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
    if "\r" in text and "\n" not in text:
        # Classic Mac OS line ends (a lone CR). The text keeps them (the contract reads
        # only CRLF as LF), but the editor makes each CR a line break of its own, and
        # its LF must be saved as CR again, not turn the whole file into LF.
        newline = "\r"
    doc = Document(text.replace("\r\n", "\n"), path=path, format=fmt,
                   encoding=decoded.encoding,
                   source_data={"newline": newline, "bom": decoded.bom})
    if decoded.guessed:
        doc.notes.append(GUESSED_NOTE.format(encoding=decoded.encoding))
    return doc


def render_plain(doc: Document, text: str) -> tuple[bytes, Decoded]:
    """The bytes to write for `text`, and how they are encoded.

    A guessed legacy encoding cannot hold every character an editor may type
    ("ł" in a Polish name); rather than refuse the save or write "?" we switch that
    file to UTF-8 and say so in the document's notes.
    """
    data = doc.source_data if isinstance(doc.source_data, dict) else {}
    newline = data.get("newline", "\n")
    bom = bool(data.get("bom", False))
    body = text.replace("\n", newline)
    try:
        raw = encode_text(body, doc.encoding, bom)
        return raw, Decoded(text, doc.encoding, bom, False)
    except UnicodeEncodeError:
        missing = sorted({c for c in body if not _encodable(c, doc.encoding)})
        doc.notes.append(FALLBACK_NOTE.format(encoding=doc.encoding,
                                              chars=" ".join(missing[:10])))
        return encode_text(body, "utf-8", False), Decoded(text, "utf-8", False, False)


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
