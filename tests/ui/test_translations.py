"""Qt's own dialogs and menus speak Swedish, like the rest of the app."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from proofer.ui.app import install_swedish


def test_qt_dialogs_and_menus_are_swedish(qtbot, window, qapp) -> None:  # noqa: ANN001
    installed = install_swedish(qapp)
    try:
        assert installed
        box = QMessageBox(QMessageBox.Icon.Question, "Osparade ändringar", "Spara?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, window)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Spara", "Förkasta", "Avbryt"}, texts
        box.deleteLater()
        yes_no = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                             QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        assert {b.text().replace("&", "") for b in yes_no.buttons()} == {"Ja", "Nej"}
        yes_no.deleteLater()
        menu = window.editor.createStandardContextMenu()
        words = [a.text().split("\t")[0].replace("&", "") for a in menu.actions()
                 if not a.isSeparator()]
        assert "Ångra" in words and "Klistra in" in words, words
        menu.deleteLater()
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
