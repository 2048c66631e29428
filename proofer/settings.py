"""User settings shared by the CLI and the GUI, stored as JSON in the config dir.

PROOFER_CONFIG_DIR overrides the location (tests give every test its own).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_DICTIONARIES = PROJECT_ROOT / "dictionaries"
RESOURCES = PROJECT_ROOT / "resources"


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
        path = path or config_dir() / "settings.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError, OSError):
            return cls()
        known = {f.name for f in fields(cls) if not f.metadata.get("transient")}
        return cls(**{k: v for k, v in data.items() if k in known})

    def save(self, path: Path | None = None) -> None:
        from proofer.safe_write import atomic_write_text

        path = path or config_dir() / "settings.json"
        data = {k: v for k, v in asdict(self).items()
                if not next(f for f in fields(self) if f.name == k).metadata.get("transient")}
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
