"""The desktop app (PySide6). The only package that may import Qt; it holds no
checking logic, only what a person sees and does with the engine's findings."""

from __future__ import annotations

import sys


def _pin_none() -> None:
    """Work around a PySide6 6.12 reference-count bug on Python < 3.12.

    There every call of a Qt method that returns nothing (show, update, setGeometry,
    processEvents, ...) drops one reference to None without having taken it. After a
    few hundred thousand such calls (minutes of typing) None's count reaches zero and
    the interpreter aborts with "none_dealloc". Python 3.12 made None immortal; on
    older versions we give it a count no session can use up.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcount.value < 1 << 40:
        refcount.value += 1 << 50


_pin_none()
