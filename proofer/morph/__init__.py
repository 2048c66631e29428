"""Swedish morphology for the grammar rules: tagged tokens and a generator.

The interface is agreed with the grammar engine (/work/notes/morph-interface.md);
the one implementation is Apertium's (proofer.morph.apertium). When its Debian
packages are missing, `status` says so and every token comes back unknown, so the
other checks run as before.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Sequence
from typing import Protocol

from proofer.morph.model import Reading, TaggedToken

__all__ = ["Morphology", "Reading", "TaggedToken", "get_morphology"]


class Morphology(Protocol):
    status: str  # "ok" or "unavailable: <reason in Swedish>"

    def analyse(self, paragraph: str) -> list[TaggedToken]: ...

    def generate(self, lemma: str, tags: Sequence[str]) -> list[str]: ...


_shared: Morphology | None = None
_shared_lock = threading.Lock()


def get_morphology() -> Morphology:
    """The shared instance, started on first use and closed at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            from proofer.morph.apertium import ApertiumMorphology

            instance = ApertiumMorphology()
            atexit.register(instance.close)
            _shared = instance
        return _shared
