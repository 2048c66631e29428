"""The main window: the draft, its suggestion cards, menus and the status bar.

It wires things together and does what a person asks (open, save, accept, ignore);
all checking happens in the engine, reached through LiveChecker.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QWidget,
)

from proofer import leftovers
from proofer.document import Document
from proofer.engine_status import engine_status_text
from proofer.finding import Category, Finding
from proofer.formats import SUPPORTED_SUFFIXES, LoadError, load_document, save_document
from proofer.os_errors import describe
from proofer.safe_write import ChangedOnDisk
from proofer.settings import Settings
from proofer.ui import (
    add_person,
    autosave,
    change_all,
    findings_pane,
    handback,
    more_suggestions,
    recent,
    replacing,
)
from proofer.ui.background import Runner, ThreadRunner
from proofer.ui.cards import CardPanel
from proofer.ui.changelog import Change, ChangeLog, ChangeTable
from proofer.ui.checking import LiveChecker, build_engine
from proofer.ui.editor import DraftEditor, stand_ins
from proofer.ui.ignored_log import IgnoredLog, ignored_entry
from proofer.ui.live import FindingStore, LiveFinding
from proofer.ui.more_suggestions import MoreSuggestions
from proofer.ui.offsets import OffsetMap
from proofer.ui.report import report_html
from proofer.ui.style import COLOURS, LABELS, engines_summary
from proofer.ui.words import add_word

if TYPE_CHECKING:  # the engine's modules bring the speller: imported when it is built
    from proofer.engine import Report

AUTOSAVE_MS = 30_000
FORMAT_SUFFIX = {"txt": ".txt", "md": ".md", "html": ".html", "docx": ".docx"}


def default_size(window: QWidget) -> QSize:
    """Room for the text and the cards, but never more than the screen has: at 150 %
    scaling a 1920×1080 screen is 1280×720 in Qt's units (less the task bar)."""
    em = window.fontMetrics().height()
    want = QSize(min(1280, em * 80), min(800, em * 50))
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return want
    room = screen.availableGeometry().size()
    return want.boundedTo(QSize(room.width() * 9 // 10, room.height() * 9 // 10))


def _lone_cr(doc: Document) -> bool:
    """Whether a CR in the draft is a character of its own (to be kept as it is),
    not the file's line end (a classic Mac file, shown as lines)."""
    return not isinstance(doc.source_data, dict) or doc.source_data.get("newline") != "\r"


def failure_text(target: Path, exc: BaseException) -> str:
    """Why a save failed, naming the file once (many errors name it themselves)."""
    return describe(exc, target) if isinstance(exc, OSError) else (
        str(exc) if str(target) in str(exc) else f"{target}: {exc}")


def changed_on_disk_box(parent: QWidget, target: Path
                        ) -> tuple[QMessageBox, dict[str, QPushButton]]:
    role = QMessageBox.ButtonRole
    if not os.path.lexists(target):
        # Deleted, or moved by someone: there is nothing to read in again, and saving
        # puts the person's version back where it was.
        return _on_disk_box(
            parent, "Filen har tagits bort",
            f"{target.name} har tagits bort eller flyttats sedan du öppnade den",
            f"{target}\n\nSpara här igen: skapa filen på nytt med din version.\n"
            "Spara som: spara din version i en annan fil.",
            [("overwrite", "Spara &här igen", role.AcceptRole)])
    return _on_disk_box(
        parent, "Filen har ändrats på disken",
        f"{target.name} har ändrats på disken sedan du öppnade den",
        f"{target}\n\nLäs in igen: visa filen som den är nu (Ctrl+Z tar tillbaka din "
        "version).\nSkriv över: spara din version över den andras.\n"
        "Spara som: spara din version i en annan fil.",
        [("reload", "&Läs in igen", role.DestructiveRole),
         ("overwrite", "Skriv ö&ver", role.AcceptRole)])


def _on_disk_box(parent: QWidget, title: str, what: str, info: str,
                 choices: list[tuple[str, str, QMessageBox.ButtonRole]]
                 ) -> tuple[QMessageBox, dict[str, QPushButton]]:
    """The question when the file on disk is not the one the draft was read from:
    the choices given, then "Spara som" (the default: nothing is lost) and "Avbryt"."""
    box = QMessageBox(QMessageBox.Icon.Warning, title,
                      f"{what}, av någon annan eller av ett annat program. "
                      "Inget har sparats ännu.", parent=parent)
    box.setInformativeText(info)
    role = QMessageBox.ButtonRole
    buttons = {key: box.addButton(label, button_role) for key, label, button_role in choices}
    buttons["save_as"] = box.addButton("Spara &som…", role.ActionRole)
    buttons["cancel"] = box.addButton("Avbryt", role.RejectRole)
    box.setDefaultButton(buttons["save_as"])
    box.setEscapeButton(buttons["cancel"])
    return box, buttons


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, runner: Runner | None = None,
                 engine_factory=build_engine,  # noqa: ANN001 - a callable
                 start_engine: bool = True) -> None:
        """start_engine=False: the caller calls start_engine() once the window is on
        screen, so that building the engine (seconds of Python on the worker thread,
        holding the interpreter lock for long stretches) cannot delay the window."""
        super().__init__()
        self.settings = settings or Settings.load()
        self.runner = runner or ThreadRunner()
        self.doc = Document("")
        self.store = FindingStore()
        self.store.hidden = {Category(c) for c in self.settings.disabled_categories
                             if c in Category._value2member_map_}
        self.changes = ChangeLog()
        self.ignored_log = IgnoredLog()
        self.dictionary_window: QWidget | None = None

        self.editor = DraftEditor(self.store)
        self._unchecked: str | None = None  # see _set_unchecked
        self._engine_failed = False  # until an engine is built again
        self.panel = CardPanel(self.editor)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.editor)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.splitter = split
        self._split_set = False
        self.setCentralWidget(split)
        self.setAcceptDrops(True)

        self.checker = LiveChecker(self.runner, self.editor_text, engine_factory)
        self.checker.checked.connect(self._on_checked)
        self.checker.failed.connect(lambda msg: self.statusBar().showMessage(msg, 10_000))
        self.checker.engineFailed.connect(self._on_engine_failed)
        self.more = MoreSuggestions(self.runner, lambda: self.checker.engine)
        self.more.answered.connect(self._more_answered)
        self.checker.engineReady.connect(self.more.forget)
        self.checker.engineReady.connect(self._show_dictionary_problems)
        self.checker.engineReady.connect(lambda: setattr(self, "_engine_failed", False))

        self.editor.document().contentsChange.connect(self._on_contents_change)
        doc = self.editor.document()
        doc.modificationChanged.connect(self.setWindowModified)
        doc.undoCommandAdded.connect(self._undo_command_added)
        doc.contentsChanged.connect(self._undo_count_changed)
        self.editor.acceptRequested.connect(self.accept)
        self.editor.ignoreRequested.connect(self.ignore)
        self.editor.addWordRequested.connect(self.add_to_dictionary)
        self.editor.acceptAllRequested.connect(self.accept_all)
        self.editor.currentFindingChanged.connect(
            lambda item: self.panel.set_current(item.id if item else None))
        self.editor.currentFindingChanged.connect(self.more.ask)
        self.editor.reviewModeChanged.connect(self._review_mode)
        self.editor.currentFindingChanged.connect(self._review_visited)
        self.editor.reviewKeyRefused.connect(self._review_key_refused)
        self.review_tally = {"changed": 0, "ignored": 0}
        self._review_seen: set[int] = set()
        self.editor.fileDropped.connect(self.open_path)
        self.panel.accepted.connect(self.accept)
        self.panel.ignored.connect(lambda fid: self.ignore(fid, False))
        self.panel.clicked.connect(self._card_clicked)
        self.panel.searching = self.more.searching

        self._build_status_bar()
        self._build_change_dock()
        self.findings_pane = findings_pane.install(self)
        change_all.install(self)
        add_person.install(self)
        more_suggestions.install(self)
        self._build_menus()
        self._update_title()

        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._dictionary_changed)
        self.watcher.directoryChanged.connect(self._dictionary_changed)
        self._watch_timer = QTimer(self, singleShot=True, interval=500)
        self._watch_timer.timeout.connect(self._dictionaries_maybe_changed)
        self._watch_dictionaries()
        self._dictionary_state = self.dictionary_state()

        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()

        self.editor.document().setModified(False)  # setting up the view is no edit
        if start_engine:
            self.start_engine()
        self.resize(default_size(self))
        if self.settings.editor_font_size:
            self.editor.set_point_size(self.settings.editor_font_size)

    def start_engine(self) -> None:
        self.checker.rebuild(self.settings)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        super().resizeEvent(event)
        if not self._split_set and self.splitter.width() > 0:
            # Text first: about three fifths for the draft, the rest for the cards.
            w = self.splitter.width()
            self.splitter.setSizes([w * 3 // 5, w - w * 3 // 5])
            self._split_set = True

    # -- text and findings -------------------------------------------------------
    def editor_text(self) -> str:
        """The draft as the core sees it (DraftEditor.draft_text)."""
        return self.editor.draft_text()

    def _undo_command_added(self) -> None:
        self.changes.new_undo_command(self.editor.document().availableUndoSteps())

    def _undo_count_changed(self) -> None:
        """After an undo or redo, show which accepted changes are taken back."""
        available = self.editor.document().availableUndoSteps()
        if available != self.changes.available:
            self.changes.undo_count_changed(available)
            if self.changes.changes and self.change_dock.isVisible():
                self.change_table.refresh()

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if self.store.apply_edit(pos, removed, added):
            self.editor.schedule_refresh()
        self.panel.schedule()
        self.checker.text_changed()

    def _set_unchecked(self, text: str | None) -> None:
        """Until a check of this draft has come (None: it has), the empty margin, the
        findings list and the counts say so instead of "Inga fynd": a long draft's
        first check takes a while, and an unchecked text is no clean one."""
        self._unchecked = text
        self.panel.set_unchecked(text)
        pane = getattr(self, "findings_pane", None)
        if pane is not None:
            pane.unchecked = text
            pane.refresh()

    def _on_checked(self, _rev: int, text: str, report: Report) -> None:
        if self._unchecked is not None:
            self._set_unchecked(None)
        items = self.checker.live_findings(text, report)
        self.more.fill(items)
        self.store.replace_all(items)
        self._findings_changed()
        self.engines.setText(engines_summary(report.engines))
        self.engines.setToolTip("\n".join(engine_status_text(k, v)
                                          for k, v in report.engines.items()))
        if not self.editor.reviewing:  # the review state stays in view while it is on
            self._set_state("Grammatiken kontrolleras…" if self.checker.first_pass_shown
                            else "Kontrollerad")
        if os.environ.get("PROOFER_DEBUG", "") not in ("", "0"):
            # For support and for the tests that drive the real window from outside.
            state = "första genomgången" if self.checker.first_pass_shown else "kontrollerad"
            print(f"proofer: {state}, {len(self.store.items)} fynd", file=sys.stderr,
                  flush=True)

    def _more_answered(self) -> None:
        """Corrections came for a word (or the search for them began or ended)."""
        self.more.fill(self.store.items)
        self.store.changed()
        self._findings_changed()

    def _findings_changed(self) -> None:
        self.editor.update_current()
        self.editor.refresh_underlines()
        self.panel.relayout()
        self._update_counts()
        self.findings_pane.refresh()

    def findings(self) -> list[Finding]:
        """The open findings with code-point offsets into the current text."""
        from dataclasses import replace

        omap = OffsetMap(self.editor_text())
        return [replace(i.finding, start=omap.to_codepoint(i.start),
                        end=omap.to_codepoint(i.end)) for i in self.store.visible()]

    # -- acting on findings -------------------------------------------------------
    def _cursor_for(self, item: LiveFinding) -> QTextCursor | None:
        cur = QTextCursor(self.editor.document())
        cur.setPosition(item.start)
        cur.setPosition(item.end, QTextCursor.MoveMode.KeepAnchor)
        return cur if cur.selectedText() == item.finding.text else None

    def log_change(self, pos: int, before: str, after: str, rule: str,
                   category: str) -> None:
        """Record a change made at Qt position `pos` (its undo step exists already)."""
        doc = self.editor.document()
        line = doc.findBlock(pos).blockNumber() + 1
        self.changes.add(Change(datetime.now(), line, before, after, rule, category,
                                undo_step=doc.availableUndoSteps()))
        self.changes.undo_count_changed(doc.availableUndoSteps())
        self.change_table.refresh()

    def _log(self, item: LiveFinding, after: str) -> None:
        f = item.finding
        self.log_change(item.start, f.text, after, f.rule, str(f.category))

    def accept(self, fid: int, index: int = 0) -> None:
        """Replace the finding's text with a suggestion: one undo step."""
        item = self.store.by_id(fid)
        if item is None or index >= len(item.finding.suggestions):
            return
        reviewing = self.editor.review_id == fid
        cur = self._cursor_for(item)
        if cur is None:  # the text under it changed: wait for the re-check
            self.store.remove(item)
            self._findings_changed()
            return
        new = item.finding.suggestions[index]
        if reviewing:
            self.editor.finish_review()  # no current finding while the text changes
        if not new:
            start, end = replacing.removal_span(self.editor.document(), item.start,
                                                item.end)
            cur.setPosition(start)
            cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cur.beginEditBlock()
        cur.insertText(new)
        cur.endEditBlock()
        self.store.accepted(item.start, cur.position(), new)
        self._log(item, new)
        self.store.remove(item)
        self._after_action(item.start, reviewing, f"Ändrat till ”{new}”", "changed")

    def accept_all(self, fid: int) -> None:
        """Accept the first suggestion of every finding of this rule, as one undo step."""
        item = self.store.by_id(fid)
        if item is None:
            return
        done = self.accept_findings(self.store.same_rule(item))
        self.statusBar().showMessage(f"{done} ändringar: {item.finding.message}", 5000)

    def accept_findings(self, items: list[LiveFinding]) -> int:
        """Accept the first suggestion of each of `items`, as one undo step; returns
        how many were changed (a finding whose text changed meanwhile is skipped)."""
        done = replacing.apply(self, [
            replacing.Replacement(i.start, i.end, i.finding.text, i.finding.suggestions[0],
                                  i.finding.rule, str(i.finding.category), i)
            for i in items if i.finding.suggestions])
        self._findings_changed()
        return len(done)

    def ignore(self, fid: int, everywhere: bool = False) -> None:
        item = self.store.by_id(fid)
        if item is None:
            return
        reviewing = self.editor.review_id == fid
        self.ignored_log.add(ignored_entry(item, self.editor.document(), everywhere))
        self.store.ignore(item, everywhere)
        self._after_action(item.start, reviewing,
                           "Ignoreras överallt" if everywhere else "Ignorerad", "ignored")

    def _after_action(self, pos: int, reviewing: bool, message: str, kind: str) -> None:
        """After an accept or ignore during review: on to the next finding, or, when
        every finding has had its turn, say so and stay in review mode."""
        self.statusBar().showMessage(message, 4000)
        self._findings_changed()
        if not reviewing:
            return
        self.review_tally[kind] += 1
        nxt = self.store.next_after(pos - 1)
        if nxt is None or nxt.id in self._review_seen:
            self.editor.finish_review()
            self._set_state(self.review_done_text())
            self.statusBar().showMessage(self.review_done_text(), 8000)
        else:
            self.editor.select_finding(nxt)

    def review_done_text(self) -> str:
        changed, ignored = self.review_tally["changed"], self.review_tally["ignored"]
        text = (f"Klart – {changed} ändrad{'' if changed == 1 else 'e'}, "
                f"{ignored} ignorerad{'' if ignored == 1 else 'e'}")
        left = len(self.store.visible())
        return text + (f" ({left} fynd kvar)" if left else "")

    def add_to_dictionary(self, fid: int, propose: bool = False) -> None:
        item = self.store.by_id(fid)
        if item is None:
            return
        try:
            where = add_word(self.settings, item.finding, propose=propose)
        except Exception as exc:  # noqa: BLE001 - any reason is shown, nothing is lost
            QMessageBox.warning(self, "Kunde inte lägga till", describe(exc))
            return
        # Gone at once; the rebuilt engine confirms it on the next check.
        self.store.ignore(item, everywhere=True)
        self._findings_changed()
        self.statusBar().showMessage(where, 6000)
        self.reload_dictionaries()

    def _card_clicked(self, fid: int) -> None:
        item = self.store.by_id(fid)
        if item is not None:
            self.editor.select_finding(item)
            self.editor.setFocus()

    def _review_mode(self, on: bool) -> None:
        if on:  # a new review: count from zero
            self.review_tally = {"changed": 0, "ignored": 0}
            self._review_seen = set()
        self._set_state("Granskningsläge: Enter godtar, 1–9 väljer förslag, Esc ignorerar"
                        if on else "")

    def _review_visited(self, item: LiveFinding | None) -> None:
        if item is not None and item.id == self.editor.review_id:
            self._review_seen.add(item.id)

    def _review_key_refused(self) -> None:
        if self.state.text().startswith("Klart"):
            msg = "Granskningen är klar. Esc eller en annan tangent lämnar granskningsläget."
        else:
            msg = ("Fyndet finns inte längre (texten har kontrollerats om). "
                   "F8 går till nästa fynd, Esc lämnar granskningsläget.")
        self.statusBar().showMessage(msg, 6000)

    def review_next(self) -> None:
        self.editor.setFocus()
        if self.editor.review() is None:
            self.statusBar().showMessage("Inga fynd", 3000)

    def review_previous(self) -> None:
        self.editor.setFocus()
        if self.editor.review(backwards=True) is None:
            self.statusBar().showMessage("Inga fynd", 3000)

    def _on_engine_failed(self, message: str) -> None:
        """Said for as long as it holds (not a message that times out), so that nobody
        takes an unchecked text for a clean one."""
        self.engines.setText(f"⚠ {message} – texten är inte kontrollerad")
        self._engine_failed = True
        self._set_unchecked("Inte kontrollerad")
        self.counts.setText("")

    # -- status bar ------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.engines = QLabel("Startar kontrollmotorn…")
        self.state = QLabel()
        # Not a permanent widget: a message ("Sparat", "Ändrat till …") takes its
        # place for a few seconds. With every label permanent the bar had no room
        # left for messages at all, and the counts were cut off (seen under Xvfb).
        bar.addWidget(self.state, 1)
        bar.addPermanentWidget(self.counts)
        bar.addPermanentWidget(self.engines)
        # A settings file that could not be used as it is (issue 13): said until
        # the settings are saved again, never silently.
        self.settings_warning = QLabel()
        bar.addPermanentWidget(self.settings_warning)
        self._show_settings_problems()
        # A name dictionary that could not be read whole (broken YAML a colleague
        # saved, an entry of the wrong type): its names go unchecked until it is
        # fixed, which the person must see here, not on a terminal they never look at.
        self.dictionary_warning = QLabel()
        self.dictionary_warning.setVisible(False)
        bar.addPermanentWidget(self.dictionary_warning)

    def _show_settings_problems(self) -> None:
        problems = self.settings.problems
        self.settings_warning.setVisible(bool(problems))
        self.settings_warning.setText("⚠ Inställningsfilen kunde inte användas som den är"
                                      if problems else "")
        self.settings_warning.setToolTip("\n".join(problems))
        if problems:
            self.statusBar().showMessage(problems[0], 30_000)

    def _show_dictionary_problems(self) -> None:
        """After every engine build: what the name dictionaries' loading refused,
        by file, line and reason (the tooltip lists them all)."""
        names = next((c for c in getattr(self.checker.engine, "checkers", ())
                      if getattr(c, "name", "") == "names"), None)
        problems = [str(p) for p in getattr(getattr(names, "store", None), "problems", ())]
        self.dictionary_warning.setVisible(bool(problems))
        self.dictionary_warning.setText(
            f"⚠ Fel i namnordlistorna ({len(problems)})" if problems else "")
        self.dictionary_warning.setToolTip("\n".join(problems))
        if problems:
            self.statusBar().showMessage(f"Namnordlista: {problems[0]}", 30_000)

    def _set_state(self, text: str) -> None:
        if self.state.text() != text:
            self.state.setText(text)

    def _update_counts(self) -> None:
        per, hints = self.store.counts()
        parts = [f"<span style='color:{COLOURS[c]}'>■</span> {LABELS[c]} {n}"
                 for c, n in sorted(per.items(), key=lambda kv: list(Category).index(kv[0]))]
        if hints:
            parts.append(f"Tips {hints}")
        self.counts.setText(" &nbsp; ".join(parts) if parts
                            else (self._unchecked or "Inga fynd"))
        self.count_by_category = {str(c): n for c, n in per.items()}

    # -- change log ---------------------------------------------------------------
    def _build_change_dock(self) -> None:
        self.change_table = ChangeTable(self.changes)
        dock = QDockWidget("Ändringslogg", self)
        dock.setObjectName("changelog")
        dock.setWidget(self.change_table)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        dock.visibilityChanged.connect(lambda shown: shown and self.change_table.refresh())
        self.change_dock = dock

    # -- menus ---------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        mb = self.menuBar()
        arkiv = mb.addMenu("&Arkiv")
        self._action(arkiv, "&Nytt", self.new_draft, QKeySequence.StandardKey.New)
        self._action(arkiv, "Ö&ppna…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = arkiv.addMenu("Öppna &senaste")
        self._fill_recent(recent.load())
        arkiv.addSeparator()
        self._action(arkiv, "&Spara", self.save, QKeySequence.StandardKey.Save)
        self._action(arkiv, "Spara so&m…", self.save_as, QKeySequence.StandardKey.SaveAs)
        arkiv.addSeparator()
        self._action(arkiv, "Exportera &ändringslogg (CSV)…", self.export_changes)
        self._action(arkiv, "Exportera &granskningsrapport (HTML)…", self.export_report)
        self._action(arkiv, "Exportera med spårade än&dringar (Word)…",
                     lambda: handback.export_tracked(self),
                     tip="Word-fil där ändringarna syns som spårade ändringar för reportern")
        arkiv.addSeparator()
        self._action(arkiv, "&Avsluta", self.close, QKeySequence.StandardKey.Quit)

        red = mb.addMenu("&Redigera")
        self._action(red, "&Ångra", self.editor.undo, QKeySequence.StandardKey.Undo)
        redo = self._action(red, "&Gör om", self.editor.redo)
        # Ctrl+Y as in Word and on Windows, beside the platform's own (Ctrl+Shift+Z).
        redo.setShortcuts([*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                           QKeySequence("Ctrl+Y")])
        red.addSeparator()
        self._action(red, "Klipp &ut", self.editor.cut, QKeySequence.StandardKey.Cut)
        self._action(red, "&Kopiera", self.editor.copy, QKeySequence.StandardKey.Copy)
        self._action(red, "Klistra &in", self.editor.paste, QKeySequence.StandardKey.Paste)
        self._action(red, "Markera &allt", self.editor.selectAll,
                     QKeySequence.StandardKey.SelectAll)
        red.addSeparator()
        self._action(red, "&Sök…", self.find_text, QKeySequence.StandardKey.Find)
        self._action(red, "Sök och &ersätt…", self.find_replace, "Ctrl+H")

        gr = mb.addMenu("&Granska")
        self._action(gr, "&Nästa fynd", self.review_next, "F8")
        self._action(gr, "&Föregående fynd", self.review_previous, "Shift+F8")
        gr.addSeparator()
        self._action(gr, "&Godta förslaget", lambda: self._on_current(self.accept))
        self._action(gr, "Godta &alla av samma slag", lambda: self._on_current(self.accept_all))
        self._action(gr, "Ändra alla &likadana", lambda: self._on_current(
            lambda fid: change_all.change_all(self, fid)), "Ctrl+Shift+Return",
            tip="Samma ändring överallt där samma ord har samma förslag")
        self._action(gr, "&Ignorera", lambda: self._on_current(self.ignore))
        self._action(gr, "Ignorera ö&verallt",
                     lambda: self._on_current(lambda fid: self.ignore(fid, True)))
        self._action(gr, "&Lägg till i ordlistan",
                     lambda: self._on_current(self.add_to_dictionary))
        self._action(gr, "Lägg till &person i namnordlistan…",
                     lambda: add_person.add_person(self, self.editor.current),
                     tip="Namnet, titeln före och partibeteckningen efter, från texten")
        gr.addSeparator()
        self._action(gr, "&Kontrollera om", self.recheck, "F5")

        visa = mb.addMenu("&Visa")
        cats = visa.addMenu("&Kategorier")
        self.category_actions: dict[Category, QAction] = {}
        for c in Category:
            act = QAction(LABELS[c], self, checkable=True)
            act.setChecked(c not in self.store.hidden)
            act.toggled.connect(lambda on, cat=c: self.show_category(cat, on))
            cats.addAction(act)
            self.category_actions[c] = act
        visa.addAction(self.change_dock.toggleViewAction())
        visa.addSeparator()
        zoom_in = self._action(visa, "Zooma &in", lambda: self.zoom(1))
        zoom_in.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self._action(visa, "Zooma &ut", lambda: self.zoom(-1), "Ctrl+-")
        self._action(visa, "&Normal storlek", lambda: self.zoom(0), "Ctrl+0")
        self.change_dock.toggleViewAction().setText("&Ändringslogg")
        visa.addAction(self.findings_dock.toggleViewAction())
        visa.addAction(self.findings_go_action)

        verktyg = mb.addMenu("&Verktyg")
        self._action(verktyg, "&Inställningar…", self.open_settings,
                     QKeySequence.StandardKey.Preferences)
        self._action(verktyg, "&Ordlistor…", self.open_dictionary_editor)
        self._action(verktyg, "&Min ordlista…", self.open_word_list)

        hjalp = mb.addMenu("&Hjälp")
        self._action(hjalp, "&Tangentbord", self.show_keys, QKeySequence.StandardKey.HelpContents)
        self._action(hjalp, "&Om Proofer", lambda: QMessageBox.about(
            self, "Om Proofer", "Proofer – korrekturläsning av svenska nyhetstexter."))

    def _on_current(self, fn) -> None:  # noqa: ANN001
        item = self.editor.current
        if item is not None:
            fn(item.id)

    def zoom(self, step: int) -> None:
        """Text size up or down a point (0: back to the default); kept in the settings."""
        size = self.editor.set_point_size(
            self.editor.point_size() + step if step else self.editor.default_point_size)
        self.settings.editor_font_size = 0.0 if not step else size
        self.panel.schedule()
        self.statusBar().showMessage(f"Textstorlek {size:g} punkter", 2000)
        try:
            self.settings.save()
        except OSError:
            pass  # saved again on close; the size is no reason to interrupt

    def show_category(self, cat: Category, shown: bool) -> None:
        (self.store.hidden.discard if shown else self.store.hidden.add)(cat)
        self.settings.disabled_categories = sorted(str(c) for c in self.store.hidden)
        self._findings_changed()

    def show_keys(self) -> None:
        QMessageBox.information(self, "Tangentbord", (
            "F8 / Skift+F8: nästa / föregående fynd (startar granskningsläget)\n"
            "I granskningsläget:\n"
            "  Enter: godta första förslaget\n  1–9: godta förslag nummer n\n"
            "  Esc: ignorera fyndet\n"
            "Efter sista fyndet står det Klart – n ändrade, m ignorerade. Utan aktuellt "
            "fynd gör Enter och 1–9 ingenting, och Esc lämnar granskningsläget.\n"
            "Andra tangenter lämnar granskningsläget och skriver som vanligt.\n"
            "Ctrl+Z ångrar en godkänd ändring. F5 kontrollerar om texten."))

    def find_replace(self) -> None:
        from proofer.ui.find_replace import FindReplaceDialog

        if getattr(self, "find_replace_dialog", None) is None:
            self.find_replace_dialog = FindReplaceDialog(self)
        self.find_replace_dialog.open_with_selection()

    def find_text(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        word, ok = QInputDialog.getText(self, "Sök", "Sök efter:")
        if ok and word and not self.editor.find(word):
            self.editor.moveCursor(QTextCursor.MoveOperation.Start)
            if not self.editor.find(word):
                self.statusBar().showMessage(f"Hittade inte ”{word}”", 4000)

    # -- files ------------------------------------------------------------------------
    def _fill_recent(self, items: list[str]) -> None:
        self.recent_menu.clear()
        for p in items:
            self.recent_menu.addAction(p).triggered.connect(
                lambda _=False, path=p: self.open_path(path))
        self.recent_menu.setEnabled(bool(items))

    def _update_title(self) -> None:
        name = self.doc.path.name if self.doc.path else "Namnlös"
        self.setWindowTitle(f"{name}[*] – Proofer")

    def new_draft(self) -> None:
        if self.maybe_save():
            self._show_document(Document(""))

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        pattern = " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, "Öppna text", str(self._dir()),
                                              f"Texter ({pattern});;Alla filer (*)")
        if path:
            self.open_path(path, ask=False)

    def _dir(self) -> Path:
        return self.doc.path.parent if self.doc.path else Path.home()

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        if ask and not self.maybe_save():
            return False
        try:
            doc = load_document(Path(path))
        except LoadError as exc:
            QMessageBox.warning(self, "Kan inte öppna filen", str(exc))
            return False
        self._show_document(doc)
        leftovers.clean_beside(Path(path))
        self._fill_recent(recent.remember(Path(path)))
        for note in doc.notes:
            self.statusBar().showMessage(note, 8000)
        return True

    def _show_document(self, doc: Document, text: str | None = None) -> None:
        autosave.discard(self.doc.path)
        self.doc = doc
        self.opened_doc = handback.snapshot(doc)
        self.store.new_text()
        self.changes.clear()
        self.ignored_log.clear()
        self.change_table.refresh()
        self.editor.leave_review()
        self._set_unchecked("Inte kontrollerad" if self._engine_failed else "Kontrolleras …")
        self.editor.line_breaks = doc.format in ("html", "docx")
        self.editor.set_draft(doc.text if text is None else text, lone_cr=_lone_cr(doc))
        self.editor.document().setModified(text is not None)
        self._update_title()
        self._findings_changed()
        self.checker.new_text()
        self.checker.check_now()

    def save(self) -> bool:
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        suffix = FORMAT_SUFFIX.get(self.doc.format,
                                   self.doc.path.suffix if self.doc.path else ".txt")
        start = str(self.doc.path or self._dir() / f"namnlös{suffix}")
        path, _ = QFileDialog.getSaveFileName(self, "Spara som", start, f"*{suffix}")
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)  # same format as the draft
        # The save dialog has asked before replacing a file, the draft's own included.
        return self._save_to(target, overwrite=True)

    def _save_to(self, target: Path, overwrite: bool = False) -> bool:
        noted = len(self.doc.notes)
        try:
            saved = save_document(self.doc, self.editor_text(), target, overwrite=overwrite)
        except ChangedOnDisk:
            return self._changed_on_disk(target)
        except Exception as exc:  # noqa: BLE001 - any failure is shown; the text stays open
            QMessageBox.critical(self, "Kunde inte spara", failure_text(target, exc))
            return False
        for note in self.doc.notes[noted:]:
            # Saved, but not as it came (a legacy encoding that cannot hold a typed
            # character is now UTF-8): a program that reads the old encoding would
            # garble it, so the person is told, not only the status bar.
            QMessageBox.warning(self, "Sparad på ett annat sätt", f"{Path(saved)}: {note}")
        autosave.discard(self.doc.path)
        self.doc.path = Path(saved)
        self.doc.text = self.editor_text()
        self.editor.document().setModified(False)
        self._update_title()
        self._fill_recent(recent.remember(Path(saved)))
        self.statusBar().showMessage(f"Sparad: {saved}", 5000)
        return True

    def _changed_on_disk(self, target: Path) -> bool:
        """Someone changed the file since it was opened: the person decides."""
        choice = self.ask_changed_on_disk(target)
        if choice == "reload":
            self.reload_from_disk()
            return False
        if choice == "overwrite":
            return self._save_to(target, overwrite=True)
        if choice == "save_as":
            return self.save_as()
        return False

    def ask_changed_on_disk(self, target: Path) -> str:
        """"reload", "overwrite", "save_as" or "cancel"."""
        box, buttons = changed_on_disk_box(self, target)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return next((k for k, b in buttons.items() if b is clicked), "cancel")

    def reload_from_disk(self) -> None:
        """The file as it is on disk now, as one undo step: Ctrl+Z brings back the
        person's own version, so choosing this loses nothing."""
        if self.doc.path is None:
            return
        try:
            fresh = load_document(self.doc.path)
        except LoadError as exc:
            QMessageBox.warning(self, "Kan inte läsa in filen igen", str(exc))
            return
        cur = QTextCursor(self.editor.document())
        cur.select(QTextCursor.SelectionType.Document)
        cur.beginEditBlock()
        self.editor.stand_ins = stand_ins(fresh.text, self.editor.stand_ins,
                                          lone_cr=_lone_cr(fresh))
        cur.insertText(self.editor.shown(fresh.text))
        cur.endEditBlock()
        self.doc = fresh
        self.editor.document().setModified(False)
        self._update_title()
        self.statusBar().showMessage(
            "Inläst igen från disken. Ctrl+Z tar tillbaka din version.", 8000)

    def maybe_save(self) -> bool:
        """Ask before unsaved edits would be lost; False means "stop"."""
        if not self.editor.document().isModified():
            return True
        name = self.doc.path.name if self.doc.path else "Namnlös"
        answer = QMessageBox.question(
            self, "Osparade ändringar", f"Vill du spara ändringarna i {name}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def autosave_now(self) -> bool:
        """False if the copy could not be written (said in the status bar)."""
        if self.editor.document().isModified():
            try:
                state = self.doc.source_data if isinstance(self.doc.source_data, dict) \
                    else {}
                autosave.write(self.doc.path, self.doc.format, self.editor_text(),
                               state.get("fingerprint"))
            except OSError as exc:
                self.statusBar().showMessage(f"Autospara misslyckades: {describe(exc)}", 8000)
                return False
        return True

    def offer_recovery(self) -> None:
        for left in autosave.leftovers():
            name = left.path or "en namnlös text"
            answer = QMessageBox.question(
                self, "Återställa osparade ändringar?",
                f"Proofer avslutades oväntat. Det finns osparade ändringar i {name} "
                f"(autosparade {left.saved.replace('T', ' ')}). Vill du återställa dem?")
            if answer == QMessageBox.StandardButton.Yes:
                doc = Document(left.text, format=left.format)
                if left.path:
                    try:
                        doc = load_document(Path(left.path))
                    except LoadError:
                        doc = Document(left.text, path=Path(left.path), format=left.format)
                    else:
                        # The edits started from the file as it was then: if someone
                        # saved it since, Spara asks, as it would have before the crash.
                        if left.base is not None and isinstance(doc.source_data, dict):
                            doc.source_data["fingerprint"] = left.base
                self._show_document(doc, text=left.text)
                # Ours at once, before the crash's copy goes: a crash before the next
                # timer tick would otherwise lose the recovered text a second time.
                if not self.autosave_now():
                    break  # the crash's copy stays for the next start
            left.file.unlink(missing_ok=True)
            if answer == QMessageBox.StandardButton.Yes:
                break

    def dragEnterEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(urls[0])

    # -- exports -------------------------------------------------------------------------
    def export_changes(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Exportera ändringslogg",
                                              str(self._dir() / "ändringar.csv"), "CSV (*.csv)")
        if path:
            self._write_export(Path(path), "\ufeff" + self.changes.to_csv())  # Excel: UTF-8

    def export_report(self) -> None:
        stem = self.doc.path.stem if self.doc.path else "namnlös"
        path, _ = QFileDialog.getSaveFileName(self, "Exportera granskningsrapport",
                                              str(self._dir() / f"{stem}-granskning.html"),
                                              "HTML (*.html)")
        if path:
            engines = self.checker.last_report.engines if self.checker.last_report else {}
            html = report_html(self.doc.path.name if self.doc.path else "Namnlös",
                               self.editor_text(), self.findings(), engines,
                               changes=[c for c in self.changes.changes
                                        if not c.is_undone(self.changes.available)],
                               ignored=self.ignored_log.items)
            self._write_export(Path(path), html)

    def _write_export(self, path: Path, text: str) -> None:
        from proofer.safe_write import atomic_write_text

        try:
            atomic_write_text(path, text)
        except OSError as exc:
            QMessageBox.critical(self, "Kunde inte exportera", failure_text(path, exc))
            return
        self.statusBar().showMessage(f"Exporterad: {path}", 5000)

    # -- settings and dictionaries -------------------------------------------------------
    def open_settings(self) -> None:
        from proofer.ui.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self)
        if dlg.exec():
            self.apply_settings(dlg.result_settings())
        dlg.deleteLater()

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.dictionary_window is not None and not self.dictionary_window.isVisible():
            self.dictionary_window.deleteLater()  # re-opened with the new paths
            self.dictionary_window = None
        try:
            settings.save()
            settings.problems = []
        except OSError as exc:
            QMessageBox.warning(self, "Kunde inte spara inställningarna", describe(exc))
        self._show_settings_problems()
        self.store.hidden = {Category(c) for c in settings.disabled_categories
                             if c in Category._value2member_map_}
        for c, act in self.category_actions.items():
            act.blockSignals(True)
            act.setChecked(c not in self.store.hidden)
            act.blockSignals(False)
        self._findings_changed()
        self.reload_dictionaries()

    def open_dictionary_editor(self) -> None:
        from proofer.ui.dictionary_editor import DictionaryWindow

        if self.dictionary_window is None:
            self.dictionary_window = DictionaryWindow(self.settings, self)
            # The watcher would notice too; this is immediate and cannot miss.
            self.dictionary_window.saved.connect(lambda _p: self.reload_dictionaries())
        self.dictionary_window.show()
        self.dictionary_window.raise_()

    def open_word_list(self) -> None:
        from proofer.ui.word_list_editor import WordListDialog

        dlg = WordListDialog(self.settings, self)
        dlg.saved.connect(lambda _p: self.reload_dictionaries())
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.word_list_dialog = dlg
        dlg.show()

    def _watched_paths(self) -> list[str]:
        paths = [str(p) for p in self.settings.dictionary_files()]
        paths.append(str(self.settings.personal_words_path))
        paths += [p for p in self.settings.dictionary_paths if Path(p).is_dir()]
        # The folders too, so that a dictionary created after start-up is noticed.
        paths += [str(self.settings.user_dictionary_path.parent),
                  str(self.settings.personal_words_path.parent)]
        return sorted({p for p in paths if Path(p).exists()})

    def _watch_dictionaries(self) -> None:
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        paths = self._watched_paths()
        if paths:
            self.watcher.addPaths(paths)

    def _dictionary_changed(self, _path: str) -> None:
        self._watch_timer.start()

    def dictionary_state(self) -> list[tuple[str, int, int, int]]:
        """Which dictionaries there are and their stat: what a rebuilt engine would
        read differently."""
        paths = [*self.settings.dictionary_files(), self.settings.personal_words_path]
        state = []
        for path in paths:
            try:
                st = path.stat()
            except OSError:
                continue
            state.append((str(path), st.st_mtime_ns, st.st_size, st.st_ino))
        return state

    def _dictionaries_maybe_changed(self) -> None:
        """A watched file or folder changed. The folders are watched so that a
        dictionary created after start-up is seen, but the user's dictionary folder
        is also the one where recent.json, settings.json and the caches are written
        (opening a draft, zooming): only a change to a dictionary rebuilds the engine
        (seconds of work that held up the first findings of every opened draft)."""
        if self.dictionary_state() == self._dictionary_state:
            self._watch_dictionaries()  # a replaced file drops out of the watch
            return
        self.reload_dictionaries()

    def reload_dictionaries(self) -> None:
        """A dictionary or the settings changed: a fresh engine re-checks the draft."""
        self._watch_timer.stop()
        self._watch_dictionaries()
        self._dictionary_state = self.dictionary_state()
        self._set_state("Läser in ordlistorna…")
        self.checker.rebuild(self.settings)

    def recheck(self) -> None:
        if self.checker.engine is not None:
            self.checker.engine.invalidate()
        self.checker.check_now()

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        autosave.discard(self.doc.path)
        self.autosave_timer.stop()
        self.checker.close()
        try:
            self.settings.save()
        except OSError:
            pass
        event.accept()
