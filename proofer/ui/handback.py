"""Arkiv → "Exportera med spårade ändringar (Word)…": the draft back to the reporter.

The Word file compares the text as it was opened with the text now and marks every
difference as Word's tracked changes, signed with the copy editor's name, so the
reporter sees what the desk changed and can accept or reject each change.
"""

from __future__ import annotations

import getpass
from copy import copy
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from proofer.document import Document
from proofer.os_errors import reason
from proofer.safe_write import atomic_write_bytes


def reviewer_name() -> str:
    """The signature on the revision marks: the account's full name if it has one."""
    try:
        import pwd

        gecos = pwd.getpwnam(getpass.getuser()).pw_gecos.split(",")[0].strip()
        name = gecos or getpass.getuser()
    except (KeyError, OSError, ImportError):
        name = ""
    return f"{name} (Proofer)" if name else "Proofer"


def snapshot(doc: Document) -> Document:
    """The draft as opened, kept aside: saving changes `doc` in place."""
    kept = copy(doc)
    kept.source_data = dict(doc.source_data) if isinstance(doc.source_data, dict) else None
    return kept


def default_target(doc: Document, folder: Path) -> Path:
    stem = doc.path.stem if doc.path else "namnlös"
    return folder / f"{stem}-ändringar.docx"


def export_tracked(window, path: Path | None = None) -> Path | None:  # noqa: ANN001 - MainWindow
    """Ask where (unless `path` is given), write, and say how many changes went in."""
    original: Document = getattr(window, "opened_doc", None) or window.doc
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            window, "Exportera med spårade ändringar",
            str(default_target(original, window._dir())), "Word-dokument (*.docx)")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
    if original.path is not None and path.resolve() == Path(original.path).resolve():
        QMessageBox.warning(window, "Kan inte exportera",
                            f"{path}: välj ett annat namn än originalets, "
                            "reporterns fil ska finnas kvar som den var.")
        return None
    from proofer.formats.tracked_docx import tracked_docx  # python-docx: when used

    try:
        data, count = tracked_docx(original, window.editor_text(), reviewer_name())
        atomic_write_bytes(path, data, backup=True)
    except OSError as exc:
        QMessageBox.critical(window, "Kunde inte exportera", f"{path}: {reason(exc)}")
        return None
    except Exception as exc:  # noqa: BLE001 - a broken source package: said, not crashed
        QMessageBox.critical(window, "Kunde inte exportera", f"{path}: {exc}")
        return None
    what = "inga ändringar" if count == 0 else f"{count} spårade ändringar"
    window.statusBar().showMessage(f"Exporterad med {what}: {path}", 8000)
    return path
