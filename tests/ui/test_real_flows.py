"""The copy desk's main flows, driven in the real app on a real X server (Xvfb,
Qt's xcb plugin) with the keyboard through xdotool, as a person would: review with
F8 and Enter, the findings list with F7, Sök och ersätt with Ctrl+H, Ändra alla
likadana, Lägg till person from the text, saving over a file someone else
changed, and the tracked-changes export from the Arkiv menu. Each flow ends with a file on disk,
which is what the test reads; the app says on stderr (PROOFER_DEBUG) when a check
is on screen, which is when a person would start."""

from __future__ import annotations

import re
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.ui.conftest import SEED
from tests.ui.real_display import focus, running_app, xdotool, xvfb

CHECK_TIMEOUT_S = 120  # the first check on a busy shared machine


def _draft(tmp_path: Path, text: str | None = None) -> Path:
    """The seed article, or `text`, as a draft in a folder of its own."""
    path = tmp_path / "utkast" / "artikel.txt"
    path.parent.mkdir()
    if text is None:
        shutil.copyfile(SEED, path)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _wait_for(condition: Callable[[], bool], timeout_s: float = 30) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def _checked(config: Path) -> None:
    log = config / "stderr.txt"
    assert _wait_for(lambda: "proofer: kontrollerad" in log.read_text(errors="replace"),
                     CHECK_TIMEOUT_S), log.read_text(errors="replace")


def _window(env: dict[str, str], title: str) -> str:
    """A dialog's window (Xvfb has no window manager to give it the keyboard)."""
    found: list[str] = []

    def shown() -> bool:
        found[:] = xdotool(env, "search", "--onlyvisible", "--name", title).splitlines()
        return bool(found)

    assert _wait_for(shown, 20), f"inget fönster ”{title}”"
    return found[0]


def _keys(env: dict[str, str], *keys: str, pause: float = 0.5) -> None:
    for key in keys:
        xdotool(env, "key", key)
        time.sleep(pause)


def _save(path: Path, env: dict[str, str]) -> str:
    before = path.read_bytes()
    xdotool(env, "key", "ctrl+s")
    assert _wait_for(lambda: path.read_bytes() != before), "Ctrl+S sparade inte"
    return path.read_text(encoding="utf-8")


def test_review_with_f8_and_enter_changes_only_the_findings(tmp_path: Path) -> None:
    """Issue 11, point 1: F8 then Enter for every finding, as fast as a desk types."""
    path = _draft(tmp_path)
    original = path.read_text(encoding="utf-8")
    config = tmp_path / "config"
    with xvfb() as display, running_app(display, config, path) as (env, win):
        _checked(config)
        focus(env, win)
        _keys(env, "F8", *["Return"] * 25, pause=0.3)
        text = _save(path, env)
    assert "Frderik" not in text and "Fredrik Johansson" in text
    assert "Gå direkt till huvudinnehållet" not in text
    # Nothing typed over the text: no line breaks added, the story's own lines kept.
    assert text.count("\n") <= original.count("\n")
    assert "Utrikeshandelsministern nöjd med regionala exportinsatser" in text
    assert Path(str(path) + ".bak").read_text(encoding="utf-8") == original


def test_findings_list_by_keyboard(tmp_path: Path) -> None:
    """F7 goes to the list; Down, Enter accepts that line's finding; Delete ignores
    the next one; the text keeps what was not accepted."""
    path = _draft(tmp_path)
    config = tmp_path / "config"
    with xvfb() as display, running_app(display, config, path) as (env, win):
        _checked(config)
        focus(env, win)
        _keys(env, "F7", "Down", "Return", "Delete")
        text = _save(path, env)
    assert "Denna webbplats använder teknik" in text  # the first line: not touched
    assert "Gå direkt till huvudinnehållet" not in text  # the second: accepted
    assert "Publicerad:" in text  # the third: ignored


def test_find_and_replace_all_by_keyboard(tmp_path: Path) -> None:
    """Ctrl+H, the word and its replacement, Alt+A for Ersätt alla, Esc, Ctrl+S."""
    path = _draft(tmp_path)
    config = tmp_path / "config"
    with xvfb() as display, running_app(display, config, path) as (env, win):
        _checked(config)
        focus(env, win)
        _keys(env, "ctrl+h")
        focus(env, _window(env, "Sök och ersätt"))
        xdotool(env, "type", "--delay", "40", "Johanssomn")
        _keys(env, "Tab")
        xdotool(env, "type", "--delay", "40", "Johansson")
        _keys(env, "alt+a", "Escape")
        focus(env, win)
        text = _save(path, env)
    assert "Johanssomn" not in text and "Frderik Johansson" in text


def test_tracked_changes_export_from_the_menu(tmp_path: Path) -> None:
    """F8 + Enter on the first name finding, then Arkiv → Exportera med spårade
    ändringar (Alt+A, D) and Enter in the file dialog, which proposes a name beside
    the draft: the .docx holds the change as a Word revision."""
    path = _draft(tmp_path)
    config = tmp_path / "config"
    target = path.with_name("artikel-ändringar.docx")
    with xvfb() as display, running_app(display, config, path) as (env, win):
        _checked(config)
        focus(env, win)
        # Review: ignore the three leftovers from the web page, accept the name.
        _keys(env, "F8", "Escape", "Escape", "Escape", "Return")
        _keys(env, "alt+a", "d", pause=1.5)
        focus(env, _window(env, "Exportera med spårade ändringar"))
        _keys(env, "Return")
        assert _wait_for(target.exists, 20), "ingen .docx skrevs"
    with zipfile.ZipFile(target) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "<w:del " in body and "<w:ins " in body


def test_change_all_alike_from_the_keyboard(tmp_path: Path) -> None:
    """F8 to the first of two identical misspellings, Ctrl+Shift+Enter (Ändra alla
    likadana): both are changed, the rest of the text is not."""
    path = _draft(tmp_path, "Vi måste htita en lösning.\n\nDet gäller att htita rätt väg.\n")
    config = tmp_path / "config"
    with xvfb() as display, running_app(display, config, path) as (env, win):
        _checked(config)
        focus(env, win)
        _keys(env, "F8", "ctrl+shift+Return")
        text = _save(path, env)
    assert text == "Vi måste hitta en lösning.\n\nDet gäller att hitta rätt väg.\n"


def test_saving_over_a_file_changed_on_disk(tmp_path: Path) -> None:
    """Someone else saves the draft while the desk edits it: Ctrl+S asks, Alt+V
    (Skriv över) writes the desk's version, and the other version is in the backup."""
    path = _draft(tmp_path)
    config = tmp_path / "config"
    other = "Någon annans version av artikeln.\n"
    with xvfb() as display, running_app(display, config, path) as (env, win):
        _checked(config)
        focus(env, win)
        _keys(env, "ctrl+Home")
        xdotool(env, "type", "--delay", "40", "MIN RAD ")
        time.sleep(1)
        path.write_text(other, encoding="utf-8")
        _keys(env, "ctrl+s")
        focus(env, _window(env, "Filen har ändrats på disken"))
        _keys(env, "alt+v")
        assert _wait_for(lambda: path.read_text(encoding="utf-8") != other), \
            "Skriv över sparade inte"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("MIN RAD Denna webbplats")
    assert Path(str(path) + ".bak").read_text(encoding="utf-8") == other


def test_add_person_from_the_text(tmp_path: Path) -> None:
    """Select a name in the text with the keyboard, Granska → Lägg till person (Alt+G,
    P), Enter in the dialog: the person lands in the user's own name list with the
    title before the name and the party letter after it, as the text has them."""
    path = _draft(tmp_path, "Kommunstyrelsens ordförande Kerstin Lindqvist (M) öppnade mötet.\n")
    config = tmp_path / "config"
    with xvfb() as display, running_app(display, config, path) as (env, win):
        _checked(config)
        focus(env, win)
        _keys(env, "ctrl+Home", "ctrl+Right", "ctrl+Right",
              "ctrl+shift+Right", "ctrl+shift+Right", "alt+g", "p")
        focus(env, _window(env, "Lägg till person"))
        _keys(env, "Return")
        names = config / "egna-namn.yaml"
        assert _wait_for(names.exists, 20), "namnet sparades inte"
    saved = names.read_text(encoding="utf-8")
    assert "Kerstin Lindqvist" in saved and "ordförande" in saved, saved
    assert re.search(r"party:\s*['\"]?M\b", saved), saved
