"""What killed saves left behind, removed when Proofer starts or opens a draft.

A save killed at the wrong instant (kill -9, power cut) leaves a temporary file
(`.NAME.proofer-tmp-PID-XXXXXX`) or a lock file beside the file it was saving;
safe_write removes them at the next save of that file, and this module at start-up
for every folder Proofer itself writes to, and for a draft's folder when it is
opened, so that a folder the user never saves to again is cleaned up too.
"""

from __future__ import annotations

import os
from pathlib import Path

from proofer.safe_write import clean_folder
from proofer.settings import Settings, config_dir


def folders_written_to(settings: Settings) -> list[Path]:
    """The config folder, the autosaves, and the folders of every file the settings
    name for saving (own and shared dictionaries, proposals, the word list)."""
    found = [config_dir(), config_dir() / "autosave"]
    for p in [settings.user_dictionary_path, settings.proposals_path,
              settings.personal_words_path, *map(Path, settings.dictionary_paths)]:
        found.append(p if p.is_dir() else p.parent)
    unique: list[Path] = []
    for folder in found:
        real = Path(os.path.realpath(folder))
        if real not in unique:
            unique.append(real)
    return unique


def clean_at_start(settings: Settings) -> int:
    """Number of temporary files removed."""
    return sum(clean_folder(folder) for folder in folders_written_to(settings))


def clean_beside(draft: Path) -> int:
    """The draft's own folder (a symlinked draft is saved in its target's folder)."""
    return clean_folder(Path(os.path.realpath(draft)).parent)
