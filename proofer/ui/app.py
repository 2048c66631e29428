"""Entry point: `python main.py [FILE]` or `python main.py --screenshot OUT.png FILE`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from proofer import leftovers, word_table
from proofer.settings import Settings

SCREENSHOT_SIZE = (1280, 800)
SCREENSHOT_TIMEOUT_S = 120


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="proofer-gui", description="Proofer – korrekturläsning")
    p.add_argument("file", nargs="?", help="texten som ska öppnas")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="öppna FILE, vänta på kontrollen, spara en bild av fönstret och avsluta")
    p.add_argument("--languagetool", choices=["local", "server", "public", "off"],
                   help="LanguageTool-läge för den här körningen")
    return p


def application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(["proofer", *argv])
    app.setApplicationName("Proofer")
    app.setOrganizationName("Proofer")
    return app  # type: ignore[return-value]


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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshot and not (os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY")
                                or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    app = application([])
    from proofer.ui.main_window import MainWindow

    settings = Settings.load()
    if args.languagetool:
        settings.languagetool_mode = args.languagetool
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
    window = MainWindow(settings)
    if args.screenshot:
        window.open_path(args.file, ask=False)
        ok = screenshot(window, Path(args.screenshot))
        window.checker.close()
        print(f"Skärmbild: {args.screenshot}" + ("" if ok else " (kontrollen hann inte bli klar)"))
        return 0 if ok else 1
    window.show()
    word_table.prepare_in_background()  # a faster check from the next start on
    if args.file:
        window.open_path(args.file, ask=False)
    QTimer.singleShot(0, window.offer_recovery)
    return app.exec()
