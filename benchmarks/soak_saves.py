"""Soak test for saves that must never lose data (issue 13, items 3, 4 and 9).

    .venv/bin/python benchmarks/soak_saves.py [--kills 100] [--adds 500] [--workers 3]
                                              [--draft-mb 10] [--project DIR]

1. kill -9 during dictionary saves: a child process adds an entry and saves, again
   and again, to a dictionary of `--entries` (500) entries; the moment a save's temporary file
   appears the child is killed after a random part of a save's duration. Then:
   is the dictionary whole and does it hold every save the child reported (lost)?
   is every backup (`.bak`, `.bak.1`, ...) a whole earlier version (truncated)?
   after the next start (`python -m proofer dict add` on the same file, a real
   CLI run) is anything else left in the folder (leftovers)?
2. The same for a large draft (10 MB .txt) saved with `formats.save_document`; the
   next start is what the app does when it opens a draft (load it, clean its folder).
3. `--workers` processes at once, each running `--adds` x `python -m proofer dict add`
   on one shared dictionary: every add must exit 0 (failed) and every reported add
   must be in the file at the end (lost).

Each part prints tried / failed / lost (and what failed). `--project` runs the
children against another checkout (e.g. an older commit, to see the figures before a
fix); the checks here read the files themselves and assume nothing of that version.
Everything happens in a temporary folder, with PROOFER_CONFIG_DIR pointing there.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SOAK = "Soak Person"
BACKUP = re.compile(r"\.bak(\.\d+)?$")

DICT_CHILD = """
import sys
from proofer.names.editing import DictionaryFile
from proofer.names.model import Entry
path, i = sys.argv[1], int(sys.argv[2])
df = DictionaryFile.load(path)
print("ready", flush=True)
while True:
    df.add(Entry(f"SOAK {i:05d}", "person"))
    df.save()
    print(f"saved {i}", flush=True)
    i += 1
""".replace("SOAK", SOAK)

DRAFT_CHILD = """
import sys
from pathlib import Path
from proofer.formats import load_document, save_document
path = Path(sys.argv[1])
doc = load_document(path)
head, body = doc.text.split("\\n", 1)
i = int(head.split()[1]) + 1
print("ready", flush=True)
while True:
    save_document(doc, f"Version {i}\\n" + body)
    print(f"saved {i}", flush=True)
    i += 1
"""

DRAFT_OPEN = """
import sys
from pathlib import Path
from proofer.formats import load_document
load_document(Path(sys.argv[1]))
try:
    from proofer import leftovers
except ImportError:  # a version without start-up clean-up
    sys.exit(0)
leftovers.clean_beside(Path(sys.argv[1]))
"""


class Soak:
    def __init__(self, project: Path, work: Path) -> None:
        self.project = project
        self.work = work
        self.env = {**os.environ, "PYTHONPATH": str(project),
                    "PROOFER_CONFIG_DIR": str(work / "config")}

    def popen(self, args: list[str], **kw) -> subprocess.Popen[str]:  # noqa: ANN003
        return subprocess.Popen([sys.executable, *args], cwd=self.project, env=self.env,
                                text=True, **kw)

    def run(self, args: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=self.project, env=self.env,
                              text=True, capture_output=True, timeout=300, check=False)


# -- what is on disk -------------------------------------------------------------------
def soak_numbers(data: bytes) -> list[int] | None:
    """The soak entries' numbers in a dictionary file, None if it is not whole."""
    try:
        doc = yaml.safe_load(data.decode("utf-8"))
        entries = doc["entries"]
        names = [str(e["name"]) for e in entries]
    except Exception:  # noqa: BLE001 - any failure means the file is damaged
        return None
    if len(entries) < BASE_ENTRIES:
        return None
    return [int(n.rsplit(" ", 1)[1]) for n in names if n.startswith(SOAK)]


def draft_version(data: bytes, body: bytes) -> int | None:
    head, sep, rest = data.partition(b"\n")
    if not sep or rest != body or not head.startswith(b"Version "):
        return None
    try:
        return int(head.split()[1])
    except ValueError:
        return None


def extras(folder: Path, target: Path) -> list[str]:
    return sorted(f.name for f in folder.iterdir()
                  if f.name != target.name and not (f.name.startswith(target.name)
                                                    and BACKUP.search(f.name)))


def backups(folder: Path, target: Path) -> list[Path]:
    return [f for f in folder.iterdir()
            if f.name.startswith(target.name) and BACKUP.search(f.name)]


# -- kill -9 during saves --------------------------------------------------------------
def in_save(folder: Path, target: Path) -> bool:
    """A save's temporary file is there (any version's naming: a hidden file named
    after the target that is not a lock)."""
    prefix = f".{target.name}."
    with os.scandir(folder) as it:
        return any(e.name.startswith(prefix) and not e.name.endswith("lock") for e in it)


def start_child(soak: Soak, code: str, target: Path, arg: str) -> subprocess.Popen[str]:
    child = soak.popen(["-c", code, str(target), arg], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        raise RuntimeError(f"the child did not start: {line!r} {child.stderr.read()}")  # type: ignore[union-attr]
    return child


def wait_for_save(folder: Path, target: Path, timeout: float = 60) -> float | None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if in_save(folder, target):
            return time.monotonic()
    return None


def save_duration(soak: Soak, code: str, target: Path, arg: str, folder: Path) -> float:
    """How long a temporary file lives during one save (median of a few)."""
    child = start_child(soak, code, target, arg)
    spans = []
    try:
        for _ in range(5):
            t0 = wait_for_save(folder, target)
            if t0 is None:
                break
            while in_save(folder, target):
                pass
            spans.append(time.monotonic() - t0)
    finally:
        child.kill()
        child.wait()
    return statistics.median(spans) if spans else 0.05


def acknowledged(child: subprocess.Popen[str]) -> int | None:
    out, _ = child.communicate(timeout=60)
    saved = [int(m) for m in re.findall(r"^saved (\d+)$", out, re.M)]
    return max(saved) if saved else None


class Tally:
    def __init__(self) -> None:
        self.tried = self.mid_write = self.lost = 0
        self.problems: dict[str, int] = {}
        self.examples: list[str] = []

    def fail(self, kind: str, detail: str) -> None:
        self.problems[kind] = self.problems.get(kind, 0) + 1
        if len(self.examples) < 5:
            self.examples.append(f"{kind}: {detail}")

    def line(self, what: str) -> str:
        failed = sum(self.problems.values())
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.problems.items())) or "none"
        return (f"{what}: tried {self.tried}, failed {failed} ({kinds}), lost {self.lost}"
                f"  [{self.mid_write} kills left a save half-done on disk]")


def kill_during_saves(soak: Soak, kills: int, kind: str, target: Path,
                      version: Callable[[bytes], int | None], next_start: Callable[[], str]
                      ) -> Tally:
    folder = target.parent
    code = DICT_CHILD if kind == "dictionary" else DRAFT_CHILD

    def next_arg() -> str:
        if kind != "dictionary":
            return ""
        nums = soak_numbers(target.read_bytes()) or []
        return str(max(nums, default=-1) + 1)

    t = Tally()
    for trial in range(kills):
        if trial % 10 == 0:  # measured again and again: the machine's load changes
            if trial:
                print(f"  {t.line(kind)}", flush=True)
            span = save_duration(soak, code, target, next_arg(), folder)
            print(f"  a {kind} save keeps its temporary file {span * 1000:.0f} ms", flush=True)
        t.tried += 1
        child = start_child(soak, code, target, next_arg())
        if wait_for_save(folder, target) is None:
            child.kill()
            t.fail("no save started", f"trial {trial}")
            continue
        time.sleep(random.uniform(0, span))
        child.send_signal(signal.SIGKILL)
        acked = acknowledged(child)
        if any(not name.endswith("lock") for name in extras(folder, target)):
            t.mid_write += 1
        data = target.read_bytes() if target.exists() else b""
        got = version(data)
        if got is None:
            t.fail("corrupt file", f"trial {trial}: {len(data)} bytes")
        elif acked is not None and got < acked:
            t.lost += 1
            t.examples.append(f"lost: trial {trial}: on disk {got}, reported saved {acked}")
        for b in backups(folder, target):
            if version(b.read_bytes()) is None:
                t.fail("truncated or empty backup", f"trial {trial}: {b.name} "
                       f"{b.stat().st_size} bytes")
        problem = next_start()
        if problem:
            t.fail("next start failed", f"trial {trial}: {problem}")
        left = extras(folder, target)
        if left:
            t.fail("leftover files after the next start", f"trial {trial}: {left}")
            for name in left:  # count each kill's leftovers once
                (folder / name).unlink(missing_ok=True)
    return t


BASE_ENTRIES = 500


def dictionary_part(soak: Soak, kills: int) -> Tally:
    folder = soak.work / "delad"
    folder.mkdir()
    target = folder / "namn.yaml"
    lines = ["# Soak", "entries:"]
    for i in range(BASE_ENTRIES):
        lines += [f"  - name: Bas Namnsson {i:04d}", "    kind: person",
                  "    titles: [kommunalråd]", "    party: S"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    nexts = iter(range(10**6))

    def version(data: bytes) -> int | None:
        nums = soak_numbers(data)
        if nums is None or nums != list(range(len(nums))):
            return None  # damaged, or an entry in the middle went missing
        return len(nums) - 1

    def next_start() -> str:
        r = soak.run(["-m", "proofer", "dict", "add", f"Nästa Start {next(nexts):05d}",
                      "--kind", "organization", "--file", str(target)])
        return "" if r.returncode == 0 else f"exit {r.returncode}: {r.stderr.strip()[-200:]}"

    return kill_during_saves(soak, kills, "dictionary", target, version, next_start)


def draft_part(soak: Soak, kills: int, megabytes: int) -> Tally:
    folder = soak.work / "utkast"
    folder.mkdir()
    target = folder / "artikel.txt"
    line = "Kommunfullmäktige beslutade i går att skjuta upp budgeten för skolan.\n"
    body = (line * (megabytes * 1024 * 1024 // len(line.encode()))).encode("utf-8")
    target.write_bytes(b"Version 0\n" + body)

    def next_start() -> str:
        r = soak.run(["-c", DRAFT_OPEN, str(target)])
        return "" if r.returncode == 0 else f"exit {r.returncode}: {r.stderr.strip()[-200:]}"

    return kill_during_saves(soak, kills, "draft", target, lambda d: draft_version(d, body),
                             next_start)


# -- concurrent admins -----------------------------------------------------------------
def concurrent_adds(soak: Soak, workers: int, adds: int) -> str:
    folder = soak.work / "admins"
    folder.mkdir()
    target = folder / "delad.yaml"
    target.write_text("entries:\n  - name: Bas Person\n    kind: person\n", encoding="utf-8")
    reported: list[str] = []
    failures: list[str] = []
    lock = threading.Lock()

    def admin(w: int) -> None:
        for i in range(adds):
            name = f"Admin {chr(65 + w)} {i:04d}"
            r = soak.run(["-m", "proofer", "dict", "add", name, "--kind", "person",
                          "--file", str(target)])
            with lock:
                if r.returncode == 0 and "Lade till" in r.stdout:
                    reported.append(name)
                else:
                    failures.append(f"{name}: exit {r.returncode} {r.stderr.strip()[-160:]}")

    threads = [threading.Thread(target=admin, args=(w,)) for w in range(workers)]
    t0 = time.monotonic()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    present = {str(e["name"]) for e in yaml.safe_load(target.read_text(encoding="utf-8"))
               ["entries"]}
    lost = [n for n in reported if n not in present]
    for f in failures[:5]:
        print(f"    failed: {f}")
    for n in lost[:5]:
        print(f"    lost: {n}")
    return (f"{workers} x {adds} concurrent `dict add` (CLI): tried {workers * adds}, "
            f"failed {len(failures)}, lost {len(lost)}  [{time.monotonic() - t0:.0f} s]")


def main() -> int:
    global BASE_ENTRIES
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=100, help="kill -9 per kind of save")
    p.add_argument("--adds", type=int, default=500, help="dict add per admin")
    p.add_argument("--workers", type=int, default=3, help="admins at once")
    p.add_argument("--draft-mb", type=int, default=10)
    p.add_argument("--entries", type=int, default=BASE_ENTRIES, help="dictionary size")
    p.add_argument("--project", type=Path, default=ROOT, help="the checkout to run")
    p.add_argument("--only", choices=["dictionary", "draft", "admins"], action="append")
    args = p.parse_args()
    BASE_ENTRIES = args.entries
    parts = args.only or ["dictionary", "draft", "admins"]
    lines = []
    with tempfile.TemporaryDirectory(prefix="proofer-soak-") as tmp:
        soak = Soak(args.project.resolve(), Path(tmp))
        (Path(tmp) / "config").mkdir()
        print(f"project: {soak.project}", flush=True)
        if "dictionary" in parts:
            t = dictionary_part(soak, args.kills)
            lines.append(t.line(f"kill -9 during dictionary saves ({BASE_ENTRIES} entries)"))
            lines += [f"    {e}" for e in t.examples]
            print(lines[-1 - len(t.examples)], flush=True)
        if "draft" in parts:
            t = draft_part(soak, args.kills, args.draft_mb)
            lines.append(t.line(f"kill -9 during draft saves ({args.draft_mb} MB .txt)"))
            lines += [f"    {e}" for e in t.examples]
            print(lines[-1 - len(t.examples)], flush=True)
        if "admins" in parts:
            lines.append(concurrent_adds(soak, args.workers, args.adds))
            print(lines[-1], flush=True)
    print("\n".join(["", "summary:", *lines]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
