"""Start-up of the desktop app as a user feels it: the window on screen, and the
first findings of a 1,000-word draft, counted from the moment the process starts.

Targets (issue 12): window ≤ 1 s, first findings ≤ 2 s. Prints, for N interleaved
runs, the best and median of:
  bare      a bare PySide6 window with a QPlainTextEdit holding the same draft (what
            Python and Qt themselves cost to start): the baseline
  window    Proofer's main window exposed (`python main.py DRAFT`)
  findings  Proofer's first findings on screen
and the ratios to the baseline. Each run is a fresh process, as a start after
log-in: the byte-code is compiled and the caches in the config folder are prepared
beforehand (`proofer prepare`, as `scripts/setup.sh` does, and one untimed start for
the name and rule caches).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_app_start.py [RUNS]
        [--before CHECKOUT] [--config DIR]

--before runs another checkout's app too (the code before a change, e.g. from
`git archive`), interleaved with this one, so both are measured under the same load.
--config reuses a config folder prepared by an earlier run (the word table takes a
minute or more to build on a busy machine).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared/seed/000_8721c30d24de697f.txt"
WORDS = 1_000
TIMEOUT_S = 120

# Each child prints one JSON line of wall-clock times (time.time(), comparable
# across processes) and exits.
_BARE = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication([])
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Expose and not hasattr(self, "t"):
            self.t = time.time()
            QTimer.singleShot(0, app.quit)
        return False
w = Watch(); app.installEventFilter(w)
win = QMainWindow(); ed = QPlainTextEdit(); win.setCentralWidget(ed)
ed.setPlainText(open(sys.argv[1], encoding="utf-8").read())
win.resize(1280, 800); win.show(); app.exec()
print(json.dumps({"window": w.t}))
"""

_PROOFER = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from proofer.ui import app as appmod
from proofer.ui import main_window
times = {}
class Watch(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Expose and "window" not in times:
            times["window"] = time.time()
        return False
watch = Watch()
make_app = appmod.application
def application(argv):
    app = make_app(argv)
    app.installEventFilter(watch)
    return app
appmod.application = application
shown = main_window.MainWindow._on_checked
def on_checked(self, *args):
    shown(self, *args)
    if self.store.items and "findings" not in times:
        times["findings"] = time.time()
        times["count"] = len(self.store.items)
        self.document_modified = False
        QTimer.singleShot(0, self.close)
main_window.MainWindow._on_checked = on_checked
appmod.main([sys.argv[1], "--languagetool", "off"])
print(json.dumps(times))
"""


def draft(words: int = WORDS) -> str:
    base = SEED.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    n = 0
    while sum(len(line.split()) for line in out) < words:
        n += 1
        out.extend(f"{line} (del {n})" if line.strip() else line for line in base)
    return "\n".join(out)


def run(code: str, path: Path, config: Path, root: Path = ROOT) -> dict[str, float]:
    env = {**os.environ, "PROOFER_CONFIG_DIR": str(config), "PYTHONPATH": str(root),
           "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, str(path)], cwd=root, env=env,
                         capture_output=True, text=True, timeout=TIMEOUT_S, check=True)
    line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
    return {k: (v - start if k != "count" else v) for k, v in json.loads(line).items()}


def main() -> None:
    args = sys.argv[1:]
    before = Path(args.pop(args.index("--before") + 1)).resolve() if "--before" in args \
        else None
    config = Path(args.pop(args.index("--config") + 1)) if "--config" in args else None
    args = [a for a in args if a not in ("--before", "--config")]
    runs = int(args[0]) if args else 5
    folder = Path(tempfile.mkdtemp(prefix="proofer-start-"))
    path = folder / "utkast.txt"
    path.write_text(draft(), encoding="utf-8")
    print(f"draft: {len(path.read_text(encoding='utf-8').split())} words; {runs} runs, "
          "interleaved")
    config = config or folder / "config"
    print(f"config folder: {config}")
    subprocess.run([sys.executable, "-m", "proofer", "prepare", "--quiet"], cwd=ROOT,
                   env={**os.environ, "PROOFER_CONFIG_DIR": str(config)}, check=True)
    for root in (ROOT, before):  # byte-code written, as scripts/setup.sh leaves it
        if root is not None:
            subprocess.run([sys.executable, "-m", "compileall", "-q", "proofer"], cwd=root,
                           check=False, capture_output=True)
    run(_PROOFER, path, config)  # untimed: fills the name and rule caches
    if before is not None:
        run(_PROOFER, path, config, before)
    rows: dict[str, list[float]] = {k: [] for k in (
        "bare", "window", "findings", "window before", "findings before")}
    for k in range(runs):
        rows["bare"].append(run(_BARE, path, folder / f"bare{k}")["window"])
        if before is not None:
            t = run(_PROOFER, path, config, before)
            rows["window before"].append(t["window"])
            rows["findings before"].append(t["findings"])
        t = run(_PROOFER, path, config)
        rows["window"].append(t["window"])
        rows["findings"].append(t["findings"])
        print(f"  run {k + 1}: " + ", ".join(f"{name} {xs[-1]:.2f} s"
                                             for name, xs in rows.items() if xs)
              + f" ({int(t['count'])} findings)")
    b = min(rows["bare"])
    for name, xs in rows.items():
        if not xs:
            continue
        target = 1.0 if name.startswith("window") else 2.0 if name.startswith(
            "findings") else None
        best, med = min(xs), statistics.median(xs)
        verdict = "" if target is None else (
            f"  target ≤ {target:.0f} s: {'met' if best <= target else 'OVER'} (best), "
            f"{'met' if med <= target else 'OVER'} (median)")
        print(f"{name:16s} best {best:.2f} s  median {med:.2f} s  x{best / b:.2f} bare{verdict}")


if __name__ == "__main__":
    main()
