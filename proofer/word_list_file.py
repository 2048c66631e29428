"""The personal word list (ord.txt) loaded for editing (Qt-free).

One word per line, '#' comments. Editing keeps the comments and the order of the
other lines; saving is atomic with a backup and refused (ChangedOnDisk) when the
file changed since it was read, e.g. a word added from the right-click menu in
another window, so nobody's word is silently lost.
"""

from __future__ import annotations

from pathlib import Path

from proofer.bounded_read import read_bytes
from proofer.safe_write import ChangedOnDisk, atomic_write_text, digest, fingerprint

MAX_WORD_LIST_BYTES = 50 * 1024 * 1024  # a personal word list is kilobytes

__all__ = ["ChangedOnDisk", "WordListError", "WordListFile", "decode_word_list"]


class WordListError(ValueError):
    """A word that cannot go in the list; the message is Swedish, for users."""


def decode_word_list(data: bytes) -> str:
    """The list's text: UTF-8 (a byte order mark dropped), else the Windows encoding
    an editor such as Notepad may have saved it in. Read as UTF-8 with replacement
    characters, "räksmörgås" would be a word nobody can write, and the list could not
    be edited at all. Every save writes UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


class WordListFile:
    def __init__(self, path: Path, lines: list[str], fp: str | None) -> None:
        self.path = Path(path)
        self.lines = lines
        self._fingerprint = fp
        self.dirty = False

    @classmethod
    def load(cls, path: Path | str) -> WordListFile:
        path = Path(path)
        try:
            data = read_bytes(path, MAX_WORD_LIST_BYTES)  # a FIFO would wait forever
        except FileNotFoundError:
            return cls(path, [], None)
        return cls(path, decode_word_list(data).splitlines(), digest(data))

    @property
    def words(self) -> list[str]:
        return [ln.strip() for ln in self.lines if ln.strip() and not ln.lstrip().startswith("#")]

    @staticmethod
    def check(word: str) -> str:
        w = word.strip()
        if not w:
            raise WordListError("ordet är tomt")
        if any(c.isspace() for c in w):
            raise WordListError(f"”{w}” är flera ord – ett namn läggs i namnordlistan")
        if w.startswith("#"):
            raise WordListError(f"”{w}” börjar med # och skulle läsas som en kommentar")
        return w

    def add(self, word: str) -> str:
        w = self.check(word)
        if w in self.words:
            raise WordListError(f"”{w}” finns redan i ordlistan")
        self.lines.append(w)
        self.dirty = True
        return w

    def remove(self, word: str) -> None:
        kept = [ln for ln in self.lines if ln.strip() != word]
        if len(kept) == len(self.lines):
            raise WordListError(f"”{word}” finns inte i ordlistan")
        self.lines = kept
        self.dirty = True

    def save(self) -> None:
        atomic_write_text(self.path, "".join(ln + "\n" for ln in self.lines),
                          expected=self._fingerprint)
        self._fingerprint = fingerprint(self.path)
        self.dirty = False
