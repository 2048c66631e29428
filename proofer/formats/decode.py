"""Bytes to text, and back, for every text-based format.

Newsroom drafts are UTF-8 almost always, but old desktop tools and mail exports still
produce cp1252 (Windows Western) files. We accept those, because refusing a draft
costs the editor more than a guess does, but say that we guessed (Document.notes),
and we write the file back in the encoding it came in.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from proofer.formats.errors import LoadError

GUESSED_NOTE = "teckenkodningen gissades: {encoding}"

_BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}
# C0 control characters that never occur in a text someone typed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# A well-formed UTF-8 multi-byte sequence. Seeing many of them in a file that still
# fails to decode means a damaged UTF-8 file, not a cp1252 one.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# Swedish prose has a few percent of åäö; a "text" that is a third non-ASCII in
# cp1252 is binary data or another encoding that happens to decode.
_MAX_NON_ASCII_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name used to write the text back
    bom: bool  # the file started with a byte order mark, so saving writes one too
    guessed: bool  # no BOM, no declaration, not UTF-8: a plausibility guess


def decode_bytes(data: bytes, path: Path, declared: str | None = None) -> Decoded:
    """Decode a draft's bytes or raise LoadError saying why it is not text.

    `declared` is an encoding named by the file itself (an HTML meta charset); it is
    tried after UTF-8, which wins because declarations are often stale.
    """
    for encoding, bom in _BOMS.items():
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding, True, False)
            except UnicodeDecodeError as exc:
                raise LoadError(path, f"är märkt som {encoding.upper()} men innehåller "
                                      f"ogiltiga byte (position {exc.start + len(bom)})"
                                ) from exc
    if b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return wide
        raise LoadError(path, "är en binärfil, inte text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False, False)
    except UnicodeDecodeError as exc:
        bad = exc.start
    if declared and _codec(declared) not in (None, "utf-8"):
        try:
            text = data.decode(_codec(declared) or "")
        except UnicodeDecodeError:
            pass
        else:
            if not _CONTROL.search(text):
                return Decoded(text, _codec(declared) or "", False, False)
    text = _plausible_cp1252(data)
    if text is None:
        raise LoadError(path, f"är varken giltig UTF-8 eller läsbar som cp1252/latin-1 "
                              f"(ogiltig byte 0x{data[bad]:02x} vid position {bad})")
    return Decoded(text, "cp1252", False, True)


def encode_text(text: str, encoding: str, bom: bool, errors: str = "strict") -> bytes:
    return (_BOMS.get(encoding, b"") if bom else b"") + text.encode(encoding, errors)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name.replace("_", "-")
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 that starts without a byte order mark (some Windows and mail tools
    write it so): in Western text nearly every character is below U+0100, so the
    same half of each pair is NUL (the other never). Anything else with NUL bytes is
    binary."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, zero_half in (("utf-16-le", 1), ("utf-16-be", 0)):
        zeros = data[zero_half::2].count(0)
        if data[1 - zero_half::2].count(0) or zeros < 0.9 * (len(data) // 2):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return None
        return None if _CONTROL.search(text) else Decoded(text, encoding, False, True)
    return None


def _plausible_cp1252(data: bytes) -> str | None:
    """cp1252 text, or None when the bytes do not look like a Western text.

    cp1252 is a superset of latin-1's printable characters; the bytes it leaves
    undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d) are control characters in latin-1, so a
    file that needs latin-1 to decode is not a text either.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text):
        return None
    high = len(_HIGH_BYTE.findall(data))
    if high and 2 * sum(len(m) for m in _UTF8_SEQUENCE.findall(data)) >= high:
        return None  # mostly well-formed UTF-8 with a few broken bytes: damaged, not cp1252
    if len(_NON_ASCII.findall(text)) > _MAX_NON_ASCII_SHARE * len(text):
        return None
    return text
