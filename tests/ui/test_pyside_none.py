"""Guards the workaround for PySide6 dropping a reference to None on every void call
(see proofer/ui/__init__.py): without it this test aborts the interpreter."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

import proofer.ui  # noqa: F401 - applies the workaround


def test_many_void_calls_do_not_free_none(qtbot) -> None:  # noqa: ANN001
    w = QWidget()
    qtbot.addWidget(w)
    # Unpinned, None has some thousands of references when the app starts.
    for _ in range(200_000):
        w.update()
    assert sys.getrefcount(None) > 1 << 40
