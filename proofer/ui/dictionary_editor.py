"""Verktyg → Ordlistor: edit name dictionaries and decide on proposals.

Edits are kept in memory and written with "Spara" through the same safe path as the
admin command (DictionaryFile: atomic, backup, refused when someone else saved in
between). On such a refusal the admin may reload and have their own edits replayed
on top of the other person's version.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from proofer.formats.errors import LoadError
from proofer.names.editing import DictionaryFile
from proofer.names.model import KINDS, LIST_KEYS, Entry, EntryError
from proofer.names.proposals import ProposalQueue
from proofer.os_errors import describe
from proofer.safe_write import ChangedOnDisk, atomic_write_text
from proofer.settings import SHIPPED_DICTIONARIES, Settings
from proofer.ui.entry_csv import entries_from_csv, entries_to_csv, read_csv_text
from proofer.ui.name_search import AllListsSearch

KIND_LABELS = {"person": "person", "organization": "organisation", "place": "plats",
               "title": "titel", "term": "term"}
COLUMNS = [("name", "Namn"), ("kind", "Sort"), ("titles", "Titlar"), ("party", "Parti"),
           ("aliases", "Andra former"), ("wrong", "Kända felstavningar"), ("note", "Anteckning")]

Op = Callable[[DictionaryFile], None]


def editable_files(settings: Settings) -> list[tuple[str, Path]]:
    """(label, path) of every dictionary an admin may edit, the user's own first."""
    files: list[tuple[str, Path]] = [("Min namnordlista", settings.user_dictionary_path)]
    for p in settings.dictionary_paths:
        path = Path(p)
        if path.is_dir():
            files += [(f"Redaktionen: {f.name}", f) for f in sorted(path.glob("*.yaml"))]
        else:
            files.append((f"Redaktionen: {path.name}", path))
    files += [(f"Medföljande: {f.name}", f) for f in sorted(SHIPPED_DICTIONARIES.glob("*.yaml"))]
    return files


class EntryDialog(QDialog):
    """Add or edit one entry; invalid input is explained, never saved."""

    def __init__(self, entry: Entry | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Redigera post" if entry else "Ny post")
        form = QFormLayout(self)
        e = entry or Entry(name="", kind="person")
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        for key, label in COLUMNS:
            if key == "kind":
                w = QComboBox()
                for k in KINDS:
                    w.addItem(KIND_LABELS[k], k)
                w.setCurrentIndex(KINDS.index(e.kind) if e.kind in KINDS else 0)
            else:
                value = getattr(e, key)
                w = QLineEdit("; ".join(value) if key in LIST_KEYS else value)
                if key in LIST_KEYS:
                    w.setPlaceholderText("flera skiljs med semikolon")
            self.fields[key] = w
            form.addRow(label + ":", w)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.entry: Entry | None = None

    def data(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, w in self.fields.items():
            if isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif key in LIST_KEYS:
                out[key] = [p.strip() for p in w.text().split(";") if p.strip()]
            else:
                out[key] = w.text()
        return out

    def _accept(self) -> None:
        try:
            self.entry = Entry.from_mapping(self.data())
        except EntryError as exc:
            self.error.setText(f"Kan inte sparas: {exc}")
            return
        self.accept()


class DictionaryWindow(QMainWindow):
    saved = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ordlistor – Proofer")
        self.settings = settings
        self.dfile: DictionaryFile | None = None
        self.ops: list[Op] = []  # unsaved edits, replayable after a reload
        tabs = QTabWidget()
        self.setCentralWidget(tabs)
        tabs.addTab(self._entries_tab(), "Poster")
        tabs.addTab(self._proposals_tab(), "Förslag")
        self.all_lists = AllListsSearch(editable_files(settings), KIND_LABELS)
        self.all_lists.openRequested.connect(self.show_entry)
        tabs.addTab(self.all_lists, "Sök i alla")
        self.tabs = tabs
        self.statusBar()
        em = self.fontMetrics().height()
        self.resize(em * 70, em * 36)
        self.load_file(0)

    # -- entries tab ------------------------------------------------------------
    def _entries_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        top = QHBoxLayout()
        self.file_box = QComboBox()
        for label, path in editable_files(self.settings):
            self.file_box.addItem(label, str(path))
            self.file_box.setItemData(self.file_box.count() - 1, str(path),
                                      Qt.ItemDataRole.ToolTipRole)
        self.file_box.currentIndexChanged.connect(self._file_chosen)
        top.addWidget(QLabel("Ordlista:"))
        top.addWidget(self.file_box, 1)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Sök…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        top.addWidget(self.search, 1)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("Alla sorter", "")
        for k in KINDS:
            self.kind_filter.addItem(KIND_LABELS[k], k)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.kind_filter)
        lay.addLayout(top)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([label for _, label in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        lay.addWidget(self.table)

        row = QHBoxLayout()
        for text, slot in (("Lägg till…", self.add_entry), ("Redigera…", self.edit_selected),
                           ("Ta bort", self.remove_selected), ("Importera CSV…", self.import_csv),
                           ("Exportera CSV…", self.export_csv)):
            b = QPushButton(text)
            # clicked(bool) would hand its `checked` flag to the slot as an argument
            # (add_entry took False for an entry); the slots want none.
            b.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(b)
        row.addStretch(1)
        self.save_button = QPushButton("Spara")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        lay.addLayout(row)
        return w

    def show_entry(self, path: str, name: str) -> None:
        """Open the list at `path` on the Poster tab, searched for `name`."""
        index = self.file_box.findData(path)
        if index < 0:
            return
        self.file_box.setCurrentIndex(index)  # asks first if there are unsaved edits
        if self.file_box.currentIndex() == index:
            self.search.setText(name)
            self.tabs.setCurrentIndex(0)

    def _file_chosen(self, index: int) -> None:
        if self.ops and not self._confirm_discard():
            self.file_box.blockSignals(True)
            self.file_box.setCurrentIndex(self._loaded_index)
            self.file_box.blockSignals(False)
            return
        self.load_file(index)

    def _confirm_discard(self) -> bool:
        return QMessageBox.question(
            self, "Osparade ändringar", "Ordlistan har osparade ändringar. Släng dem?"
        ) == QMessageBox.StandardButton.Yes

    def load_file(self, index: int) -> None:
        self._loaded_index = index
        path = Path(self.file_box.itemData(index))
        try:
            self.dfile = DictionaryFile.load(path)
        except EntryError as exc:
            self.dfile = None
            QMessageBox.warning(self, "Kan inte läsa ordlistan", str(exc))
        self.ops = []
        self.refresh()

    def entries(self) -> list[Entry]:
        return self.dfile.entries if self.dfile else []

    def refresh(self) -> None:
        query = self.search.text().strip().lower()
        kind = self.kind_filter.currentData()
        shown = [e for e in self.entries()
                 if (not kind or e.kind == kind)
                 and (not query or any(query in str(v).lower()
                                       for v in e.to_mapping().values()))]
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(shown))
        for r, e in enumerate(shown):
            for c, (key, _) in enumerate(COLUMNS):
                value = getattr(e, key)
                text = "; ".join(value) if key in LIST_KEYS else (
                    KIND_LABELS.get(value, value) if key == "kind" else value)
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.name)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        dirty = " (osparade ändringar)" if self.ops else ""
        self.statusBar().showMessage(f"{len(shown)} av {len(self.entries())} poster{dirty}")
        self.save_button.setEnabled(bool(self.ops) and self.dfile is not None)

    def _selected_name(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _apply(self, op: Op) -> bool:
        if self.dfile is None:
            return False
        try:
            op(self.dfile)
        except (EntryError, KeyError) as exc:
            QMessageBox.warning(self, "Ogiltig post", str(exc).strip("'\""))
            return False
        self.ops.append(op)
        self.refresh()
        return True

    def add_entry(self, entry: Entry | None = None) -> None:
        if entry is None:
            dlg = EntryDialog(None, self)
            if not dlg.exec() or dlg.entry is None:
                return
            entry = dlg.entry
        new = entry
        self._apply(lambda df: df.add(new))

    def edit_selected(self) -> None:
        name = self._selected_name()
        if name is None or self.dfile is None:
            return
        old = self.dfile.find(name)
        dlg = EntryDialog(old, self)
        if dlg.exec() and dlg.entry is not None:
            new = dlg.entry
            self._apply(lambda df: df.update(name, new))

    def remove_selected(self) -> None:
        name = self._selected_name()
        if name is None:
            return
        if QMessageBox.question(self, "Ta bort", f"Ta bort ”{name}”?") == \
                QMessageBox.StandardButton.Yes:
            self._apply(lambda df: df.remove(name))

    def save(self) -> bool:
        if self.dfile is None:
            return False
        try:
            self.dfile.save()
        except ChangedOnDisk:
            return self._changed_on_disk()
        except OSError as exc:
            QMessageBox.critical(self, "Kunde inte spara", describe(exc, self.dfile.path))
            return False
        self.ops = []
        self.refresh()
        self.saved.emit(str(self.dfile.path))
        self.statusBar().showMessage(f"Sparad: {self.dfile.path}", 5000)
        return True

    def ask_changed_on_disk(self) -> str:
        """"replay", "discard" or "cancel"."""
        assert self.dfile is not None
        box = QMessageBox(QMessageBox.Icon.Warning, "Ordlistan har ändrats",
                          f"{self.dfile.path.name} har ändrats på disk av någon annan sedan "
                          "den lästes in. Inget har sparats.", parent=self)
        replay = box.addButton("Ladda om och gör om mina ändringar",
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Ladda om (släng mina ändringar)", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replay:
            return "replay"
        return "cancel" if box.buttonRole(clicked) == QMessageBox.ButtonRole.RejectRole \
            else "discard"

    def _changed_on_disk(self) -> bool:
        choice = self.ask_changed_on_disk()
        if choice == "cancel":
            return False
        ops = self.ops if choice == "replay" else []
        self.load_file(self._loaded_index)
        failed = 0
        for op in ops:
            if not self._apply(op):
                failed += 1
        if failed:
            self.statusBar().showMessage(f"{failed} ändringar gick inte att göra om", 8000)
        return False

    # -- CSV -----------------------------------------------------------------------
    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Importera CSV", "", "CSV (*.csv)")
        if not path:
            return
        try:
            text = read_csv_text(Path(path))
        except LoadError as exc:
            QMessageBox.warning(self, "Kan inte läsa filen", str(exc))
            return
        entries, problems = entries_from_csv(text, Path(path).name)
        added = 0
        for e in entries:
            def op(df: DictionaryFile, e: Entry = e) -> None:
                if df.find(e.name) is not None:
                    df.update(e.name, e)
                else:
                    df.add(e)
            if self._apply(op):
                added += 1
        message = f"{added} poster importerade (spara för att skriva dem)."
        if problems:
            message += "\n\nHoppade över:\n" + "\n".join(problems[:20])
        QMessageBox.information(self, "Import", message)

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Exportera CSV", "ordlista.csv", "CSV (*.csv)")
        if path:
            try:
                atomic_write_text(Path(path), entries_to_csv(self.entries()))
            except OSError as exc:
                QMessageBox.critical(self, "Kunde inte exportera", describe(exc, path))

    # -- proposals ---------------------------------------------------------------------
    def _proposals_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.addWidget(QLabel("Förslag från redaktörerna. Godkända förslag skrivs till "
                             "ordlistan som är vald under Poster."))
        self.proposal_table = QTableWidget(0, 5)
        self.proposal_table.setHorizontalHeaderLabels(["Namn", "Sort", "Titlar", "Föreslagen av",
                                                       "Tid"])
        self.proposal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposal_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.proposal_table.horizontalHeader().setStretchLastSection(True)
        self.proposal_table.verticalHeader().hide()
        lay.addWidget(self.proposal_table)
        row = QHBoxLayout()
        for text, slot in (("Godkänn", self.approve_selected), ("Avvisa", self.reject_selected),
                           ("Uppdatera", self.refresh_proposals)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.refresh_proposals()
        return w

    def queue(self) -> ProposalQueue:
        return ProposalQueue(self.settings.proposals_path)

    def refresh_proposals(self) -> None:
        try:
            pending = self.queue().pending()
        except EntryError as exc:
            QMessageBox.warning(self, "Förslagsfilen", str(exc))
            pending = []
        self.proposal_table.setRowCount(len(pending))
        for r, p in enumerate(pending):
            values = [p.entry.name, KIND_LABELS.get(p.entry.kind, p.entry.kind),
                      "; ".join(p.entry.titles), p.proposed_by, p.proposed_at]
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.proposal_table.setItem(r, c, item)
        self.tabs.setTabText(1, f"Förslag ({len(pending)})") if hasattr(self, "tabs") else None

    def _selected_proposal(self) -> str | None:
        items = self.proposal_table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def approve_selected(self) -> None:
        pid = self._selected_proposal()
        if pid is None or self.dfile is None:
            return
        if self.ops and not self.save():
            return  # the admin's own unsaved edits go first
        try:
            entry = self.queue().approve(pid, self.dfile.path)
        except (ChangedOnDisk, EntryError, KeyError, OSError) as exc:
            QMessageBox.warning(self, "Kunde inte godkänna", str(exc))
            return
        self.load_file(self._loaded_index)
        self.refresh_proposals()
        self.saved.emit(str(self.dfile.path))
        self.statusBar().showMessage(f"”{entry.name}” har lagts till i {self.dfile.path.name}",
                                     5000)

    def reject_selected(self) -> None:
        pid = self._selected_proposal()
        if pid is None:
            return
        try:
            self.queue().reject(pid)
        except (ChangedOnDisk, EntryError, KeyError, OSError) as exc:
            QMessageBox.warning(self, "Kunde inte avvisa", str(exc))
        self.refresh_proposals()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if self.ops and not self._confirm_discard():
            event.ignore()
            return
        event.accept()
