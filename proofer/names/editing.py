"""Editing one dictionary file without disturbing the rest of it (Qt-free; the GUI,
the admin command and the proposal queue all edit through here).

ruamel.yaml's round-trip mode keeps comments, key order and the order of the other
entries; every save is atomic with a backup and is refused (ChangedOnDisk) when the
file changed on disk since it was loaded, so two editors never silently overwrite
each other. The fingerprint it is compared with comes from the very bytes the load
parsed (a second read could see a newer file and bless overwriting it). The loser
reloads and redoes the edit; `DictionaryFile.edit` does that by itself and holds the
file's lock from load to save, so admins editing at once queue and all succeed.

    df = DictionaryFile.load(path)
    df.add(Entry("Anna Hallberg", "person", titles=("utrikeshandelsminister",)))
    df.save()

    DictionaryFile.edit(path, lambda df: df.add(entry))  # load, change, save, retried
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from proofer.bounded_read import read_bytes, unreadable
from proofer.names.loader import MAX_DICTIONARY_BYTES
from proofer.names.model import LIST_KEYS, Entry, EntryError
from proofer.safe_write import ChangedOnDisk, atomic_write_bytes, digest, locked_edit

T = TypeVar("T")

__all__ = ["ChangedOnDisk", "DictionaryFile", "EntryError"]

_HEADER = "# Namnordlista (Proofer). Schema: shared/eval/CONTRACT.md\n"


def _yaml() -> YAML:
    y = YAML()  # round-trip
    y.preserve_quotes = True
    y.width = 100
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _flow(items: tuple[str, ...]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


class DictionaryFile:
    """One YAML dictionary file, loaded for editing."""

    def __init__(self, path: Path, doc: CommentedMap, fp: str | None, *,
                 newline: str = "\n", bom: bool = False) -> None:
        self.path = Path(path)
        self._doc = doc
        self._fingerprint = fp  # what the file was when we read it (None: did not exist)
        # As the file came: an edit changes its entries, not every line end of a list
        # kept on Windows, nor its byte order mark.
        self._newline = newline
        self._bom = bom

    # -- loading ---------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | str) -> DictionaryFile:
        """Load for editing; a missing file is an empty dictionary (created on save).

        Raises EntryError (with the line) if the file is not valid YAML: editing a
        file we cannot read would lose its content.
        """
        path = Path(path)
        try:
            # Bounded: a FIFO given as --file made `dict add` wait for a writer forever.
            data = read_bytes(path, MAX_DICTIONARY_BYTES)
        except FileNotFoundError:
            doc = CommentedMap()
            doc["entries"] = CommentedSeq()
            return cls(path, doc, None)
        except OSError as exc:  # a FIFO, a folder, no permission: said, never edited
            raise EntryError(f"{path}: {unreadable(exc)}; filen ändrades inte") from exc
        fp = digest(data)
        bom = data.startswith(codecs.BOM_UTF8)
        newline = "\n"
        try:
            text = data.decode("utf-8-sig")
            crlf = text.count("\r\n")
            if crlf and crlf * 2 >= text.count("\n"):
                newline = "\r\n"
            doc = _yaml().load(text.replace("\r\n", "\n"))
        except Exception as exc:  # ruamel raises many types; all mean "cannot read"
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 1}" if mark is not None else ""
            raise EntryError(f"{path}{where}: filen kunde inte tolkas: "
                             f"{getattr(exc, 'problem', None) or exc}") from exc
        if doc is None:
            doc = CommentedMap()
        if isinstance(doc, list):
            wrapped = CommentedMap()
            wrapped["entries"] = doc
            doc = wrapped
        if not isinstance(doc, dict):
            raise EntryError(f"{path}: filen ska ha en lista 'entries' med poster")
        if doc.get("entries") is None:
            doc["entries"] = CommentedSeq()
        if not isinstance(doc["entries"], list):  # editing it would fail or lose it
            raise EntryError(f"{path}: 'entries' ska vara en lista med poster; "
                             "filen ändrades inte")
        return cls(path, doc, fp, newline=newline, bom=bom)

    @classmethod
    def edit(cls, path: Path | str, change: Callable[[DictionaryFile], T]) -> T:
        """Load, apply `change`, save, holding the file's lock throughout, so admins
        editing at once take turns and every edit lands; a writer that does not lock
        and saved in between makes it read again and redo the change on top (with
        back-off). Whatever `change` raises (EntryError: a duplicate, a missing entry)
        ends it."""
        def attempt() -> T:
            df = cls.load(path)
            result = change(df)
            df.save()
            return result
        return locked_edit(Path(path), attempt)

    @property
    def _items(self) -> CommentedSeq:
        return self._doc["entries"]

    @property
    def entries(self) -> list[Entry]:
        """The valid entries, in file order (broken ones are skipped, not lost)."""
        out = []
        for i, item in enumerate(self._items):
            try:
                out.append(Entry.from_mapping(dict(item), origin=f"{self.path}:{self._line(i)}"))
            except (EntryError, TypeError, ValueError):
                continue
        return out

    def _line(self, index: int) -> int:
        try:
            return self._items.lc.item(index)[0] + 1
        except (AttributeError, KeyError, TypeError):
            return 0

    def find(self, name: str) -> Entry | None:
        return next((e for e in self.entries if e.name == name), None)

    def broken(self, name: str) -> str | None:
        """Why the entry called `name` cannot be read (with its line), or None when
        it is valid or absent: a broken entry is still in the file, and an admin
        must be able to remove it by name, or be told why it cannot be edited."""
        try:
            i = self._index(name)
        except KeyError:
            return None
        try:
            Entry.from_mapping(dict(self._items[i]))
        except (EntryError, TypeError, ValueError) as exc:
            return f"rad {self._line(i)}: {exc}"
        return None

    def contains(self, name: str) -> bool:
        """An entry by that name is in the file, valid or broken."""
        try:
            self._index(name)
        except KeyError:
            return False
        return True

    def _index(self, name: str) -> int:
        for i, item in enumerate(self._items):
            if isinstance(item, dict) and str(item.get("name", "")).strip() == name:
                return i
        raise KeyError(name)

    # -- changes (in memory until save) ----------------------------------------
    def add(self, entry: Entry) -> None:
        entry.validate()
        if self.find(entry.name) is not None:
            raise EntryError(f"'{entry.name}' finns redan i {self.path.name}")
        self._items.append(self._to_map(entry, CommentedMap()))

    def update(self, old_name: str, entry: Entry) -> None:
        """Replace the entry called old_name in place (its comments stay with it)."""
        entry.validate()
        i = self._index(old_name)
        if entry.name != old_name and self.find(entry.name) is not None:
            raise EntryError(f"'{entry.name}' finns redan i {self.path.name}")
        self._to_map(entry, self._items[i])

    def remove(self, name: str) -> None:
        del self._items[self._index(name)]

    @staticmethod
    def _to_map(entry: Entry, target: CommentedMap) -> CommentedMap:
        wanted = entry.to_mapping()
        for key in list(target.keys()):
            if key not in wanted:
                del target[key]
        for key, value in wanted.items():
            if key in LIST_KEYS:
                old = target.get(key)
                if old is not None and list(old) == value:
                    continue
                target[key] = _flow(tuple(value))  # type: ignore[arg-type]
            elif target.get(key) != value:
                target[key] = value
        # New keys land at the end; put them back in schema order for a tidy file.
        order = list(wanted)
        if list(target.keys()) != order:
            items = [(k, target[k]) for k in order]
            for k in order:
                del target[k]
            for k, v in items:
                target[k] = v
        return target

    # -- saving ----------------------------------------------------------------
    def dumps(self) -> str:
        buf = io.StringIO()
        _yaml().dump(self._doc, buf)
        text = buf.getvalue()
        if self._fingerprint is None and not text.startswith("#"):
            text = _HEADER + text
        return text

    def save(self) -> None:
        """Atomic write with backup; ChangedOnDisk if someone else saved meanwhile."""
        data = (codecs.BOM_UTF8 if self._bom else b"") + \
            self.dumps().replace("\n", self._newline).encode("utf-8")
        atomic_write_bytes(self.path, data, expected=self._fingerprint)
        self._fingerprint = digest(data)  # what we wrote, not a re-read: that could be theirs

    def reload(self) -> DictionaryFile:
        return DictionaryFile.load(self.path)
