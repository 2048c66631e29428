"""Our CG-3 rules and Apertium's in one pass (proofer/morph/disambiguation.py) must
give byte for byte the output of the two passes: the tagger and every grammar rule
read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from proofer.grammar.loader import load_rule_set
from proofer.morph.apertium import OUR_GRAMMAR, ApertiumMorphology
from proofer.morph.disambiguation import REPEAT, combined_grammar, combined_text
from proofer.morph.process import NullFlushPipeline

# Every rule of ours in its context, sentence ends of every kind, colons and
# ellipses (Apertium's windows end there, ours do not), a long sentence past CG-3's
# soft limit of 300 cohorts, reserved characters.
PARAGRAPHS = [
    "Han åt middag. Sedan åt vi. Vi hade åt middag. De som kom köpte det som behövs.",
    "Jag vet när han kommer. När kommer han? Mina barnen är här. Hon vistas olagligt i"
    " Sverige, som minskat kraftigt sedan 70-talet. Det är viktigt komma i tid.",
    "Sedan åt vi: jag åt middag... Han åt: sedan bor här. pricken över i. Genom här!",
    "– Vi hade åt middag, säger hon. ”Mina barnen är här.” Han åt: genom sedan. Här: här.",
    "Priset <100 kr> steg med 5 % [sic] till 1/2 av #taggen^2 $ och \\ i dag. Han åt.",
    ", ".join(["han åt middag och vi bor här"] * 60) + ". Hon kom sedan.",
    "Utan slut på meningen",
    "",
]


@pytest.fixture(scope="module")
def pipelines(tmp_path_factory: pytest.TempPathFactory):
    m = ApertiumMorphology()
    assert m.status == "ok", m.status
    combined = combined_grammar(OUR_GRAMMAR, m.files.grammar, tmp_path_factory.mktemp("cg"))
    assert combined is not None  # the installed grammar is the one checked
    two = NullFlushPipeline([["cg-proc", "-z", str(OUR_GRAMMAR)],
                             ["cg-proc", "-z", str(m.files.grammar)]])
    one = NullFlushPipeline([["cg-proc", "-z", str(combined)]])
    yield m, two, one
    for p in (two, one):
        p.close()
    m.close()


def test_the_morphology_runs_one_pass(pipelines) -> None:
    m = pipelines[0]
    assert len(m._analyser._commands) == 1


def test_one_pass_gives_the_output_of_two(pipelines) -> None:
    m, two, one = pipelines
    lexed = m._lex(PARAGRAPHS)
    assert one.run_many(lexed) == two.run_many(lexed)


def test_one_pass_on_every_example_of_the_grammar_rules(pipelines) -> None:
    m, two, one = pipelines
    rules, _ = load_rule_set()
    texts = sorted({t for r in rules.rules
                    for t in (*(ex.text for ex in r.examples), *r.correct) if t})
    assert len(texts) > 300
    lexed = m._lex(texts)
    assert one.run_many(lexed) == two.run_many(lexed)


def test_the_one_difference_a_window_end_makes(pipelines) -> None:
    """Our rules now see Apertium's windows, which also end at a colon: a context
    two cohorts back no longer reads across it. "här" after "det:" is then the
    adverb (no determiner of its own before it), where the two passes kept the
    noun "här" (the army) because of the "det" before the colon."""
    m, two, one = pipelines
    lexed = m._lex(["Svaret är det: här bor vi."])
    assert "^här/här<adv>/här<n>" in two.run(lexed[0])
    assert "^här/här<adv>$" in one.run(lexed[0])


def test_our_rules_are_written_before_apertiums_and_repeated() -> None:
    ours = ('DELIMITERS = "<.>" ;\nLIST A = ("x" n) # a comment; with a semicolon\n'
            '  ("y" n) ;\nSELECT A IF (1 (v)) ;\n')
    theirs = ('LIST S1 = pl sg ;\nSET S2 = S1 ;\nSET S3 = S4 + S2 ;\nSECTION\n'
              'SELECT S3 (-1 S2) ;\n')
    text = combined_text(ours, theirs)
    assert "SET S2 = S1" not in text and "S4 + $$S1" in text and "(-1 $$S1)" in text
    assert text.count("SELECT A IF (1 (v)) ;") == REPEAT
    assert '"<.>"' not in text  # the windows are Apertium's
    assert text.index("LIST A =") < text.index("BEFORE-SECTIONS") < text.index("SECTION\nSELECT S3")


def test_another_binary_gets_two_passes(tmp_path: Path) -> None:
    other = tmp_path / "other.rlx.bin"
    other.write_bytes(b"not the grammar that was checked")
    assert combined_grammar(OUR_GRAMMAR, other, tmp_path) is None
