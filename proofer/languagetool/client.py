"""A direct HTTP client for LanguageTool's API (/v2/check, /v2/languages).

We do not check text through language-tool-python: it waits up to five minutes per
request, retries by restarting servers, and converts offsets itself. Here every
request has our timeout, and every failure becomes one Swedish sentence that the
status bar and the CLI can show as is.
"""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from typing import Any

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
# The largest reply read (a check of one batch of paragraphs is kilobytes): a
# misbehaving server sent 300 MB, which took 735 MB to hold.
MAX_REPLY = 10 * 1024 * 1024
_CHUNK = 256 * 1024


class LanguageToolError(Exception):
    """Why LanguageTool could not answer, in Swedish, ready for "unavailable: <reason>"."""


def api_url(url: str) -> str:
    """The /v2/ base of a server address as people write it: "localhost:8081",
    "http://lt.example.se", "https://lt.example.se/api/v2" all work."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/check") or path.endswith("/languages"):
        path = path.rsplit("/", 1)[0]
    if not path.endswith("/v2"):
        path += "/v2"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def host_of(url: str) -> str:
    """The host as DNS sees it, so that spellings of one name compare equal:
    lower case, no trailing dot ("api.languagetool.org." is that server too), and
    an international name in its ASCII (IDNA) form after Unicode normalisation
    (full-width letters, capitals). An IP address stays as written."""
    host = (urllib.parse.urlsplit(api_url(url)).hostname or "").rstrip(".")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:  # not a valid name: keep it, it will not resolve either
        pass
    return host.lower()


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} kB"


def seconds(value: float) -> str:
    """ "0,5 s" rather than "0.5 s" in Swedish messages."""
    text = f"{value:g}".replace(".", ",")
    return f"{text} s"


class LanguageToolClient:
    def __init__(self, url: str, timeout: float = 10.0) -> None:
        self.base_url = api_url(url)
        self.timeout = timeout
        host = host_of(self.base_url)
        # A proxy from the environment must not see drafts meant for this machine;
        # a newsroom server may well need the proxy, so it keeps the defaults.
        handlers = [urllib.request.ProxyHandler({})] if host in LOCAL_HOSTS else []
        self._opener = urllib.request.build_opener(*handlers)

    def languages(self, timeout: float | None = None) -> list[dict[str, Any]]:
        data = self._request("languages", None, timeout)
        if not isinstance(data, list):
            raise LanguageToolError(f"{self.base_url} svarade inte som en LanguageTool-server")
        return data

    def check(self, text: str, language: str, *, disabled_rules: Iterable[str] = (),
              level: str = "default", timeout: float | None = None) -> list[dict[str, Any]]:
        """The raw matches for `text`; offsets are LanguageTool's (UTF-16 units)."""
        params = {"text": text, "language": language, "level": level}
        disabled = ",".join(disabled_rules)
        if disabled:
            params["disabledRules"] = disabled
        data = self._request("check", params, timeout)
        matches = data.get("matches") if isinstance(data, dict) else None
        if not isinstance(matches, list):
            raise LanguageToolError("LanguageTool gav ett svar utan träfflista")
        return matches

    def _request(self, endpoint: str, form: dict[str, str] | None,
                 timeout: float | None) -> Any:
        timeout = self.timeout if timeout is None else timeout
        body = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        request = urllib.request.Request(
            self.base_url + endpoint, data=body,
            headers={"User-Agent": "proofer", "Accept": "application/json"})
        try:
            with self._opener.open(request, timeout=timeout) as response:
                raw = self._read_bounded(response)
        except urllib.error.HTTPError as exc:
            raise LanguageToolError(_http_reason(exc)) from exc
        except urllib.error.URLError as exc:
            raise LanguageToolError(self._network_reason(exc.reason, timeout)) from exc
        except (OSError, http.client.HTTPException) as exc:  # timeouts, resets, bad replies
            raise LanguageToolError(self._network_reason(exc, timeout)) from exc
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise LanguageToolError(
                f"{self.base_url} gav ett oläsbart svar (inte LanguageTool-JSON)") from exc

    def _read_bounded(self, response: Any) -> bytes:
        """The body, read in chunks and given up past MAX_REPLY."""
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.read(_CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > MAX_REPLY:
                raise LanguageToolError(
                    f"{self.base_url} skickade ett svar på över {_size(MAX_REPLY)}, mer "
                    "än någon LanguageTool-kontroll behöver; svaret lästes inte")
            chunks.append(chunk)

    def _network_reason(self, reason: object, timeout: float) -> str:
        where = self.base_url
        if isinstance(reason, TimeoutError):
            return f"LanguageTool svarade inte inom {seconds(timeout)} ({where})"
        if isinstance(reason, ConnectionRefusedError):
            return f"ingen LanguageTool-server svarar på {where} (anslutningen nekades)"
        if isinstance(reason, socket.gaierror):
            return f"okänd serveradress {host_of(where)!r} ({where})"
        return f"kunde inte nå LanguageTool på {where} ({reason})"


def _http_reason(exc: urllib.error.HTTPError) -> str:
    if exc.code == 413:
        return "texten är för lång för LanguageTool-servern"
    if exc.code in (426, 429):
        return "LanguageTool-servern tar inte emot fler anrop just nu (för många förfrågningar)"
    try:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[0][:200]
    except Exception:  # the body is only decoration for the message
        detail = ""
    tail = f": {detail}" if detail else ""
    return f"LanguageTool-servern svarade med fel {exc.code}{tail}"
