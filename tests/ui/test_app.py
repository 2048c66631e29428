"""The command line, the screenshot mode, settings and the status bar."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from proofer.engine_status import engine_status_text
from proofer.settings import Settings
from proofer.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import SEED, wait_checked

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_mode(tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / "bild.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PROOFER_CONFIG_DIR": str(tmp_path / "cfg")}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--languagetool", "off",
                          "--screenshot", str(out), str(SEED)],
                         env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_screenshot_of_missing_file_fails_cleanly(tmp_path) -> None:  # noqa: ANN001
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PROOFER_CONFIG_DIR": str(tmp_path / "cfg")}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot",
                          str(tmp_path / "x.png"), str(tmp_path / "saknas.txt")],
                         env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "finns inte" in run.stderr


def test_status_bar_shows_engines(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    assert "LanguageTool: av" in window.engines.text()
    assert engine_status_text("languagetool", "unavailable: ingen server") == \
        "LanguageTool: ej tillgänglig – ingen server"
    # Only what is not running as it should; the whole list in the tooltip.
    assert "Stavning" not in window.engines.text()
    assert "Stavning: ok" in window.engines.toolTip()


def test_an_unavailable_engine_is_named_without_its_reason_in_the_bar() -> None:
    """The reason (a path, an install hint) is the tooltip's: in the bar it pushed the
    counts out of view at the default width."""
    from proofer.ui.style import engines_summary

    engines = {"spelling": "ok", "languagetool": "unavailable: ingen languagetool-server.jar i "
               "/root/.cache/language_tool_python; sätt LTP_JAR_DIR_PATH"}
    assert engines_summary(engines) == "LanguageTool: ej tillgänglig"


def test_status_bar_has_room_for_counts_and_messages(qtbot, window, seed) -> None:  # noqa: ANN001
    # Seen under Xvfb at the default size (about 960 px): the counts were cut off
    # and a message such as "Sparat" had no room at all.
    window.resize(960, 620)
    window.open_path(seed)
    wait_checked(qtbot, window)
    qtbot.wait(20)
    assert window.counts.width() >= window.counts.sizeHint().width()
    window.statusBar().showMessage("Sparat: artikel.txt", 5000)
    qtbot.wait(20)
    assert not window.state.isVisible()  # the message has its place
    window.statusBar().clearMessage()
    qtbot.wait(20)
    assert window.state.isVisible()


def test_settings_dialog(qtbot) -> None:  # noqa: ANN001
    dlg = SettingsDialog(Settings(languagetool_mode="off"))
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.warning.isVisible()
    dlg.mode.setCurrentIndex(dlg.mode.findData("public"))
    assert dlg.warning.isVisible() and "skickas" in dlg.warning.text()
    dlg._accept()
    assert dlg.result() == 0 and "Bekräfta" in dlg.error.text()
    dlg.consent.setChecked(True)
    dlg.categories[next(iter(dlg.categories))].setChecked(False)
    dlg._accept()
    s = dlg.result_settings()
    assert s.languagetool_mode == "public" and s.languagetool_allow_public
    assert s.disabled_categories == ["spelling"]


def test_apply_settings_saves_and_hides(qtbot, window, seed) -> None:  # noqa: ANN001
    window.open_path(seed)
    wait_checked(qtbot, window)
    from dataclasses import replace

    window.apply_settings(replace(window.settings, disabled_categories=["name"]))
    assert Settings.load().disabled_categories == ["name"]
    assert not window.category_actions[next(c for c in window.category_actions
                                            if str(c) == "name")].isChecked()
    wait_checked(qtbot, window)
    assert all(str(i.finding.category) != "name" for i in window.store.visible())


def test_settings_problems_are_shown_until_saved(qtbot, settings, dialogs) -> None:  # noqa: ANN001
    """Issue 13: a broken settings.json is said in the status bar, not hidden."""
    from proofer.ui.background import SyncRunner
    from proofer.ui.main_window import MainWindow

    settings.problems = ["settings.json: är inte giltig JSON (rad 3, kolumn 1)"]
    win = MainWindow(settings, runner=SyncRunner())
    qtbot.addWidget(win)
    win.show()
    assert not win.settings_warning.isHidden()
    assert "rad 3" in win.settings_warning.toolTip()
    fixed = type(settings)(**{**settings.__dict__, "problems": []})
    win.apply_settings(fixed)
    assert win.settings_warning.isHidden()
    win.checker.close()


def test_the_window_waits_for_no_checker_module() -> None:
    # The engine's modules (the speller with its error model and YAML data, the
    # checkers, the word table) are imported on the worker thread once the window
    # is on screen; importing them first held the window up (issue 12).
    code = ("import sys\nimport proofer.ui.app, proofer.ui.main_window, proofer.ui.handover\n"
            "print(sorted(m for m in ('proofer.speller', 'proofer.engine', 'proofer.word_table',"
            " 'proofer.checkers.base', 'docx') if m in sys.modules))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, cwd=ROOT, check=True)
    assert run.stdout.strip() == "[]", run.stdout
