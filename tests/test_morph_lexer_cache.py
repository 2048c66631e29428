"""The analyser's output put together from pieces (proofer/morph/lexer_cache.py) must
be byte for byte lt-proc's output for the whole text: the disambiguation and every
grammar rule read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofer.morph.apertium import CANDIDATES, ApertiumMorphology
from proofer.morph.lexer_cache import JOINS, PUNCT_RUN, Junctions
from proofer.morph.process import NullFlushPipeline
from proofer.morph.stream import escape

# Multiword units of the analyser and their near misses, numbers, runs of
# punctuation, blanks other than one space, capitals, letters outside its alphabet.
TRICKY = [
    "i dag, två och ett halvt år, 12,5 % och 2 000 kronor, fem, år äldre",
    "I DAG kom han i\u00a0dag och i\tdag och i  dag; kl. 13.00 i dag (i dag) \"i dag\"",
    "på grund av att hon, t. ex. i dagarna, ... , år och 1 500 000 kr",
    "x\0i dag, Mali dag, αi dag, ßi dag, éi dag, i\u2009dag, i\u202fdag",
    "Till exempel: bl.a. 3:e, 1990-talet och 50-åriga, till och med i går",
    "",
    "   ",
    " i dag ",
]


@pytest.fixture(scope="module")
def tools() -> tuple[ApertiumMorphology, NullFlushPipeline]:
    """A morphology, and lt-proc as it reads whole paragraphs."""
    m = ApertiumMorphology()
    assert m.status == "ok", m.status
    whole = NullFlushPipeline([["lt-proc", "-z", "-w", "-e", str(m.files.analyser)]])
    yield m, whole
    whole.close()
    m.close()


def test_the_list_of_junctions_is_the_installed_analysers() -> None:
    """resources/morph/lexer_joins.txt was made from this analyser file (else the
    cache is off: rerun scripts/build_lexer_joins.py)."""
    assert Junctions.load(CANDIDATES[0].analyser) is not None


def test_pieces_give_the_output_of_the_whole(
        tools: tuple[ApertiumMorphology, NullFlushPipeline]) -> None:
    morph, whole = tools
    assert morph._lex(TRICKY) == whole.run_many([escape(p) + "\n" for p in TRICKY])
    # and again from the kept pieces alone
    assert morph._lex(TRICKY) == whole.run_many([escape(p) + "\n" for p in TRICKY])


def test_only_new_pieces_go_to_the_analyser(
        tools: tuple[ApertiumMorphology, NullFlushPipeline]) -> None:
    morph = tools[0]
    morph._lexed.clear()
    morph._lex(["Regeringen sade i dag att skatten höjs."])
    assert "i dag" in morph._lexed  # a unit across the space stays one piece
    assert "Regeringen" in morph._lexed and "höjs." in morph._lexed
    assert "dag" not in morph._lexed


_WORDS = st.sampled_from(["i", "dag", "på", "grund", "av", "två", "och", "ett", "halvt", "år",
                          "äldre", "12,5", "%", "2", "000", ",", ".", "...", "t.", "ex.", "Dag",
                          "I", "kr", "-", "(", ")", "»", "fem,", "X", "hon", "Stockholm"])
_BLANK = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", ""])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_WORDS, _BLANK), min_size=1, max_size=12))
def test_generated_texts(tools: tuple[ApertiumMorphology, NullFlushPipeline],
                         parts: list[tuple[str, str]]) -> None:
    morph, whole = tools
    text = "".join(w + b for w, b in parts)
    assert morph._lex([text]) == whole.run_many([escape(text) + "\n"])


def test_a_junction_joins_only_its_pair() -> None:
    j = Junctions(frozenset("abcdefghijklmnopqrstuvwxyzåäö"),
                  frozenset({"i\tdag", f"{PUNCT_RUN}\tår"}))
    assert j.pieces("Han kom i dag, fem, år sen") == [
        "Han", " ", "kom", " ", "i dag,", " ", "fem, år", " ", "sen"]
    assert j.pieces("i dagarna") == ["i", " ", "dagarna"]  # the unit ends mid-word
    assert j.pieces("i  dag") == ["i", "  ", "dag"]  # only one plain space joins
    assert j.pieces("(i dag)") == ["(i dag)"]  # a word starts after a non-letter
    assert j.pieces("1 000 i 2") == ["1 000 i 2"]  # next to a digit: never cut
    assert j.pieces(" a b ") == ["", " ", "a", " ", "b", " ", ""]


def test_a_list_made_from_another_analyser_is_not_used(tmp_path: Path) -> None:
    analyser = tmp_path / "x.bin"
    analyser.write_bytes(b"LTTB")
    joins = tmp_path / "joins.txt"
    joins.write_text("# x.bin 999 0\nab\ni\tdag\n", encoding="utf-8")
    assert Junctions.load(analyser, joins) is None
    st_ = analyser.stat()
    joins.write_text(f"# x.bin {st_.st_size} {int(st_.st_mtime)}\nab\ni\tdag\n", encoding="utf-8")
    got = Junctions.load(analyser, joins)
    assert got is not None and got.pairs == {"i\tdag"}
    assert Junctions.load(analyser, tmp_path / "missing.txt") is None
    assert JOINS.name == "lexer_joins.txt"
