"""Where Apertium's Swedish analyser reads on through a space: the data behind
proofer/morph/lexer_cache.py, written to resources/morph/lexer_joins.txt.

    .venv/bin/python scripts/build_lexer_joins.py [ANALYSER.bin]

lt-proc reads a multiword unit ("i dag", "på grund av", ", år äldre", "2 000",
"12,5 %") across a single space, so a text may only be cut at a space where no unit
runs on. This prints the analyser with `lt-print` (Debian package lttoolbox-dev,
needed only here) and lists, for every space inside an entry that leads on to a
complete entry, the word before it and the word after it (up to the next space or
the entry's end): a "junction". Paths through a digit are left out, since a text
with a digit next to a space is never cut (the analyser's number patterns loop
over digits); runs of "." and "," (the same patterns without digits) are written
as "<.,>". The list also holds the letters of the analyser's alphabet (a word may
start after any other character), and its first line keys it to the analyser file
(size and modification time): lexer_cache.py uses no list made from another file.
"""

from __future__ import annotations

import collections
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from proofer.morph.apertium import CANDIDATES  # noqa: E402
from proofer.morph.lexer_cache import DIGITS, PUNCT_RUN, piece_key  # noqa: E402

OUT = ROOT / "resources" / "morph" / "lexer_joins.txt"
LONGEST = 80  # a piece longer than this is a loop the list cannot hold


def sections(printed: str) -> list[tuple[list[tuple[int, int, str]], set[int]]]:
    """Each transducer section's transitions (from, to, input symbol) and finals."""
    out = []
    for part in printed.split("\n--\n"):
        arcs, finals = [], set()
        for line in part.split("\n"):
            f = line.split("\t")
            if len(f) >= 4:
                arcs.append((int(f[0]), int(f[1]), f[2]))
            elif f[0].strip():
                finals.add(int(f[0]))
        out.append((arcs, finals))
    return out


def _grow(piece: str, symbol: str) -> str:
    if symbol == "ε" or (piece == PUNCT_RUN and symbol in ".,"):
        return piece
    grown = piece + symbol
    if all(c in ".," for c in grown):
        return PUNCT_RUN  # a run of any length: one key
    if len(grown) > LONGEST:
        raise SystemExit(f"en slinga utan siffror i analysatorn: {grown[:40]}…")
    return grown


def junctions(arcs: list[tuple[int, int, str]], finals: set[int]) -> set[tuple[str, str]]:
    """(word before, word after) of every space on a path from state 0 that reads
    no digit and can still end in a final state."""
    fwd: dict[int, list[tuple[int, str]]] = collections.defaultdict(list)
    rev: dict[int, list[int]] = collections.defaultdict(list)
    for a, b, s in arcs:
        if s in DIGITS:
            continue
        fwd[a].append((b, s))
        rev[b].append(a)

    def coreach(targets: set[int]) -> set[int]:
        seen, todo = set(targets), list(targets)
        while todo:
            for a in rev[todo.pop()]:
                if a not in seen:
                    seen.add(a)
                    todo.append(a)
        return seen

    live = coreach(finals)
    space_arcs = {(a, b) for a, b, s in arcs if s == " " and b in live}
    useful = coreach({a for a, _ in space_arcs})
    # Words before: the pieces (since the last space) that reach each state.
    before: dict[int, set[str]] = collections.defaultdict(set)
    seen: set[tuple[int, str]] = set()
    todo = [(0, "")] if 0 in useful else []
    while todo:
        state, piece = todo.pop()
        before[state].add(piece)
        for b, s in fwd[state]:
            nxt = (b, "") if s == " " else (b, _grow(piece, s))
            if b in useful and (s != " " or b in live) and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    # Words after: from the state after a space to a final state or the next space.
    after: dict[int, set[str]] = {}
    for _, b in space_arcs:
        if b in after:
            continue
        words: set[str] = set()
        walked: set[tuple[int, str]] = set()
        todo = [(b, "")]
        while todo:
            state, piece = todo.pop()
            if state in finals:
                words.add(piece)
            for c, s in fwd[state]:
                if s == " ":
                    if c in live:
                        words.add(piece)
                    continue
                nxt = (c, _grow(piece, s))
                if c in live and nxt not in walked:
                    walked.add(nxt)
                    todo.append(nxt)
        after[b] = words
    return {(piece_key(x), piece_key(y)) for a, b in space_arcs if a in before
            for x in before[a] for y in after[b]}


def main() -> int:
    analyser = Path(sys.argv[1]) if len(sys.argv) > 1 else CANDIDATES[0].analyser
    printed = subprocess.run(["lt-print", str(analyser)], capture_output=True, text=True,
                             check=True).stdout
    pairs: set[tuple[str, str]] = set()
    letters: set[str] = set()
    for arcs, finals in sections(printed):
        blanks = {s for _, _, s in arcs if s.isspace() and s != " "}
        if blanks:  # lexer_cache.py cuts at every other blank
            raise SystemExit(f"analysatorn läser andra blanktecken än mellanslag: {blanks!r}")
        pairs |= junctions(arcs, finals)
        letters |= {s for _, _, s in arcs if len(s) == 1 and s.isalpha()}
    st = analyser.stat()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"# {analyser.name} {st.st_size} {int(st.st_mtime)}",
             "".join(sorted(letters | {c.upper() for c in letters} | {c.lower() for c in letters}))]
    lines += sorted(f"{x}\t{y}" for x, y in pairs)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(pairs)} skarvar, {len(letters)} bokstäver -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
