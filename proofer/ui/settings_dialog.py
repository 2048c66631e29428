"""Verktyg → Inställningar: LanguageTool, dictionaries, which categories are shown."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from proofer.finding import Category
from proofer.settings import Settings
from proofer.ui.style import LABELS

MODES = [("local", "Lokal server på den här datorn"),
         ("server", "Redaktionens server (adress nedan)"),
         ("public", "Publik server på internet"),
         ("off", "Av")]

PUBLIC_WARNING = ("Varning: med en publik server skickas hela texten till en extern tjänst "
                  "på internet. Använd det inte för opublicerat eller känsligt material.")


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inställningar")
        self.settings = settings
        root = QVBoxLayout(self)

        lt = QGroupBox("LanguageTool (grammatik)")
        form = QFormLayout(lt)
        self.mode = QComboBox()
        for key, label in MODES:
            self.mode.addItem(label, key)
        self.mode.setCurrentIndex(max(0, [k for k, _ in MODES].index(settings.languagetool_mode)
                                      if settings.languagetool_mode in dict(MODES) else 0))
        form.addRow("Läge:", self.mode)
        self.url = QLineEdit(settings.languagetool_url)
        self.url.setPlaceholderText("http://languagetool.redaktionen.local:8081")
        form.addRow("Serveradress:", self.url)
        self.warning = QLabel(PUBLIC_WARNING)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        form.addRow(self.warning)
        self.consent = QCheckBox("Jag förstår att texten skickas ut")
        self.consent.setChecked(settings.languagetool_allow_public)
        form.addRow(self.consent)
        root.addWidget(lt)
        self.mode.currentIndexChanged.connect(self._mode_changed)

        dicts = QGroupBox("Ordlistor")
        dl = QVBoxLayout(dicts)
        dl.addWidget(QLabel("Redaktionens namnordlistor (filer eller mappar):"))
        self.paths = QListWidget()
        self.paths.addItems(settings.dictionary_paths)
        dl.addWidget(self.paths)
        row = QHBoxLayout()
        for text, slot in (("Lägg till fil…", self._add_file), ("Lägg till mapp…", self._add_dir),
                           ("Ta bort", self._remove_path)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        dl.addLayout(row)
        pf = QFormLayout()
        self.user_dict = self._path_row(pf, "Egen namnordlista:", settings.user_dictionary,
                                        str(settings.user_dictionary_path))
        self.personal = self._path_row(pf, "Egen ordlista (ord):", settings.personal_words,
                                       str(settings.personal_words_path))
        self.proposals = self._path_row(pf, "Förslagsfil:", settings.proposals_file,
                                        str(settings.proposals_path))
        dl.addLayout(pf)
        root.addWidget(dicts)

        cats = QGroupBox("Visa kategorier")
        cl = QHBoxLayout(cats)
        self.categories: dict[Category, QCheckBox] = {}
        for c in Category:
            box = QCheckBox(LABELS[c])
            box.setChecked(str(c) not in settings.disabled_categories)
            cl.addWidget(box)
            self.categories[c] = box
        root.addWidget(cats)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Spara")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        root.addWidget(self.error)
        self._mode_changed()

    def _path_row(self, form: QFormLayout, label: str, value: str, default: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setPlaceholderText(default)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        b = QPushButton("Välj…")
        b.clicked.connect(lambda: self._browse(edit))
        row.addWidget(b)
        form.addRow(label, row)
        return edit

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Välj fil", edit.text() or
                                              edit.placeholderText(),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            edit.setText(path)

    def _add_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Namnordlista", "", "YAML (*.yaml *.yml)")
        if path:
            self.paths.addItem(path)

    def _add_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Mapp med namnordlistor")
        if path:
            self.paths.addItem(path)

    def _remove_path(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))

    def _mode_changed(self) -> None:
        mode = self.mode.currentData()
        self.url.setEnabled(mode == "server")
        self.warning.setVisible(mode == "public")
        self.consent.setVisible(mode == "public")

    def _accept(self) -> None:
        mode = self.mode.currentData()
        if mode == "server" and not self.url.text().strip():
            self.error.setText("Ange serverns adress.")
            return
        if mode == "public" and not self.consent.isChecked():
            self.error.setText("Bekräfta att texten får skickas till en publik server.")
            return
        self.accept()

    def result_settings(self) -> Settings:
        return replace(
            self.settings,
            languagetool_mode=self.mode.currentData(),
            languagetool_url=self.url.text().strip(),
            languagetool_allow_public=(self.mode.currentData() == "public"
                                       and self.consent.isChecked()),
            dictionary_paths=[self.paths.item(i).text() for i in range(self.paths.count())],
            user_dictionary=self.user_dict.text().strip(),
            personal_words=self.personal.text().strip(),
            proposals_file=self.proposals.text().strip(),
            disabled_categories=sorted(str(c) for c, box in self.categories.items()
                                       if not box.isChecked()),
        )
