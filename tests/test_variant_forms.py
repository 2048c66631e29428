"""Two accepted forms of one word in one article: the examples in
resources/spelling/variant_forms.yaml, the tie rule, case, and a re-check."""

from __future__ import annotations

import pytest

from proofer.checkers.variant_forms import VariantFormsChecker, variants
from proofer.engine import Engine
from tests.marked import unmark

EXAMPLES = variants().raw["examples"]
RIGHT = variants().raw["right"]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine([VariantFormsChecker()])


def _found(engine: Engine, text: str) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.suggestions[0]) for f in engine.check(text).findings]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["text"][:40])
def test_the_form_used_less_is_reported(engine: Engine, example: dict) -> None:
    text, start, end = unmark(example["text"])
    assert _found(engine, text) == [(start, end, example["correction"])]


@pytest.mark.parametrize("text", RIGHT)
def test_an_article_keeping_to_one_form_is_quiet(engine: Engine, text: str) -> None:
    assert _found(engine, text) == []


def test_at_a_tie_the_second_form_is_reported_in_its_own_case(engine: Engine) -> None:
    text = "Mötet hölls i går.\n\nIgår kväll kom beskedet."
    assert _found(engine, text) == [(text.index("Igår"), text.index("Igår") + 4, "I går")]


def test_the_pairs_are_counted_apart(engine: Engine) -> None:
    """"i dag" and "igår" are two words, not two forms of one."""
    assert _found(engine, "Det hände i dag och igår.") == []


def test_a_re_check_after_an_edit_sees_the_new_form(engine: Engine) -> None:
    text = "Det sker i dag.\n\nSkolan stänger i morgon."
    assert _found(engine, text) == []
    edited = text.replace("i morgon", "idag")
    assert _found(engine, edited) == [(edited.index("idag"), edited.index("idag") + 4, "i dag")]
