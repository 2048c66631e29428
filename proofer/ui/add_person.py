"""Right-click → "Lägg till person i namnordlistan…": a person from the text.

The form opens pre-filled with what stands in the text: the selected or flagged
name (widened over the name's other words), the title before it and the party
letter after it ("utrikesminister Anna Hallberg (S)"). The person checks it and
saves; it goes into their own name dictionary through the dictionary editing layer
(atomic, backed up, refused if the file changed meanwhile, then retried once on the
fresh file), and the draft is re-checked with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QMessageBox

from proofer.finding import Category
from proofer.names.editing import ChangedOnDisk, DictionaryFile
from proofer.names.model import Entry, EntryError
from proofer.os_errors import describe
from proofer.safe_write import locked_edit
from proofer.settings import Settings
from proofer.ui.dictionary_editor import EntryDialog
from proofer.ui.live import LiveFinding
from proofer.ui.offsets import OffsetMap

if TYPE_CHECKING:
    from proofer.names.person_from_text import TitleIndex

OFFERED = {Category.NAME, Category.SPELLING, Category.TITLE}


def titles(settings: Settings) -> TitleIndex:
    # The name lists' modules: imported when asked, not while the window opens.
    from proofer.names.loader import load_all
    from proofer.names.person_from_text import TitleIndex

    return TitleIndex.from_entries(load_all(settings.dictionary_files()).entries)


def proposed_entry(window, item: LiveFinding | None) -> Entry | None:  # noqa: ANN001
    """The entry the text suggests, from the selection or else the finding."""
    cur = window.editor.textCursor()
    if cur.hasSelection() and "\u2029" not in cur.selectedText():
        a, b = cur.selectionStart(), cur.selectionEnd()
    elif item is not None:
        a, b = item.start, item.end
    else:
        return None
    block = window.editor.document().findBlock(a)
    text = block.text()
    omap = OffsetMap(text)
    start = omap.to_codepoint(a - block.position())
    end = omap.to_codepoint(min(b, block.position() + len(text)) - block.position())
    if not text[start:end].strip():
        return None
    from proofer.names.person_from_text import person_near

    return person_near(text, start, end, titles(window.settings))


def save_entry(settings: Settings, entry: Entry) -> None:
    """Add to the user's own dictionary; someone else's save in between is read
    first and the addition made again on top of it."""
    def attempt() -> None:
        df = DictionaryFile.load(settings.user_dictionary_path)
        df.add(entry)
        df.save()

    locked_edit(settings.user_dictionary_path, attempt)


def add_person(window, item: LiveFinding | None) -> Entry | None:  # noqa: ANN001
    entry = proposed_entry(window, item)
    if entry is None:
        return None
    dlg = EntryDialog(entry, window)
    dlg.setWindowTitle("Lägg till person")
    saved: Entry | None = None
    if dlg.exec() and dlg.entry is not None:
        try:
            save_entry(window.settings, dlg.entry)
        except (EntryError, ChangedOnDisk, OSError) as exc:
            QMessageBox.warning(window, "Kunde inte lägga till", describe(exc))
        else:
            saved = dlg.entry
            window.statusBar().showMessage(
                f"”{saved.name}” har lagts till i din namnordlista", 6000)
            window.reload_dictionaries()
    dlg.deleteLater()
    return saved


def install(window) -> None:  # noqa: ANN001 - the MainWindow
    def extend(menu: QMenu, item: LiveFinding | None) -> None:
        selected = window.editor.textCursor().hasSelection()
        if selected or (item is not None and item.finding.category in OFFERED
                        and item.finding.text[:1].isupper()):
            menu.addAction("Lägg till person i namnordlistan…").triggered.connect(
                lambda: add_person(window, item))

    window.editor.menu_extensions.append(extend)
