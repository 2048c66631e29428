"""Unsaved edits survive a crash: a copy every half minute in config_dir()/autosave/.

Each running window writes its own file (named after the draft and tagged with the
process id); a clean save or close deletes it, so a file whose process is gone at
start-up is what a crash left behind.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from proofer.safe_write import atomic_write_text
from proofer.settings import config_dir


def autosave_dir() -> Path:
    return config_dir() / "autosave"


@dataclass
class Recovered:
    file: Path  # the autosave file itself
    path: str  # the draft it belongs to ("" for an unnamed draft)
    format: str
    text: str
    saved: str  # when, ISO time
    #: the draft's file as the edits started from it (its fingerprint; None: not
    #: known, an autosave of an older version or an unnamed draft)
    base: str | None = None


def autosave_file(draft: Path | None) -> Path:
    # A name that is no valid UTF-8 (an old file system's, given on the command line)
    # has lone surrogates in Python: its bytes as they are.
    key = hashlib.sha1(str(draft or "namnlös").encode("utf-8", "surrogateescape")
                       ).hexdigest()[:12]
    return autosave_dir() / f"{key}-{os.getpid()}.json"


def write(draft: Path | None, fmt: str, text: str, base: str | None = None) -> Path:
    """`base`: the fingerprint of the file the edits started from, so that a
    recovery knows whether someone changed the file after that."""
    # Saves follow the umask; unsaved drafts stay private in a folder only we can read.
    autosave_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
    target = autosave_file(draft)
    payload = {"path": str(draft or ""), "format": fmt, "text": text, "pid": os.getpid(),
               "saved": datetime.now().isoformat(timespec="seconds"), "base": base}
    # ASCII JSON: such a name's lone surrogates are escapes, not an error to write.
    atomic_write_text(target, json.dumps(payload), backup=False)
    return target


def discard(draft: Path | None) -> None:
    autosave_file(draft).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def leftovers() -> list[Recovered]:
    """Autosaves from processes that are gone: what a crash left behind."""
    found: list[Recovered] = []
    for file in sorted(autosave_dir().glob("*.json")):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if _alive(int(data.get("pid", 0))):
                continue
            base = data.get("base")
            found.append(Recovered(file, str(data["path"]), str(data.get("format", "txt")),
                                   str(data["text"]), str(data.get("saved", "")),
                                   base if isinstance(base, str) else None))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a damaged autosave is not worth a dialog
    return found
