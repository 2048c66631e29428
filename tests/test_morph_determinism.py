"""A paragraph's analysis does not depend on what was analysed before it.

apertium-tagger narrows its model's open class each time it meets a set of tags the
model never saw (proofer/morph/apertium.py, TAGGER_PRIME, says how and why), so before
the tagger was primed the same paragraph could be tagged differently after other
text: its findings depended on the order of checks, and the paragraph cache kept
whichever came first. Each case here analyses a paragraph in a new morphology, alone
and after other text, and requires the same tokens. Without the prime the pair
("Andra ville ena landet.", the last paragraph) differs ("som": preposition after,
subjunction alone).
"""

from __future__ import annotations

import pytest

from proofer.morph.apertium import TAGGER_PRIME, ApertiumMorphology, find_data

pytestmark = pytest.mark.skipif(isinstance(find_data(), str), reason="Apertium saknas")

PARAGRAPHS = [
    "Personer som normalt inte hade vågat säga något kanske gör det nu.",
    "Och att man så småningom kommer att straffas för det.",
    "Till slut bestämde hon för att åka hem, men det blev inte så.",
    "Hon sa att de som kom sent fick stå längst bak och vänta.",
]
# Text with sets of tags the tagger's model does not know ("öppna": adjective or
# infinitive, "inför": preposition or verb, "Andra", "ena", "lyckades", "när", "fast").
BEFORE = [
    "Det var öppna dörrar.",
    "Inför mötet var alla nervösa.",
    "Andra ville ena landet.",
    "Han lyckades till slut.",
    "När vi kom fram var det fast stängt.",
    "Han och hon, som en del andra, kom om en stund.",
]


def analyses(before: str | None) -> list[object]:
    m = ApertiumMorphology(compound_guesses=False)
    try:
        if before is not None:
            m.analyse(before)
        return [m.analyse(p) for p in PARAGRAPHS]
    finally:
        m.close()


@pytest.mark.parametrize("before", BEFORE)
def test_same_analysis_alone_and_after_other_text(before: str) -> None:
    assert analyses(before) == analyses(None)


def test_same_analysis_in_one_morphology_whatever_the_order() -> None:
    """One long-lived morphology (as in the app): the paragraphs analysed first,
    then again after everything else, caches cleared in between."""
    m = ApertiumMorphology(compound_guesses=False)
    try:
        first = [m.analyse(p) for p in PARAGRAPHS]
        m._cache.clear()
        m.analyse_many(BEFORE + list(reversed(PARAGRAPHS)))
        m._cache.clear()
        again = [m.analyse(p) for p in PARAGRAPHS]
    finally:
        m.close()
    assert again == first


def test_the_prime_is_a_set_the_model_does_not_know() -> None:
    """The prime only works if the tagger takes its unit for an unknown set of
    tags (a model retrained on it would make the prime do nothing, and the test
    above would then say whether the tagger still keeps state)."""
    import subprocess

    files = find_data()
    assert not isinstance(files, str)
    run = subprocess.run(["apertium-tagger", "-d", "-z", "-g", "-p", str(files.tagger)],
                         input=(TAGGER_PRIME + "\0").encode(), capture_output=True,
                         timeout=30, check=False)
    assert b"ADJ,VBLEXDA" in run.stderr
