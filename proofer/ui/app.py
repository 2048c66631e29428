"""Entry point: `python main.py [FILE]` or `python main.py --screenshot OUT.png FILE`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from proofer import argparse_sv, leftovers
from proofer.settings import Settings

SCREENSHOT_SIZE = (1280, 800)
SCREENSHOT_TIMEOUT_S = 120


def _parser() -> argparse.ArgumentParser:
    argparse_sv.install()
    p = argparse.ArgumentParser(prog="proofer-gui", description="Proofer – korrekturläsning")
    p.add_argument("file", nargs="?", help="texten som ska öppnas")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="öppna FILE, vänta på kontrollen, spara en bild av fönstret och avsluta")
    p.add_argument("--languagetool", choices=["local", "server", "public", "off"],
                   help="LanguageTool-läge för den här körningen")
    return p


#: Qt's own catalogue for its dialogs, buttons and the text field's menu (shipped
#: with PySide6 in QLibraryInfo's translations folder).
QT_CATALOGUES = ("qtbase_sv",)


def application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(["proofer", *argv])
    app.setApplicationName("Proofer")
    app.setOrganizationName("Proofer")
    install_swedish(app)
    return app  # type: ignore[return-value]


def install_swedish(app: QCoreApplication) -> list[QTranslator]:
    """Qt's own words in Swedish: Spara/Avbryt in message boxes, the file dialogs,
    Ångra/Klipp ut in the text field's menu. Without this they stay English whatever
    the user's language, as every other string in the app is Swedish. Swedish dates
    and numbers too (QLocale)."""
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    for name in QT_CATALOGUES:
        translator = QTranslator(app)  # the app keeps it alive
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            print(f"proofer: Qt:s svenska översättning {name} saknas i {folder}",
                  file=sys.stderr)
    return installed


def wait_until_checked(window, timeout_s: float = SCREENSHOT_TIMEOUT_S) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if window.checker.idle:
            return True
        time.sleep(0.01)
    return False


def screenshot(window, out: Path) -> bool:  # noqa: ANN001
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    ok = wait_until_checked(window)
    for _ in range(5):  # let the cards and underlines settle
        QCoreApplication.processEvents()
        window.panel.relayout()
        window.editor.refresh_underlines()
    out.parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(out)) and ok


def _prepare_word_table() -> None:
    """Imported here, after the window: the word table's module brings the speller
    and the YAML loader with it (a fifth of a second before the window on a busy
    machine), which the engine, built on the worker thread, imports anyway."""
    from proofer import word_table

    word_table.prepare_in_background()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot and not (os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
                                or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    settings = Settings.load()
    if args.languagetool:
        settings.languagetool_mode = args.languagetool
    app = application([])
    from proofer.ui.main_window import MainWindow

    if args.screenshot:
        if not args.file:
            print("--screenshot kräver en FIL", file=sys.stderr)
            return 2
        from proofer.formats import LoadError, load_document

        try:
            load_document(Path(args.file))
        except LoadError as exc:
            print(str(exc), file=sys.stderr)
            return 1
    leftovers.clean_at_start(settings)
    if args.screenshot:
        window = MainWindow(settings)
        window.open_path(args.file, ask=False)
        ok = screenshot(window, Path(args.screenshot))
        window.checker.close()
        print(f"Skärmbild: {args.screenshot}" + ("" if ok else " (kontrollen hann inte bli klar)"))
        return 0 if ok else 1
    window = MainWindow(settings, start_engine=False)
    # Once the first findings are on screen, the live checks move to a worker
    # process, so that typing does not wait for a check (proofer.ui.handover).
    from proofer.ui.handover import Handover

    handover = Handover(window.checker, lambda: window.settings)
    app.aboutToQuit.connect(handover.close)
    window.show()
    if args.file:
        window.open_path(args.file, ask=False)  # shown at once, checked when the engine is
    # The window and the draft first, then the engine (it is built on the worker
    # thread, whose long stretches of Python would otherwise hold up the first paint).
    QTimer.singleShot(0, window.start_engine)
    QTimer.singleShot(0, window.offer_recovery)
    QTimer.singleShot(0, _prepare_word_table)  # faster from the next start
    return app.exec()
