"""The one place that decides which checkers exist and how they are built.

Every checker is constructed here with what it needs; the CLI and the GUI only
ever call `build_engine`.
"""

from __future__ import annotations

from proofer import word_table
from proofer.checkers.adverb_norms import AdverbNormChecker
from proofer.checkers.base import Checker
from proofer.checkers.capitals import CapitalsChecker
from proofer.checkers.consistency import ConsistencyChecker
from proofer.checkers.encoding import MojibakeChecker
from proofer.checkers.genitive_apostrophe import GenitiveApostropheChecker
from proofer.checkers.grammar import GrammarChecker
from proofer.checkers.languagetool_off import LanguageToolOff
from proofer.checkers.name_consistency import NameConsistencyChecker
from proofer.checkers.names import NameChecker
from proofer.checkers.paired_marks import PairedMarksChecker
from proofer.checkers.rules import build_rule_checkers
from proofer.checkers.spelling import SpellingChecker
from proofer.checkers.split_compounds import SplitCompoundChecker
from proofer.checkers.variant_forms import VariantFormsChecker
from proofer.engine import Engine
from proofer.settings import Settings, config_dir
from proofer.speller import Speller, read_word_list


def build_checkers(settings: Settings) -> list[Checker]:
    speller = Speller(read_word_list(settings.personal_words_path))
    if speller.available:
        speller.use_table(word_table.load(config_dir() / "cache", speller.hunspell_knows))
    names_on = "name" not in settings.disabled_categories
    checkers: list[Checker] = [SpellingChecker(speller, names_handle_capitalised=names_on)]
    names = NameChecker.from_settings(settings, speller) if names_on else None
    if names is not None:
        checkers.append(names)
    checkers.append(CapitalsChecker(speller, names.store.organization if names else None))
    checkers.append(MojibakeChecker())
    checkers += [SplitCompoundChecker(speller), AdverbNormChecker(),
                 GenitiveApostropheChecker(speller),
                 GrammarChecker(speller=speller), ConsistencyChecker(speller),
                 NameConsistencyChecker(speller), VariantFormsChecker()]
    checkers.extend(build_rule_checkers())
    checkers.append(PairedMarksChecker())
    # Always registered: with mode "off" a stand-in that reports "off" (the real
    # one, its client and server manager, are imported only when used).
    if settings.languagetool_mode == "off":
        checkers.append(LanguageToolOff())
    else:
        from proofer.checkers.languagetool import LanguageToolChecker

        checkers.append(LanguageToolChecker.from_settings(settings, speller))
    return checkers


def build_engine(settings: Settings) -> Engine:
    return Engine(build_checkers(settings))
