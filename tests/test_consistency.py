"""The consistency checker runs its own examples (one finding at the slip, with the
in-document form in the slip's inflection), stays quiet on its right examples, and
the seed article's "expertstrategi" is caught."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from proofer.checkers.consistency import EXAMPLES_RIGHT, EXAMPLES_WRONG, ConsistencyChecker
from proofer.document import split_paragraphs
from proofer.engine import Engine
from proofer.finding import Category
from proofer.speller import Speller
from proofer.tokens import words

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


@pytest.fixture(scope="module")
def checker() -> ConsistencyChecker:
    return ConsistencyChecker(Speller())


def check(checker: ConsistencyChecker, text: str):
    return checker.check_document(text, split_paragraphs(text))


@pytest.mark.parametrize(("text", "wrong", "correction"), EXAMPLES_WRONG)
def test_wrong_example_is_flagged(checker: ConsistencyChecker, text: str, wrong: str,
                                  correction: str) -> None:
    found = check(checker, text)
    start = text.index(wrong)
    assert [(f.start, f.end, f.suggestions) for f in found] == [
        (start, start + len(wrong), (correction,))]
    assert found[0].category is Category.CONSISTENCY
    assert found[0].rule == "consistency.near-form"


@pytest.mark.parametrize("text", EXAMPLES_RIGHT)
def test_right_example_is_quiet(checker: ConsistencyChecker, text: str) -> None:
    assert check(checker, text) == []


def test_offsets_are_absolute_across_paragraphs(checker: ConsistencyChecker) -> None:
    text = "Regeringen sa nej.\n\nDärefter sa regleringen ja. 😀"
    found = check(checker, text)
    assert [text[f.start:f.end] for f in found] == ["regleringen"]


def test_seed_article_flags_expertstrategi(checker: ConsistencyChecker) -> None:
    text = next(SEED.glob("*.txt")).read_text(encoding="utf-8")
    found = {f.text: f.suggestions[0] for f in check(checker, text)}
    assert found.get("expertstrategi") == "exportstrategi"


def test_every_example_list_is_non_empty() -> None:
    assert len(EXAMPLES_WRONG) >= 5 and len(EXAMPLES_RIGHT) >= 3


DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "injected"


def _edit(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """One random edit of the kinds an editor makes: a word replaced, misspelt,
    shortened or recased, a paragraph copied, deleted or moved."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    op = rng.random()
    toks = list(words(lines[i]))
    if op < 0.6 and toks:
        tok = rng.choice(toks)
        w = tok.text
        kind = rng.random()
        if kind < 0.3:
            new = rng.choice(vocabulary)
        elif kind < 0.6:
            j = rng.randrange(len(w))
            new = w[:j] + rng.choice("aeiouäöårtsnl") + w[j + 1:]
        elif kind < 0.8:
            new = w[:-1] or w
        else:
            new = w.capitalize() if w[0].islower() else w.lower()
        lines[i] = lines[i][:tok.start] + new + lines[i][tok.end:]
    elif op < 0.75:
        lines.insert(i, rng.choice(lines))
    elif op < 0.9 and len(lines) > 1:
        del lines[i]
    else:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def test_incremental_checks_equal_checks_from_scratch() -> None:
    """The checker keeps its statistics and decisions between checks; after any
    sequence of edits it must say exactly what a new checker says."""
    speller = Speller()
    files = sorted(DEV.glob("*.txt"))[:6]
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    vocabulary = [t.text for t in words(text)]
    rng = random.Random(7)
    kept = ConsistencyChecker(speller)
    compared = flagged = 0
    for _ in range(80):
        text = _edit(text, rng, vocabulary)
        paragraphs = split_paragraphs(text)
        mine = kept.check_document(text, paragraphs)
        fresh = ConsistencyChecker(speller).check_document(text, paragraphs)
        assert mine == fresh
        compared += 1
        flagged += len(fresh)
    assert compared == 80 and flagged > 0


def test_new_personal_word_starts_over() -> None:
    """What the speller knows feeds every decision: a changed word list must not
    leave old decisions behind."""
    speller = Speller()
    kept = ConsistencyChecker(speller)
    text = "FOV Fabrics visade fabriken. Fabrisc har vuxit snabbt."
    assert [f.text for f in check(kept, text)] == ["Fabrisc"]
    speller.add_words(["fabrisc"])  # now a word, not a name: compared with words only
    assert check(ConsistencyChecker(speller), text) == []
    assert check(kept, text) == []


def test_engine_invalidate_makes_it_start_over() -> None:
    """A dictionary may change behind the speller's back (a name list edited on
    disk): the engine's invalidate must reach the kept statistics too."""
    kept = ConsistencyChecker(Speller())
    engine = Engine([kept])
    text = "Regeringen har sagt nej. Nu kan regleringen tvingas till ett beslut."
    assert [f.text for f in engine.check(text).findings] == ["regleringen"]
    assert kept._forms
    engine.invalidate()
    assert not kept._forms and not kept._sources
    assert [f.text for f in engine.check(text).findings] == ["regleringen"]


def _dev_text(n: int = 6) -> str:
    return "\n".join(f.read_text(encoding="utf-8") for f in sorted(DEV.glob("*.txt"))[:n])


def _stem_pairs(a: str, b: str) -> bool:
    """Whether the decision compares `a` and `b` at all: a stem of one is one edit
    from a stem of the other, with suffixes that may differ only if one is none."""
    from rapidfuzz.distance import DamerauLevenshtein

    from proofer.checkers.consistency import _stems

    return any(not (sa != sb and sa and sb) and abs(len(x) - len(y)) <= 1 and x != y
               and DamerauLevenshtein.distance(x, y) == 1
               for x, sa in _stems(a) for y, sb in _stems(b))


def test_neighbours_include_every_form_compared() -> None:
    """The index only stores whole words' probes; a word one edit from another's
    stem must still be found, from either side (else an edit could leave a
    decision stale)."""
    kept = ConsistencyChecker(Speller())
    text = _dev_text()
    kept.check_document(text, split_paragraphs(text))
    forms = sorted(kept._forms)
    keys = random.Random(5).sample(forms, 150)
    compared = 0
    for key in keys:
        near = kept._neighbours(key)
        for other in forms:
            if other != key and (_stem_pairs(key, other) or _stem_pairs(other, key)):
                compared += 1
                assert other in near, (key, other)
    assert compared > 50


def _same_stem_by_sets(a: str, b: str) -> bool:
    """The definition _same_stem computes without building sets."""
    from proofer.checkers.consistency import BROAD_SUFFIXES, MIN_STEM

    def stems(w: str) -> set[str]:
        return {w} | {w[:-len(s)] for s in BROAD_SUFFIXES
                      if w.endswith(s) and len(w) - len(s) >= MIN_STEM - 1}

    sa, sb = stems(a), stems(b)
    return bool(sa & sb or {"o" + s for s in sa} & sb or {"o" + s for s in sb} & sa)


def test_same_stem_matches_its_definition() -> None:
    from proofer.checkers.consistency import BROAD_SUFFIXES, _same_stem

    vocabulary = sorted({t.text.lower() for t in words(_dev_text(3))
                         if t.text.isalpha() and len(t.text) >= 4})
    rng = random.Random(11)
    pairs = [(a, b) for a in vocabulary[:300] for b in vocabulary[:300] if a[:2] == b[:2]]
    for w in vocabulary[:400]:
        s = rng.choice(BROAD_SUFFIXES)
        pairs += [(w, w + s), (w + s, w[:-1] + rng.choice(BROAD_SUFFIXES)), ("o" + w, w + s),
                  (w + s, "o" + w), (w[:4], "o" + w[:3] + s)]
    same = 0
    for a, b in pairs:
        assert _same_stem(a, b) == _same_stem_by_sets(a, b), (a, b)
        same += _same_stem(a, b)
    assert 0 < same < len(pairs)
