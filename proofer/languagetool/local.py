"""A LanguageTool server on this machine: find Java and an installed LanguageTool,
start the server, stop it again.

language-tool-python decides where LanguageTool lives (its download folder, or the
LTP_JAR_DIR_PATH variable for an installed copy) and how its server is started; we
reuse those conventions but not its LanguageTool() constructor, because that
downloads LanguageTool when it is missing (which hangs without internet), tries up
to 900 ports one after the other, and blocks for its whole start-up. Here a missing
Java or jar is a clear status at once, and the start-up runs in the background.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import IO

JAR_DIR_VARIABLE = "LTP_JAR_DIR_PATH"  # language-tool-python's name for an installed copy
DOWNLOAD_DIR_VARIABLE = "LTP_PATH"  # language-tool-python's download folder
JAR_NAMES = ("languagetool-server.jar", "LanguageTool.jar", "languagetool.jar")
SERVER_CLASS = "org.languagetool.server.HTTPServer"


@dataclass(frozen=True, slots=True)
class Install:
    java: str
    jar: Path


def download_dir() -> Path:
    """Where language-tool-python puts LanguageTool, without creating the folder as its
    own helper would, and without importing it (0.2 s) just to learn that nothing is
    there; a test keeps our names equal to the library's."""
    default = Path.home() / ".cache" / "language_tool_python"
    return Path(os.environ.get(DOWNLOAD_DIR_VARIABLE) or default)


def find_install() -> Install | str:
    """Java and the LanguageTool jar, or why not (a Swedish sentence)."""
    java = shutil.which("java")
    jar = find_jar()
    if java is None and isinstance(jar, str):
        return ("Java saknas och LanguageTool är inte installerat – se docs/languagetool.md "
                "(eller välj en LanguageTool-server med --languagetool-url)")
    if java is None:
        return ("Java saknas (hittades inte i PATH) – installera Java 17 eller senare för att "
                "köra LanguageTool på den här datorn")
    if isinstance(jar, str):
        return jar
    return Install(java, jar)


def find_jar() -> Path | str:
    configured = os.environ.get(JAR_DIR_VARIABLE)
    if configured:
        folder = Path(configured)
        if not folder.is_dir():
            return f"{JAR_DIR_VARIABLE} pekar på {folder}, som inte är en mapp"
        jar = _jar_in(folder)
        if jar is None:
            return f"ingen languagetool-server.jar i {folder} ({JAR_DIR_VARIABLE})"
        return jar
    folder = download_dir()
    installs = [d for d in _installed_dirs(folder) if _jar_in(d) is not None]
    if not installs:
        return (f"LanguageTool är inte installerat (ingen languagetool-server.jar i {folder}; "
                f"sätt {JAR_DIR_VARIABLE} eller se docs/languagetool.md)")
    jar = _jar_in(_newest(installs))
    assert jar is not None
    return jar


def _installed_dirs(folder: Path) -> list[Path]:
    try:
        return [d for d in folder.glob("LanguageTool*") if d.is_dir()]
    except OSError:
        return []


def _jar_in(folder: Path) -> Path | None:
    for name in JAR_NAMES:
        if (folder / name).is_file():
            return folder / name
    return None


def _newest(dirs: list[Path]) -> Path:
    """language-tool-python's own version order (6.10 after 6.9, snapshots by date)."""
    try:
        from language_tool_python.download_lt import LocalLanguageTool

        versioned = []
        for d in dirs:
            try:
                versioned.append((LocalLanguageTool.from_path(d), d))
            except ValueError:
                continue
        if versioned:
            return max(versioned, key=lambda pair: pair[0])[1]
    except Exception:  # any trouble ordering versions: fall back to the name
        pass
    return max(dirs, key=lambda d: d.name)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalServer:
    """One LanguageTool server process, reachable only from this machine (LanguageTool's
    server refuses other hosts unless started with --public, which we never pass)."""

    def __init__(self, install: Install) -> None:
        self.install = install
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._lock = threading.Lock()
        _RUNNING.add(self)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v2/"

    def command(self) -> list[str]:
        return [self.install.java, "-cp", str(self.install.jar), SERVER_CLASS,
                "--port", str(self.port)]

    def ensure_running(self) -> None:
        """Start the process unless it runs (several services may share it)."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self.start()

    def start(self) -> None:
        self.stop()
        self.port = free_port()
        self._log = tempfile.TemporaryFile(prefix="proofer-languagetool-")
        self._process = subprocess.Popen(  # noqa: S603 - our own fixed command
            self.command(), stdin=subprocess.DEVNULL, stdout=self._log,
            stderr=subprocess.STDOUT)

    def exit_reason(self) -> str | None:
        """None while the process runs; otherwise why it stopped."""
        if self._process is None:
            return "LanguageTool-servern har inte startats"
        code = self._process.poll()
        if code is None:
            return None
        tail = self._log_tail()
        detail = f": {tail}" if tail else ""
        return f"LanguageTool-servern avslutades direkt (kod {code}){detail}"

    def _log_tail(self) -> str:
        if self._log is None:
            return ""
        try:
            self._log.seek(0)
            lines = [ln.strip() for ln in
                     self._log.read().decode("utf-8", "replace").splitlines() if ln.strip()]
        except (OSError, ValueError):
            return ""
        errors = [ln for ln in lines if "Error" in ln or "Exception" in ln]
        return (errors or lines or [""])[-1][:200]

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if self._log is not None:
            self._log.close()
            self._log = None


_RUNNING: weakref.WeakSet[LocalServer] = weakref.WeakSet()

# One server per install for the whole process: the app builds a new engine whenever
# settings or dictionaries change, and a JVM restart each time would cost seconds.
# The last user's release stops it after a grace period, so that the new engine,
# which usually asks a moment after the old one let go, finds it still running.
RELEASE_GRACE = 15.0
_shared_lock = threading.Lock()
_shared: dict[Install, LocalServer] = {}
_users: dict[Install, int] = {}


def acquire(install: Install) -> LocalServer:
    with _shared_lock:
        server = _shared.get(install)
        if server is None:
            server = _shared[install] = LocalServer(install)
        _users[install] = _users.get(install, 0) + 1
        return server


def release(server: LocalServer) -> None:
    install = server.install
    with _shared_lock:
        if _shared.get(install) is not server:
            server.stop()
            return
        _users[install] -= 1
        if _users[install] > 0:
            return
    timer = threading.Timer(RELEASE_GRACE, _stop_if_unused, args=(server,))
    timer.daemon = True
    timer.start()


def _stop_if_unused(server: LocalServer) -> None:
    with _shared_lock:
        install = server.install
        if _shared.get(install) is not server or _users.get(install, 0) > 0:
            return
        del _shared[install], _users[install]
    server.stop()


@atexit.register
def _stop_all() -> None:
    """A crash or a forgotten close() must not leave a Java process behind."""
    for server in list(_RUNNING):
        server.stop()
