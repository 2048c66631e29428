"""The one place that decides which checkers exist and how they are built.

Every checker is constructed here with what it needs; the CLI and the GUI only
ever call `build_engine`.
"""

from __future__ import annotations

from proofer.checkers.base import Checker
from proofer.checkers.spelling import SpellingChecker
from proofer.engine import Engine
from proofer.settings import Settings
from proofer.speller import Speller, read_word_list


def build_checkers(settings: Settings) -> list[Checker]:
    speller = Speller(read_word_list(settings.personal_words_path))
    checkers: list[Checker] = [SpellingChecker(speller)]
    return checkers


def build_engine(settings: Settings) -> Engine:
    return Engine(build_checkers(settings))
