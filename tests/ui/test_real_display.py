"""The real app opens a window on a real X server (Xvfb, Qt's xcb plugin), so a
platform library that scripts/setup.sh forgot cannot hide behind the offscreen tests."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtGui import QImage

from tests.ui.conftest import SEED
from tests.ui.real_display import focus, grab_screen, missing_tools, running_app, xdotool, xvfb


def test_app_opens_a_window_under_xvfb(tmp_path: Path) -> None:
    assert not missing_tools(), "scripts/setup.sh ska installera xvfb och xdotool"
    shot = tmp_path / "fönster.png"
    with xvfb() as display, running_app(display, tmp_path / "config", SEED) as (env, win):
        assert win
        grab_screen(env, shot)
    image = QImage(str(shot))
    assert not image.isNull()
    # Something was painted: a bare Xvfb screen is one colour.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 29)}
    assert len(colours) > 10


def test_keys_typed_in_the_real_window_reach_the_file(tmp_path: Path) -> None:
    """Typed on a real X server: Ctrl+Z undoes, Ctrl+Y redoes (the xcb platform binds
    only Ctrl+Shift+Z to redo by itself), Ctrl+S saves."""
    draft = tmp_path / "tom.txt"
    draft.write_bytes(b"")
    with xvfb() as display, running_app(display, tmp_path / "config", draft) as (env, win):
        focus(env, win)
        xdotool(env, "type", "--delay", "30", "hej")
        for key in ("ctrl+z", "ctrl+y", "ctrl+s"):
            xdotool(env, "key", key)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and draft.read_bytes() == b"":
            time.sleep(0.2)
    assert draft.read_text(encoding="utf-8") == "hej"
