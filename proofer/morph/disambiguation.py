"""Our CG-3 rules and Apertium's in one CG-3 process instead of two.

cg-proc spends most of its time reading and writing the stream, not applying rules:
our grammar's pass cost what an empty grammar's does, a third of CG-3's time. So,
where it can be done exactly, both grammars run in one pass: Apertium's compiled
grammar (swe-nor.rlx.bin) written out as text by `vislcg3 --grammar-out`, with our
rules (resources/grammar/disambiguation/swedish.cg3) in its BEFORE-SECTIONS, which
CG-3 applies to a window before any of Apertium's rules, as the separate pass did.

Two things the text needs, and why the result is kept only for a binary it was
checked with (VERIFIED; another binary gets the two passes as before):

* `--grammar-out` drops the unification mark of a set (`$$Number`: the noun agrees
  in number with the adjective before it) and prints it as a set that is only
  another set's name ("SET S20 = S19 ;"); each such name is written back as `$$`
  of the set it names. (Without this 1,594 of 3,263 eval paragraphs came out
  differently; with it, none.)
* BEFORE-SECTIONS are run once per window, while a grammar's own section is run
  again until no rule changes anything: our rules are written REPEAT times, so a
  rule that only applies after a later one did is still applied.

Checked with the binary in VERIFIED: CG-3's output identical to the two passes on
3,263 eval, seed and fuzzed paragraphs and on every example sentence of the grammar
rules (tests/test_morph_disambiguation.py). What can still differ in principle: our
rules now see Apertium's windows, which also end at ":", "..." and "¶" and, past
300 cohorts, at a comma; only a context two words back across such an end
("(NOT -2 (det))") reads differently there.
"""

from __future__ import annotations

import hashlib
import logging
import re
import subprocess
import tempfile
from pathlib import Path

from proofer.table_cache import stored_file

log = logging.getLogger(__name__)

#: sha256 of the compiled Apertium grammars the combined text was checked with
VERIFIED = frozenset({
    # apertium-swe-nor 0.1.0 (Debian bookworm): swe-nor.rlx.bin
    "e8c41b988404a75dbff1971576e536d1cf4c4491cafcd12e7711ccd373ca1095",
})
#: how many times our rules are written (CG-3 runs BEFORE-SECTIONS once)
REPEAT = 3

_ALIAS = re.compile(r"^SET (\w+) = (\w+)\s*;\s*$", re.MULTILINE)
_STATEMENT_START = re.compile(r"^\s*(LIST|SET|DELIMITERS|SOFT-DELIMITERS)\b")


def combined_text(ours: str, theirs: str) -> str:
    """The grammar text that runs `ours` (our rules' source) and then `theirs`
    (Apertium's, as `vislcg3 --grammar-out` prints it) in one pass."""
    aliases = dict(_ALIAS.findall(theirs))
    theirs = _ALIAS.sub("", theirs)
    for name, target in aliases.items():
        theirs = re.sub(rf"\b{name}\b", f"$${target}", theirs)
    sets, rules = _statements(ours)
    at = theirs.index("\nSECTION\n") + 1
    return (theirs[:at] + "\n".join(sets) + "\nBEFORE-SECTIONS\n"
            + "\n".join(rules * REPEAT) + "\n" + theirs[at:])


def _statements(source: str) -> tuple[list[str], list[str]]:
    """The set definitions and the rules of a grammar source (its own DELIMITERS
    left out: the windows are Apertium's)."""
    text = "\n".join(line.split("#", 1)[0] for line in source.splitlines())
    sets, rules = [], []
    for statement in text.split(";"):
        statement = statement.strip()
        if not statement:
            continue
        kind = _STATEMENT_START.match(statement)
        if kind is None:
            rules.append(statement + " ;")
        elif kind.group(1) in ("LIST", "SET"):
            sets.append(statement + " ;")
    return sets, rules


def combined_grammar(ours: Path, theirs: Path, directory: Path | None = None) -> Path | None:
    """A grammar file (in `directory`, by default the user's cache folder) for one
    pass of `ours` then `theirs` (a compiled grammar), or None when that cannot be
    had exactly: a binary not in VERIFIED, no vislcg3, a folder that cannot be
    written. Stored by table_cache, so it is written again only when one changes."""
    try:
        if hashlib.sha256(theirs.read_bytes()).hexdigest() not in VERIFIED:
            return None
        return stored_file("disambiguation", [ours, theirs, Path(__file__)],
                           lambda: _combine(ours, theirs).encode("utf-8"), directory,
                           suffix=".cg3")
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        log.info("CG-3-grammatikerna körs var för sig: %s", exc)
        return None


def _combine(ours: Path, theirs: Path) -> str:
    """The combined grammar's text: Apertium's binary written out by vislcg3."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "theirs.cg3"
        subprocess.run(["vislcg3", "-g", str(theirs), "--grammar-only",
                        "--grammar-out", str(out)], check=True, capture_output=True,
                       timeout=30)
        return combined_text(ours.read_text(encoding="utf-8"),
                             out.read_text(encoding="utf-8"))
