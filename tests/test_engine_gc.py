"""A check leaves nothing for the cyclic collector (proofer.engine._collector_paused).

The engine pauses the collector for a check and freezes what the check left alive
before turning it on again, so that the young collection that used to follow every
cold check (walking some 160,000 objects of caches and findings to free nothing)
never runs. That is only right while a check makes no reference cycles: frozen
garbage in a cycle would never be freed. These tests hold both.
"""

from __future__ import annotations

import gc

from proofer.checkers.registry import build_engine
from proofer.settings import Settings

# Every kind of checker has something to say: spelling slips, a name near-miss, a
# split compound, agreement, a doubled word, consistency, a phrase rule.
DRAFT = (
    "Regeringen sgäer att Frderik Johanssomn kmmer i morgon.\n"
    "Huset är mycket väldigt stor. Barnen blev glad när de kom hem.\n"
    "Regeringen och och oppositionen var överens om att att det var fel.\n"
    "Han köpte den nya bil i går, men de stora hus vid sjön stod tomma.\n"
    "Vålds brott ökar. Regleringen har sagt nej till exportstrategin.\n"
)


def _engine():  # -> Engine
    return build_engine(Settings(languagetool_mode="off"))


def test_a_check_makes_no_reference_cycles() -> None:
    engine = _engine()
    engine.check("Hunden sprang.\n")  # warm: the rules, the morphology, the tables
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        report = engine.check(DRAFT)
        edited = engine.check(DRAFT.replace("morgon", "morgonn"))
        gc.collect()
        garbage = list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
        engine.close()
    assert len(report.findings) >= 5 and edited.findings
    assert garbage == [], f"{len(garbage)} objects in cycles, e.g. {garbage[:5]!r}"


def test_what_a_check_leaves_is_frozen_not_left_to_the_young_collection() -> None:
    engine = _engine()
    try:
        gc.enable()
        gc.collect()
        frozen = gc.get_freeze_count()
        report = engine.check(DRAFT)
        assert report.findings
        # The check's objects went to the permanent generation, not to gen 0.
        assert gc.get_freeze_count() > frozen
        assert gc.get_count()[0] < 1_000
        assert gc.isenabled()
    finally:
        engine.close()


def test_a_check_that_raises_turns_the_collector_on_without_freezing() -> None:
    engine = _engine()

    class Broken(Exception):
        pass

    def fail(_text: str, _paragraphs, _skip=frozenset()):
        raise Broken

    try:
        gc.enable()
        engine._check = fail  # type: ignore[method-assign]
        frozen = gc.get_freeze_count()
        try:
            engine.check(DRAFT)
        except Broken:
            pass
        else:
            raise AssertionError("the check should have raised")
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        engine.close()
