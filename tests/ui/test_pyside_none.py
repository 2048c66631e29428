"""Guards the workaround for PySide6 dropping a reference to None on every void call
(see proofer/ui/__init__.py): without it this test aborts the interpreter."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

import proofer.ui  # noqa: F401 - applies the workaround


def test_many_void_calls_do_not_free_none(qtbot) -> None:  # noqa: ANN001
    w = QWidget()
    qtbot.addWidget(w)
    before = sys.getrefcount(None)
    for _ in range(before + 50_000):  # more calls than None had references
        w.update()
    assert sys.getrefcount(None) > 0
