"""Issue 13, item 7: output on a stdout that is not UTF-8 (PYTHONIOENCODING=cp1252,
as when Windows redirects) raised UnicodeEncodeError in the middle of the JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(draft: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "proofer", "check", "--no-languagetool",
                           *args, str(draft)], cwd=ROOT, capture_output=True, env=env,
                          timeout=300)


def test_json_and_text_on_a_cp1252_stdout(tmp_path: Path) -> None:
    # The file name and the text hold characters cp1252 lacks (→, Cyrillic, emoji).
    draft = tmp_path / "utkast→Москва.txt"
    draft.write_text("Hon kmmer hem → Москва 😀 i morgon.\n", encoding="utf-8")
    utf8 = run(draft, "utf-8", "--format", "json")
    assert utf8.returncode == 1, utf8.stderr
    narrow = run(draft, "cp1252", "--format", "json")
    assert narrow.returncode == 1, narrow.stderr.decode("cp1252", "replace")
    assert json.loads(narrow.stdout.decode("cp1252")) == json.loads(utf8.stdout.decode())
    text = run(draft, "cp1252")
    assert text.returncode == 1, text.stderr.decode("cp1252", "replace")
    out = text.stdout.decode("cp1252")
    assert "kmmer" in out and "\\u2192" in out  # the arrow, escaped, not a crash
