"""The gsyntax section of our CG-3 rules (resources/grammar/disambiguation/swedish.cg3):
each rule keeps the reading a syntax rule depends on, and leaves look-alikes alone."""

from __future__ import annotations

import pytest

from proofer.morph import TaggedToken, get_morphology


@pytest.fixture(scope="module")
def morph():
    m = get_morphology()
    if m.status != "ok":
        pytest.skip(m.status)
    return m


def _token(tokens: list[TaggedToken], text: str) -> TaggedToken:
    return next(t for t in tokens if t.text == text)


@pytest.mark.parametrize(("sentence", "word", "tags"), [
    ("Det är viktigt komma i tid.", "komma", ("vblex", "inf")),
    # the ar-after-som rule needs "i" read as the preposition (gmorph's
    # FunctionWordNoun rule in the top half does it)
    ("Det gäller barnen som födda i Sverige.", "i", ("pr",)),
    ("Vi tar en till runda.", "runda", ("n",)),
])
def test_rule_keeps_the_reading(morph, sentence: str, word: str,
                                tags: tuple[str, ...]) -> None:
    assert _token(morph.analyse(sentence), word).has(*tags)


@pytest.mark.parametrize(("sentence", "word", "tags"), [
    ("Han satte ett viktigt komma i meningen.", "komma", ("n",)),
    ("Vi ska klubba beslutet.", "klubba", ("vblex",)),
    ("Det var tredje raka förlusten.", "raka", ("adj",)),
])
def test_rule_leaves_look_alikes(morph, sentence: str, word: str,
                                 tags: tuple[str, ...]) -> None:
    assert _token(morph.analyse(sentence), word).has(*tags)
