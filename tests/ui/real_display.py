"""Run the real app in a real X server (Xvfb) with Qt's xcb platform plugin.

The GUI tests run offscreen, which loads none of the X libraries a person's desktop
needs: a missing `libxcb-*` once left `bash scripts/run.sh` without a window while every
test passed. This starts `main.py` exactly as run.sh does, on a private Xvfb display,
finds its window with xdotool and grabs the screen.

    python -m tests.ui.real_display OUT.png [FILE] [--key F8 --key Return ...]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREEN = "1600x1000x24"


def missing_tools() -> list[str]:
    return [t for t in ("Xvfb", "xdotool") if shutil.which(t) is None]


@contextmanager
def xvfb() -> Iterator[str]:
    """A fresh X display (Xvfb picks a free number and tells it on a pipe).

    -noreset: by default an X server resets when its last client leaves, and a client
    connecting during the reset is refused. The polling xdotool is often that last
    client, so the app starting beside it died now and then with "could not connect to
    display" (5 in 40 starts here; none with -noreset)."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN,
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb startade inte")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def app_env(display: str, config: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    # PROOFER_DEBUG: tracebacks, and a line on stderr when a check is on screen.
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", PROOFER_CONFIG_DIR=str(config),
               PROOFER_DEBUG="1")
    env.pop("WAYLAND_DISPLAY", None)
    return env


def xdotool(env: dict[str, str], *args: str) -> str:
    out = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                         timeout=20)
    return out.stdout.strip()


def wait_for_window(env: dict[str, str], app: subprocess.Popen, log: Path,
                    timeout_s: float) -> str:
    """The id of the app's visible main window; raises with Qt's own words if the app
    died (a platform plugin that could not load) or no window came."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if app.poll() is not None:
            err = log.read_text(errors="replace") if log.exists() else ""
            raise RuntimeError(f"appen avslutades ({app.returncode}) utan fönster:\n{err}")
        found = xdotool(env, "search", "--onlyvisible", "--name", "Proofer")
        if found:
            return found.splitlines()[0]
        time.sleep(0.3)
    raise RuntimeError(f"inget Proofer-fönster efter {timeout_s:.0f} s")


def focus(env: dict[str, str], win: str) -> None:
    """Keyboard focus to the window (Xvfb runs no window manager to give it)."""
    xdotool(env, "windowfocus", "--sync", win)
    time.sleep(0.5)


def grab_screen(env: dict[str, str], out: Path) -> None:
    """The whole X screen to a PNG, by a second Qt client on the same display."""
    code = ("import sys\nfrom PySide6.QtGui import QGuiApplication\n"
            "app = QGuiApplication(sys.argv)\n"
            "ok = app.primaryScreen().grabWindow(0).save(sys.argv[1])\n"
            "sys.exit(0 if ok else 1)\n")
    subprocess.run([sys.executable, "-c", code, str(out)], env=env, check=True, timeout=60)


@contextmanager
def running_app(display: str, config: Path, file: Path | None,
                timeout_s: float = 60) -> Iterator[tuple[dict[str, str], str]]:
    env = app_env(display, config)
    args = [sys.executable, str(ROOT / "main.py"), "--languagetool", "off"]
    if file is not None:
        args.append(str(file))
    config.mkdir(parents=True, exist_ok=True)
    log = config / "stderr.txt"  # a file, not a pipe nobody reads while it runs
    with log.open("w") as err:
        app = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=err)
    try:
        yield env, wait_for_window(env, app, log, timeout_s)
    finally:
        app.terminate()
        try:
            app.wait(15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(5)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="skärmbilden (PNG); med --key en bild per steg")
    p.add_argument("file", nargs="?", type=Path)
    p.add_argument("--key", action="append", default=[],
                   help="tangent att trycka (xdotool-namn: F8, Return, Escape …)")
    p.add_argument("--settle", type=float, default=8.0,
                   help="sekunder att vänta på kontrollen innan första bilden")
    args = p.parse_args(argv)
    if missing_tools():
        print(f"saknas: {', '.join(missing_tools())} (scripts/setup.sh installerar dem)",
              file=sys.stderr)
        return 2
    import tempfile

    with tempfile.TemporaryDirectory() as config, xvfb() as display, \
            running_app(display, Path(config), args.file) as (env, win):
        time.sleep(args.settle)
        grab_screen(env, args.out)
        print(args.out)
        for n, key in enumerate(args.key, 1):
            focus(env, win)
            xdotool(env, "key", key)
            time.sleep(1.5)
            shot = args.out.with_name(f"{args.out.stem}-{n}-{key}{args.out.suffix}")
            grab_screen(env, shot)
            print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
