"""Which LanguageTool to talk to, when it is ready, and what to tell the user.

The modes (Settings.languagetool_mode):
  local   a server on this machine, started in the background on first use;
  server  the newsroom's own server at Settings.languagetool_url;
  public  LanguageTool's public API, and only with languagetool_allow_public:
          the draft leaves the machine, which a newsroom must choose, never get
          by default (a configured URL that points to languagetool.org counts too);
  off     nothing is started and nothing is sent.

Nothing here ever blocks for long: start() only does cheap checks (is there a Java,
is there a jar) before handing the slow part to a thread, every request has a
timeout, and after a failure we stop asking for a while instead of letting every
paragraph wait for the same timeout.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from proofer.languagetool.client import LanguageToolClient, LanguageToolError, host_of, seconds
from proofer.languagetool.local import Install, LocalServer, acquire, find_install, release
from proofer.settings import Settings

log = logging.getLogger(__name__)

PUBLIC_URL = "https://api.languagetool.org/v2/"
PUBLIC_DOMAINS = ("languagetool.org", "languagetoolplus.com")
LANGUAGE = "sv-SE"
MODES = ("local", "server", "public", "off")
STARTUP_TIMEOUT = 90.0  # a cold JVM loading the Swedish rules, in the background
PROBE_TIMEOUT = 5.0  # "is this a LanguageTool server, and does it know Swedish?"
RETRY_AFTER = 30.0  # after a failure, skip LanguageTool this long before trying again
PUBLIC_WARNING = ("LanguageTool: texten skickas till den publika tjänsten "
                  "api.languagetool.org och lämnar alltså datorn.")

_OFF, _IDLE, _STARTING, _READY, _FAILED = "off", "idle", "starting", "ready", "failed"


def is_public(url: str) -> bool:
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in PUBLIC_DOMAINS)


class LanguageToolService:
    def __init__(self, mode: str = "local", url: str = "", allow_public: bool = False,
                 timeout: float = 10.0, *, startup_timeout: float = STARTUP_TIMEOUT,
                 retry_after: float = RETRY_AFTER) -> None:
        self.mode = mode
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.retry_after = retry_after
        self.language = LANGUAGE
        self.warning: str | None = None  # set when the draft leaves the machine
        self._lock = threading.RLock()
        self._start_lock = threading.Lock()
        self._settled = threading.Event()  # set once ready or failed
        self._state = _IDLE
        self._reason = ""
        self._permanent = False  # a refusal by configuration: never retried
        self._retry_at = 0.0
        self._closed = False
        self._url = ""
        self._client: LanguageToolClient | None = None
        self._server: LocalServer | None = None
        self._listeners: list[Callable[[str], None]] = []
        self._configure(mode, url.strip(), allow_public)

    @classmethod
    def from_settings(cls, settings: Settings) -> LanguageToolService:
        return cls(settings.languagetool_mode, settings.languagetool_url,
                   settings.languagetool_allow_public, settings.languagetool_timeout)

    def _configure(self, mode: str, url: str, allow_public: bool) -> None:
        if mode == "off":
            self._state = _OFF
            self._settled.set()
        elif mode not in MODES:
            self._refuse(f"okänt LanguageTool-läge {mode!r} (välj local, server, public "
                         "eller off)")
        elif mode == "server" and not url:
            self._refuse("läget server kräver en serveradress (languagetool_url eller "
                         "--languagetool-url)")
        elif mode == "public" or (mode == "server" and is_public(url)):
            if not allow_public:
                self._refuse("den publika LanguageTool-tjänsten används inte eftersom texten "
                             "då lämnar datorn; tillåt det uttryckligen med "
                             "languagetool_allow_public, eller använd en egen server")
            else:
                self._url = url if mode == "server" else PUBLIC_URL
                self.warning = PUBLIC_WARNING
        elif mode == "server":
            self._url = url

    def _refuse(self, reason: str) -> None:
        self._state, self._reason, self._permanent = _FAILED, reason, True
        self._settled.set()

    # -- state -------------------------------------------------------------------

    def status(self) -> str:
        """ "ok", "off" or "unavailable: <reason>"; asking also starts a lazy start."""
        self.start()
        return self.status_nowait()

    @property
    def ready(self) -> bool:
        return self._state == _READY

    def add_listener(self, callback: Callable[[str], None]) -> None:
        """Called with the new status from a background thread whenever it changes
        (the GUI re-checks and updates its status bar when LanguageTool is ready)."""
        self._listeners.append(callback)

    def _set(self, state: str, reason: str = "") -> None:
        with self._lock:
            if self._closed and state != _OFF:
                return
            changed = (state, reason) != (self._state, self._reason)
            self._state, self._reason = state, reason
            if state == _FAILED:
                self._retry_at = time.monotonic() + self.retry_after
            if state == _STARTING:
                self._settled.clear()
            else:
                self._settled.set()
            status = self.status_nowait()
        if changed:  # outside the lock: a listener may ask for the status again
            for callback in list(self._listeners):
                try:
                    callback(status)
                except Exception:  # a listener's bug must not stop LanguageTool
                    log.exception("LanguageTool status listener failed")

    def status_nowait(self) -> str:
        with self._lock:
            return {_OFF: "off", _READY: "ok", _FAILED: f"unavailable: {self._reason}"}.get(
                self._state, "unavailable: LanguageTool startar fortfarande")

    # -- start -------------------------------------------------------------------

    def start(self) -> None:
        """Begin getting ready if we are not (cheap: the slow part runs in a thread)."""
        with self._start_lock:  # one start at a time; the checks below are cheap
            with self._lock:
                if self._closed or self._state in (_OFF, _READY, _STARTING):
                    return
                if self._state == _FAILED and (self._permanent
                                               or time.monotonic() < self._retry_at):
                    return
                server_alive = self._server is not None and self._server.exit_reason() is None
            install: Install | None = None
            if self.mode == "local":
                if server_alive:  # the server lives: the last failure was a slow answer
                    self._set(_READY)
                    return
                found = find_install()
                if isinstance(found, str):
                    self._set(_FAILED, found)
                    return
                install = found
            self._set(_STARTING)
        if self.warning:
            log.warning(self.warning)
        threading.Thread(target=self._prepare, args=(install,), daemon=True,
                         name="languagetool-start").start()

    def _prepare(self, install: Install | None) -> None:
        try:
            if install is not None:
                self._start_local(install)
            else:
                client = LanguageToolClient(self._url, self.timeout)
                languages = client.languages(timeout=min(self.timeout, PROBE_TIMEOUT))
                self._accept(client, languages)
        except LanguageToolError as exc:
            self._set(_FAILED, str(exc))
        except Exception as exc:  # never let a start-up bug leave us "starting" forever
            log.exception("LanguageTool start failed")
            self._set(_FAILED, f"LanguageTool kunde inte startas ({exc})")

    def _start_local(self, install: Install) -> None:
        with self._lock:
            if self._server is None or self._server.install != install:
                if self._server is not None:
                    release(self._server)
                self._server = acquire(install)
            server = self._server
        try:
            server.ensure_running()
        except OSError as exc:
            raise LanguageToolError(f"Java kunde inte startas ({exc})") from exc
        client = LanguageToolClient(server.url, self.timeout)
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if self._closed:  # close() has released the server already
                return
            reason = server.exit_reason()
            if reason is not None:
                raise LanguageToolError(reason)
            try:
                languages = client.languages(timeout=2.0)
            except LanguageToolError:
                if time.monotonic() > deadline:
                    server.stop()
                    raise LanguageToolError(
                        "LanguageTool-servern startade inte inom "
                        f"{seconds(self.startup_timeout)}") from None
                time.sleep(0.25)
                continue
            language = self._accept(client, languages, ready=False)
            # The first check in a language loads its rules (seconds on a cold JVM):
            # do it now, within the start-up budget, not in the first real request.
            remaining = max(deadline - time.monotonic(), self.timeout)
            client.check("Hej.", language, timeout=remaining)
            self._set(_READY)
            return

    def _accept(self, client: LanguageToolClient, languages: list[dict[str, Any]],
                ready: bool = True) -> str:
        language = pick_swedish(languages)
        if language is None:
            raise LanguageToolError(f"LanguageTool-servern på {client.base_url} saknar svenska")
        with self._lock:
            self._client, self.language = client, language
        if ready:
            self._set(_READY)
        return language

    def wait_ready(self, timeout: float) -> bool:
        """Start if needed and wait at most `timeout` seconds; True when ready."""
        self.start()
        if timeout > 0 and not self._settled.is_set():
            self._settled.wait(timeout)
        return self.ready

    # -- use ---------------------------------------------------------------------

    def check(self, text: str, disabled_rules: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """Raw matches (UTF-16 offsets). Raises LanguageToolError, after marking us
        unavailable, when the server cannot answer."""
        with self._lock:
            client = self._client if self._state == _READY else None
            language = self.language
        if client is None:
            raise LanguageToolError(self.status_nowait().removeprefix("unavailable: "))
        try:
            return client.check(text, language, disabled_rules=disabled_rules)
        except LanguageToolError as exc:
            self._set(_FAILED, str(exc))
            raise

    def fail(self, reason: str) -> None:
        """Mark LanguageTool unavailable (retried after a pause)."""
        self._set(_FAILED, reason)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            server, self._server = self._server, None
            self._state, self._client = _OFF, None
            self._settled.set()
        if server is not None:
            release(server)


def pick_swedish(languages: list[dict[str, Any]]) -> str | None:
    """sv-SE when the server lists it, else whatever code it uses for Swedish."""
    entries = [e for e in languages if isinstance(e, dict)]
    if any(e.get("longCode") == LANGUAGE for e in entries):
        return LANGUAGE
    for e in entries:
        if e.get("code") == "sv" or str(e.get("longCode", "")).startswith("sv"):
            return str(e.get("longCode") or e.get("code"))
    return None
