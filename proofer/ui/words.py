""""Lägg till i ordlistan": where an editor's word goes.

A name (a name finding, or several words) goes into the user's own name dictionary
at once; a plain word into the personal word list. Either can also be proposed for
the newsroom's shared dictionary, where an admin approves it later: a typo there
would silence the checker for everyone.
"""

from __future__ import annotations

from pathlib import Path

from proofer.bounded_read import read_bytes
from proofer.finding import Category, Finding
from proofer.names.model import Entry
from proofer.names.proposals import ProposalQueue, add_for_editor
from proofer.safe_write import atomic_write_text, digest, locked_edit
from proofer.settings import Settings
from proofer.word_list_file import MAX_WORD_LIST_BYTES, decode_word_list


def is_name(finding: Finding) -> bool:
    return finding.category is Category.NAME or " " in finding.text.strip()


def add_word(settings: Settings, finding: Finding, propose: bool = False) -> str:
    """Add the flagged text; returns a Swedish confirmation for the status bar."""
    text = finding.text.strip()
    queue = ProposalQueue(settings.proposals_path) if propose else None
    if is_name(finding):
        add_for_editor(Entry(name=text, kind="person"), settings.user_dictionary_path, queue)
        where = f"”{text}” har lagts till i din namnordlista"
    else:
        path = settings.personal_words_path
        # Imported when used: the speller's module brings the error model and the
        # YAML loader, which the window does not need before it is on screen.
        from proofer.speller import read_word_list

        if text not in read_word_list(path):
            locked_edit(path, lambda: _append_word(path, text))
        if queue is not None:
            queue.propose(Entry(name=text, kind="term"))
        where = f"”{text}” har lagts till i din ordlista"
    return where + (" och föreslagits för redaktionens ordlista" if propose else "")


def _append_word(path: Path, word: str) -> None:
    """Add a line, compared-and-swapped against the bytes read: a word another window
    added at the same moment makes this save refused and redone, never lost."""
    try:
        raw: bytes | None = read_bytes(path, MAX_WORD_LIST_BYTES)  # a FIFO would hang
    except FileNotFoundError:
        raw = None
    old = decode_word_list(raw or b"")
    if word in (line.strip() for line in old.splitlines()):
        return
    if old and not old.endswith("\n"):
        old += "\n"
    atomic_write_text(path, old + word + "\n", expected=digest(raw))
