"""Lines of the grammar data that share seven words in a row with the evaluation
sets' development texts: rule examples copied from them rather than written.

The house rule is to learn kinds of error from ../shared/eval, never sentences; an
example taken from a development sentence makes a rule look tested on what it was
fitted to. Run from the project root:  python scripts/examples_from_eval.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

WINDOW = 7
WORD = re.compile(r"[^\W_]+")


def eval_text(shared: Path) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(shared.glob("eval/**/*.txt"))]
    return " ".join(WORD.findall(" ".join(parts)))


def copied(lines: list[str], text: str) -> list[tuple[int, str]]:
    found = []
    for n, line in enumerate(lines, 1):
        words = WORD.findall(line)
        if any(" ".join(words[i:i + WINDOW]) in text for i in range(len(words) - WINDOW + 1)):
            found.append((n, line.strip()))
    return found


def main() -> int:
    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared"
    if not shared.is_dir():
        print(f"{shared} saknas", file=sys.stderr)
        return 2
    text = eval_text(shared)
    total = 0
    for path in sorted((root / "resources").rglob("*.yaml")):
        for n, line in copied(path.read_text(encoding="utf-8").splitlines(), text):
            print(f"{path.relative_to(root)}:{n}: {line[:140]}")
            total += 1
    print(f"{total} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
