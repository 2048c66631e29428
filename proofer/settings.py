"""User settings shared by the CLI and the GUI, stored as JSON in the config dir.

PROOFER_CONFIG_DIR overrides the location (tests give every test its own).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import MISSING, Field, asdict, dataclass, field, fields
from pathlib import Path

from proofer.bounded_read import read_bytes

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_DICTIONARIES = PROJECT_ROOT / "dictionaries"
RESOURCES = PROJECT_ROOT / "resources"
MAX_SETTINGS_BYTES = 1024 * 1024  # a settings file is a few hundred bytes


def config_dir() -> Path:
    env = os.environ.get("PROOFER_CONFIG_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "proofer"


@dataclass
class Settings:
    # LanguageTool: "local" (a server on this machine), "server" (languagetool_url,
    # e.g. the newsroom's own), "public" (only with allow_public: the draft leaves
    # the machine) or "off".
    languagetool_mode: str = "local"
    languagetool_url: str = ""
    languagetool_allow_public: bool = False
    languagetool_timeout: float = 10.0
    # Name dictionaries on top of the shipped ones: the newsroom's shared folder or
    # files, then the user's own. Later files win on conflicts.
    dictionary_paths: list[str] = field(default_factory=list)
    user_dictionary: str = ""
    proposals_file: str = ""
    personal_words: str = ""
    disabled_categories: list[str] = field(default_factory=list)
    # The draft's text size in points (Visa → Zooma); 0 is the default size.
    editor_font_size: float = 0.0
    # Not persisted: set per run (CLI --dictionary).
    extra_dictionaries: list[str] = field(default_factory=list, metadata={"transient": True})
    # Not persisted: what load() could not use, in Swedish, for the CLI's stderr and
    # the app's status bar (a broken file must never silently drop the newsroom's
    # shared dictionaries).
    problems: list[str] = field(default_factory=list, metadata={"transient": True})

    @property
    def personal_words_path(self) -> Path:
        return Path(self.personal_words) if self.personal_words else config_dir() / "ord.txt"

    @property
    def user_dictionary_path(self) -> Path:
        return (Path(self.user_dictionary) if self.user_dictionary
                else config_dir() / "egna-namn.yaml")

    @property
    def proposals_path(self) -> Path:
        return (Path(self.proposals_file) if self.proposals_file
                else config_dir() / "forslag.yaml")

    def dictionary_files(self) -> list[Path]:
        """Every name dictionary in merge order: shipped, shared, user's, per-run."""
        paths: list[Path] = sorted(SHIPPED_DICTIONARIES.glob("*.yaml"))
        for p in [*self.dictionary_paths, str(self.user_dictionary_path),
                  *self.extra_dictionaries]:
            path = Path(p)
            if path.is_dir():
                paths.extend(sorted(path.glob("*.yaml")))
            elif path.exists() or p in self.extra_dictionaries:
                paths.append(path)
        return paths

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """The saved settings. A file that is not valid JSON is read without its
        trailing commas (the usual hand-editing slip) or else replaced by its
        latest backup, else the defaults; a value of the wrong type keeps its
        default. Each of these is said in `problems`; nothing raises."""
        path = path or config_dir() / "settings.json"
        data, problems = _read_settings(path)
        out = cls()
        for f in fields(cls):
            if f.metadata.get("transient") or f.name not in data:
                continue
            value = data[f.name]
            if _type_ok(f, value):
                setattr(out, f.name, list(value) if isinstance(value, list) else value)
            else:
                problems.append(f"{path}: inställningen '{f.name}' ska vara "
                                f"{_type_name(f)}, inte {json.dumps(value)[:40]}; "
                                "standardvärdet används")
        out.problems = problems
        return out

    def save(self, path: Path | None = None) -> None:
        from proofer.safe_write import atomic_write_text

        path = path or config_dir() / "settings.json"
        data = {k: v for k, v in asdict(self).items()
                if not next(f for f in fields(self) if f.name == k).metadata.get("transient")}
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _default(f: Field) -> object:
    return f.default_factory() if f.default is MISSING else f.default  # type: ignore[misc]


def _type_ok(f: Field, value: object) -> bool:
    """Of the JSON type of the setting's default: text, true/false, a number of
    zero or more, or a list of texts."""
    default = _default(f)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int | float):
        return _is_number(value) and value >= 0  # type: ignore[operator]
    if isinstance(default, list):
        return _is_text_list(value)
    return isinstance(value, str)


def _type_name(f: Field) -> str:
    default = _default(f)
    if isinstance(default, bool):
        return "true eller false"
    if isinstance(default, int | float):
        return "ett tal (noll eller mer)"
    if isinstance(default, list):
        return "en lista med texter"
    return "en text"


# A comma before a closing bracket, outside strings (strings are matched whole, so
# a comma inside one is never touched).
_TRAILING_COMMA = re.compile(r'("(?:\\.|[^"\\])*")|,(\s*[}\]])')


def _read_settings(path: Path) -> tuple[dict, list[str]]:
    """The file's object and what went wrong reading it (Swedish, one line each)."""
    try:
        text = read_bytes(path, MAX_SETTINGS_BYTES).decode("utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:  # also a FIFO, a device, a huge file
        reason = getattr(exc, "strerror", None) or str(exc)
        return _fallback(path, f"kunde inte läsas ({reason})")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"rad {exc.lineno}, kolumn {exc.colno}: {exc.msg}"
        try:
            data = json.loads(_TRAILING_COMMA.sub(lambda m: m.group(1) or m.group(2), text))
        except json.JSONDecodeError:
            return _fallback(path, f"är inte giltig JSON ({where})")
        if isinstance(data, dict):
            return data, [f"{path}: är inte giltig JSON ({where}); läst utan de "
                          "överflödiga kommatecknen – spara inställningarna för att rätta filen"]
    if not isinstance(data, dict):
        return _fallback(path, "ska innehålla ett JSON-objekt ({...})")
    return data, []


def _fallback(path: Path, reason: str) -> tuple[dict, list[str]]:
    """The newest backup that reads as a settings object, else nothing (defaults)."""
    for bak in sorted(path.parent.glob(path.name + ".bak*"),
                      key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            data = json.loads(read_bytes(bak, MAX_SETTINGS_BYTES).decode("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(data, dict):
            return data, [f"{path}: {reason}; de senast sparade inställningarna "
                          f"({bak.name}) används"]
    return {}, [f"{path}: {reason}; standardinställningarna används (inga delade "
                "ordlistor eller egna val) tills filen är rättad"]
