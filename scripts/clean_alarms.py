"""Lists every claim (non-info finding) Proofer makes on an eval set's clean texts.

    .venv/bin/python scripts/clean_alarms.py [SET_DIR]

The scorer only counts false alarms; this shows them, to judge rules by their
mistakes rather than by a number.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This checkout's code, not whichever one the environment installed (a worktree run
# with another checkout's .venv silently judged that checkout's claims).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proofer.checkers.registry import build_engine  # noqa: E402
from proofer.finding import Severity  # noqa: E402
from proofer.formats import load_document  # noqa: E402
from proofer.settings import Settings  # noqa: E402


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    set_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/eval/dev"
    settings = Settings(languagetool_mode="off", extra_dictionaries=[str(set_dir / "names.yaml")])
    engine = build_engine(settings)
    total = 0
    for path in sorted((set_dir / "clean").glob("*.txt")):
        doc = load_document(path)
        for f in engine.check(doc.text).findings:
            if f.severity is Severity.INFO:
                continue
            total += 1
            ctx = doc.text[max(0, f.start - 30) : f.end + 30].replace("\n", "¶")
            print(f"{path.stem:16} {f.rule:32} {f.text!r:24} -> {f.suggestions[:1]}  …{ctx}…")
    print(f"{total} claims")


if __name__ == "__main__":
    main()
