"""Engine states in Swedish, for the app's status bar and the CLI's summary line alike.

Checkers report states as short machine words ("ok", "off", "unavailable: <reason>"), which the
JSON output keeps; people read them here, in one wording wherever they appear.
"""

from __future__ import annotations

ENGINE_NAMES = {"languagetool": "LanguageTool", "spelling": "Stavning", "names": "Namn",
                "rules": "Regler", "grammar": "Grammatik", "consistency": "Konsekvens",
                "artifacts": "Rester", "titles": "Titlar", "style": "Stil"}
ENGINE_STATUS = {"ok": "ok", "off": "av"}


def engine_status_text(engine: str, status: str) -> str:
    """"LanguageTool: ej tillgänglig – <reason>"."""
    name = ENGINE_NAMES.get(engine, engine)
    if status in ENGINE_STATUS:
        return f"{name}: {ENGINE_STATUS[status]}"
    if status.startswith("unavailable"):
        reason = status.partition(":")[2].strip()
        return f"{name}: ej tillgänglig" + (f" – {reason}" if reason else "")
    return f"{name}: {status}"
