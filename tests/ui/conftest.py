"""Fixtures for GUI tests: fresh settings in tmp paths, LanguageTool off, background
work run synchronously, and no real dialogs (they would block an offscreen run)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# pytest-qt creates its QApplication once per session, before any function-scoped
# fixture could set the platform: it must be set when this module loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from proofer.settings import Settings
from proofer.ui.background import SyncRunner
from proofer.ui.main_window import MainWindow

# ../shared beside the repository, wherever it is checked out (CI clones elsewhere).
SEED = Path(__file__).resolve().parents[3] / "shared/seed/000_8721c30d24de697f.txt"


class Dialogs:
    """Records every message box and answers questions with a preset button."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Discard
        self.save_path = ""
        self.open_path = ""

    def record(self, kind: str):  # noqa: ANN201
        def show(_parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
            self.shown.append((kind, title, text))
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    d = Dialogs()
    for kind in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(d.record(kind)))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(d.record("about")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (d.save_path, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (d.open_path, "")))
    return d


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(languagetool_mode="off",
                    user_dictionary=str(tmp_path / "dict" / "egna-namn.yaml"),
                    personal_words=str(tmp_path / "dict" / "ord.txt"),
                    proposals_file=str(tmp_path / "dict" / "forslag.yaml"))


@pytest.fixture
def window(qtbot, settings: Settings, dialogs: Dialogs):  # noqa: ANN001, ANN201
    win = MainWindow(settings, runner=SyncRunner())
    win.checker.timer.setInterval(5)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.editor.document().setModified(False)
    win.checker.close()


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    target = tmp_path / "artikel.txt"
    shutil.copy(SEED, target)
    return target


def wait_checked(qtbot, win) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: win.checker.idle, timeout=20_000)
    qtbot.wait(1)  # coalesced underline/card updates run on the next loop turn
