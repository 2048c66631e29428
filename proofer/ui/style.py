"""How each finding category looks and is called in the (Swedish) interface."""

from __future__ import annotations

from PySide6.QtGui import QColor

from proofer.engine_status import engine_status_text
from proofer.finding import Category

# Colours chosen to stay apart for common colour-vision deficiencies and to be
# readable as thin underlines on white; name and spelling differ in hue and lightness.
COLOURS: dict[Category, str] = {
    Category.SPELLING: "#d62728",
    Category.GRAMMAR: "#1f5fbf",
    Category.NAME: "#9c27b0",
    Category.TITLE: "#c76a00",
    Category.CONSISTENCY: "#00897b",
    Category.STYLE: "#2e7d32",
    Category.ARTIFACT: "#6d4c41",
}

LABELS: dict[Category, str] = {
    Category.SPELLING: "Stavning",
    Category.GRAMMAR: "Grammatik",
    Category.NAME: "Namn",
    Category.TITLE: "Titel",
    Category.CONSISTENCY: "Konsekvens",
    Category.STYLE: "Stil",
    Category.ARTIFACT: "Rester",
}

def colour(category: Category, hint: bool = False) -> QColor:
    c = QColor(COLOURS[category])
    if hint:
        c.setAlpha(150)
    return c


def engines_summary(engines: dict[str, str]) -> str:
    """The status bar's word on the engines: only what is not running as it should
    ("LanguageTool: av", "Grammatik: ej tillgänglig – …"), else a short "ok". The
    full list is the label's tooltip: six "Namn: ok" took the room the counts and
    the messages need; for the same reason an engine that is not available is named
    without its reason ("LanguageTool: ej tillgänglig"), which can be a path long
    enough to push the counts out of view: the reason is in the tooltip."""
    odd = [engine_status_text(k, v.partition(":")[0] if v.startswith("unavailable") else v)
           for k, v in engines.items() if v != "ok"]
    return "  ·  ".join(odd) if odd else "Kontrollerna: ok"
