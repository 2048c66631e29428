"""Proposed additions to the newsroom's shared dictionary, waiting for an admin.

An editor's "add to dictionary" goes into their own dictionary at once (see
`add_for_editor`) and is only proposed for the shared one: a typo in a shared
dictionary would silence the checker for everyone. The queue is a small YAML file
next to the shared dictionary (or in the user's config dir); every change is a
read-modify-write that retries when another editor wrote in between, so no proposal
is lost.
"""

from __future__ import annotations

import getpass
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from proofer.bounded_read import read_bytes, unreadable
from proofer.names.editing import DictionaryFile
from proofer.names.loader import MAX_DICTIONARY_BYTES
from proofer.names.model import Entry, EntryError
from proofer.safe_write import atomic_write_text, digest, locked_edit
from proofer.yaml_loader import safe_load


@dataclass(frozen=True)
class Proposal:
    id: str
    entry: Entry
    proposed_by: str
    proposed_at: str  # ISO 8601, UTC


class ProposalQueue:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def _read(self) -> tuple[list, str | None]:
        """Every item of the queue as the file has it (one that is no proposal is
        kept, not dropped by the next save) and the file's fingerprint. A file of
        another shape is refused: rewriting it as a queue would wipe what it holds."""
        try:
            # one read: the fingerprint is of what we parse; bounded (a FIFO waits)
            raw = read_bytes(self.path, MAX_DICTIONARY_BYTES)
        except FileNotFoundError:
            return [], None
        except OSError as exc:
            raise EntryError(f"{self.path}: förslagsfilen {unreadable(exc)}; den ändrades "
                             "inte") from exc
        try:
            data = safe_load(raw.decode("utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise EntryError(f"{self.path}: förslagsfilen kunde inte tolkas: {exc}") from exc
        items = data.get("proposals") if isinstance(data, dict) else None
        if items is None and isinstance(data, dict) and set(data) <= {"proposals"}:
            items = []  # an empty queue
        if not isinstance(items, list):  # a name dictionary set as the queue, say
            raise EntryError(f"{self.path}: förslagsfilen ska ha en lista 'proposals' med "
                             "förslag; den ändrades inte")
        return items, digest(raw)

    def _change(self, fn) -> object:  # type: ignore[no-untyped-def]
        """Apply fn(items) -> result and save, under the queue file's lock (and
        retried if a writer that does not lock got in first)."""
        def attempt() -> object:
            items, fp = self._read()
            result = fn(items)
            text = ("# Förslag till den gemensamma namnordlistan (Proofer)\n"
                    + yaml.safe_dump({"proposals": items}, allow_unicode=True, sort_keys=False))
            atomic_write_text(self.path, text, expected=fp)
            return result
        return locked_edit(self.path, attempt)

    def propose(self, entry: Entry, proposed_by: str = "") -> str:
        entry.validate()
        pid = uuid.uuid4().hex[:12]
        record = {"id": pid, "entry": entry.to_mapping(),
                  "proposed_by": proposed_by or _user(),
                  "proposed_at": datetime.now(UTC).isoformat(timespec="seconds")}
        self._change(lambda items: items.append(record))
        return pid

    def pending(self) -> list[Proposal]:
        items, _ = self._read()
        out = []
        for i in items:
            if not isinstance(i, dict):
                continue
            try:
                entry = Entry.from_mapping(i.get("entry") or {})
            except EntryError:
                continue
            out.append(Proposal(str(i.get("id")), entry, str(i.get("proposed_by", "")),
                                str(i.get("proposed_at", ""))))
        return out

    def get(self, pid: str) -> Proposal:
        for p in self.pending():
            if p.id == pid:
                return p
        raise KeyError(f"inget förslag med id {pid}")

    def approve(self, pid: str, target_dictionary_path: Path | str) -> Entry:
        """Write the proposal into the shared dictionary, then drop it from the queue.

        An entry that already exists there is updated (the proposal is newer).
        """
        proposal = self.get(pid)
        _upsert(target_dictionary_path, proposal.entry)
        self._remove(pid)
        return proposal.entry

    def reject(self, pid: str) -> None:
        self.get(pid)
        self._remove(pid)

    def _remove(self, pid: str) -> None:
        def drop(items: list) -> None:
            items[:] = [i for i in items if not isinstance(i, dict) or str(i.get("id")) != pid]
        self._change(drop)


def _upsert(path: Path | str, entry: Entry) -> None:
    """Add or update `entry` in a dictionary file, reading it again and retrying when
    someone else saved it in between (their edits are kept, ours land on top)."""
    def change(df: DictionaryFile) -> None:
        if df.find(entry.name) is not None:
            df.update(entry.name, entry)
        else:
            df.add(entry)
    DictionaryFile.edit(path, change)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "okänd"


def add_for_editor(entry: Entry, user_dictionary: Path | str,
                   queue: ProposalQueue | None = None, proposed_by: str = "") -> str | None:
    """What the GUI's "lägg till i ordlistan" does: the entry lands in the user's own
    dictionary now (retrying if the file changed meanwhile) and, when the newsroom
    has a shared dictionary, is proposed for it. Returns the proposal id, if any."""
    _upsert(user_dictionary, entry)
    return queue.propose(entry, proposed_by) if queue is not None else None
