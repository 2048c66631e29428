"""The personal word list (ord.txt) loaded for editing (Qt-free).

One word per line, '#' comments. Editing keeps the comments and the order of the
other lines; saving is atomic with a backup and refused (ChangedOnDisk) when the
file changed since it was read, e.g. a word added from the right-click menu in
another window, so nobody's word is silently lost.
"""

from __future__ import annotations

from pathlib import Path

from proofer.safe_write import ChangedOnDisk, atomic_write_text, fingerprint

__all__ = ["ChangedOnDisk", "WordListError", "WordListFile"]


class WordListError(ValueError):
    """A word that cannot go in the list; the message is Swedish, for users."""


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
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path, [], None)
        return cls(path, text.splitlines(), fingerprint(path))

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
