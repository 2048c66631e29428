"""A grammar check leaves no cyclic garbage (issue 13).

The engine pauses the cyclic collector for the whole check, so anything a check
leaves in a reference cycle stays in memory until the check ends: a nested
generator of the matcher that called itself through its closure made one cycle per
repeated element tried, each holding the paragraph's prepared tokens (a 3 MB
draft: 669 MB). Memory must be freed by reference counting alone.
"""

from __future__ import annotations

import gc

from proofer.checkers.grammar import GrammarChecker
from proofer.grammar import load_grammar_files
from proofer.grammar.matcher import find_matches, prepare
from tests.handmade_tokens import R, T

# Repeated and optional elements (adverbs before a predicative, a skip), a boundary,
# words written twice, an unknown word: every path of the walk.
PARAGRAPHS = [
    "Huset är mycket väldigt stor. Barnen blev glad när de kom hem.",
    "Regeringen och och oppositionen var överens om att att det var fel.",
    "Han köpte den nya bil i går, men de stora hus vid sjön stod tomma.",
    "Det är rolig att resa. Sveriges regeringen har bestämt att flyktinginvandringen ska minska.",
]


def _cyclic_garbage(run) -> list[object]:
    """What `run()` leaves that only the cyclic collector could free."""
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        run()
        gc.collect()
        return list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()


def test_a_grammar_check_leaves_no_reference_cycles() -> None:
    checker = GrammarChecker()
    for p in PARAGRAPHS:  # warm: the rules, the morphology and its tools, their caches
        checker.check_paragraph(p)
    found: list[int] = []

    def run() -> None:
        for p in PARAGRAPHS:
            found.append(len(checker.check_paragraph(p + " Igen.")))

    garbage = _cyclic_garbage(run)
    assert sum(found) > 0  # the rules did match (and repeat elements were walked)
    assert garbage == [], f"{len(garbage)} objects in cycles, e.g. {garbage[:5]!r}"


def test_the_matcher_walk_leaves_no_reference_cycles() -> None:
    """Without the morphology: a rule with repeated, optional and skipping elements
    over hand-made tokens."""
    rule = next(r for r in load_grammar_files()[0] if r.id == "agreement.predicative")
    tokens = prepare([
        T(0, 5, "Huset", (R("hus", ("n", "nt", "sg", "def", "nom")),)),
        T(6, 8, "är", (R("vara", ("vblex", "pres", "actv")),)),
        T(9, 15, "mycket", (R("mycket", ("adv",)),)),
        T(16, 22, "mycket", (R("mycket", ("adv",)),)),
        T(23, 27, "stor", (R("stor", ("adj", "pst", "ut", "sg", "ind")),)),
        T(27, 28, ".", (R(".", ("sent",)),)),
    ])

    def run() -> None:
        for _ in range(3):
            assert len(list(find_matches(rule, tokens))) == 1

    assert _cyclic_garbage(run) == []
