"""The real app opens a window on a real X server (Xvfb, Qt's xcb plugin), so a
platform library that scripts/setup.sh forgot cannot hide behind the offscreen tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tests.ui.conftest import SEED
from tests.ui.real_display import grab_screen, missing_tools, running_app, xvfb


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
