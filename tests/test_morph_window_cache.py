"""CG-3's output put together from sentence windows (proofer/morph/window_cache.py)
must be byte for byte its output for the whole paragraph: the tagger and every
grammar rule read it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from proofer.morph.apertium import OUR_GRAMMAR, ApertiumMorphology
from proofer.morph.window_cache import CUT_AFTER, WindowCache, windows

# Sentence ends of every kind, colons and ellipses (Apertium's grammar ends a window
# there, ours does not), quotes and reply dashes, reserved characters (escapes),
# a long sentence past CG-3's soft limit of 300 cohorts, abbreviations and numbers.
PARAGRAPHS = [
    "Han åt middag. Vi bor här! Vem kom? De som kom åt sedan.",
    "Sedan åt vi: jag åt middag... Det är viktigt komma i tid. När kommer han?",
    "– Vi hade åt middag, säger hon. ”Mina barnen är här.” Det: här är genom sedan.",
    "Priset <100 kr> steg med 5 % [sic] till 1/2 av #taggen^2 $ och \\ i dag. Han åt.",
    "kl. 13.00 i dag. 2018. bl.a. t.ex. Han åt.  Hon åt.\tVi åt.",
    ", ".join(["han åt middag och vi bor här"] * 60) + ". Hon kom sedan.",
    "Utan slut på meningen",
    "?!. . . Han åt. ",
    "",
]


def test_windows_join_to_the_stream() -> None:
    for stream in ["", "\n", "^a/a<n>$ ^./.<sent><clb>$\n", "^./.<sent>$^!/!<sent>$",
                   "[\\^./.<sent>$] ^a\\/b/a<n>$ ^?/?<sent><clb>$ ^b/b<n>$\n"]:
        assert "".join(windows(stream)) == stream


def test_windows_end_after_sentence_ends_only() -> None:
    s = ("^Han/han<prn>$ ^åt/äta<vblex>$^./.<sent><clb>$ ^Vi/vi<prn>$^:/:<sent>$"
         " ^kom/komma<vblex>$\n")
    assert windows(s) == ["^Han/han<prn>$ ^åt/äta<vblex>$^./.<sent><clb>$",
                          " ^Vi/vi<prn>$^:/:<sent>$ ^kom/komma<vblex>$\n"]
    # blanks after the last sentence end stay with it
    assert windows("^a/a$^?/?<sent>$\n") == ["^a/a$^?/?<sent>$\n"]
    # an escaped "^" or a superblank is no unit
    assert windows("^a/a$ \\^./x$ [^./.$] ^b/b$\n") == ["^a/a$ \\^./x$ [^./.$] ^b/b$\n"]
    assert windows("^\\//\\/$^!/!<sent>$ ^c/c$") == ["^\\//\\/$^!/!<sent>$", " ^c/c$"]


def _delimiters(grammar_text: str) -> set[str]:
    m = re.search(r"^\s*(?:LIST\s+_S_DELIMITERS_|DELIMITERS)\s*=([^;]*);", grammar_text,
                  re.MULTILINE)
    assert m is not None
    return set(re.findall(r'"<(.*?)>"', m.group(1)))


def test_both_grammars_end_their_windows_where_the_cache_cuts(
        morph: ApertiumMorphology, tmp_path: Path) -> None:
    """The cut is exact only while both grammars have these DELIMITERS and no rule
    looks across windows (a spanning context is written with a W or @)."""
    ours = OUR_GRAMMAR.read_text(encoding="utf-8")
    out = tmp_path / "apertium.cg3"
    subprocess.run(["vislcg3", "-g", str(morph.files.grammar), "--grammar-only",
                    "--grammar-out", str(out)], check=True, capture_output=True)
    theirs = out.read_text(encoding="utf-8")
    for text in (ours, theirs):
        assert set(CUT_AFTER) <= _delimiters(text)
        rules = [line for line in text.splitlines()
                 if re.match(r"\s*(\"<[^>]*>\"\S*\s+)?(SELECT|REMOVE)\b", line)]
        assert rules
        for rule in rules:  # positions such as (-1W x), (1@ x), (*1W x)
            assert not re.search(r"\((?:NOT |NEGATE )?\*?-?\d*[*]?[A-Z]*[W@]", rule), rule


def test_windows_give_the_output_of_the_whole(morph: ApertiumMorphology) -> None:
    lexed = morph._lex(PARAGRAPHS)
    whole = morph._analyser.run_many(lexed)
    assert WindowCache().outputs(morph._analyser.run_many, lexed) == whole
    cache = WindowCache()
    cache.outputs(morph._analyser.run_many, lexed[::-1])
    # again from the kept windows alone
    assert cache.outputs(lambda todo: pytest.fail(f"sent again: {todo}"), lexed) == whole


def test_only_new_windows_go_to_the_tools(morph: ApertiumMorphology) -> None:
    sent: list[str] = []

    def run_many(todo: list[str]) -> list[str]:
        sent.extend(todo)
        return morph._analyser.run_many(todo)

    cache = WindowCache()
    first, edited = morph._lex(["Han åt middag. Vi bor här. Hon kom sedan.",
                                "Han åt middag. Vi bodde här. Hon kom sedan."])
    cache.outputs(run_many, [first])
    assert len(sent) == 3
    sent.clear()
    assert cache.outputs(run_many, [edited]) == morph._analyser.run_many([edited])
    assert len(sent) == 1 and "bodde" in sent[0]


def test_a_full_cache_starts_again() -> None:
    cache = WindowCache(max_chars=100)
    echo = list
    streams = [f"^w{i}/w{i}<n>$^./.<sent>$" for i in range(20)]
    assert cache.outputs(echo, streams) == streams
    assert cache._chars <= 100
