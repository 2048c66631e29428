"""The command line starts the grammar's Apertium tools while it loads its tables,
but only when it will check text in this process (proofer/batch.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import proofer.morph
from proofer import batch


class _FakeMorph:
    status = "ok"

    def __init__(self) -> None:
        self.started = threading.Event()

    def start(self) -> None:
        self.started.set()


def test_tools_start_in_the_background_for_a_file_with_text(tmp_path: Path,
                                                              monkeypatch) -> None:
    fake = _FakeMorph()
    monkeypatch.setattr(proofer.morph, "get_morphology", lambda: fake)
    draft = tmp_path / "a.txt"
    draft.write_text("Huset är stort.\n", encoding="utf-8")
    batch._start_morphology_soon([str(draft)])
    assert fake.started.wait(5)


def test_no_tools_for_an_empty_file_or_none(tmp_path: Path, monkeypatch) -> None:
    fake = _FakeMorph()
    monkeypatch.setattr(proofer.morph, "get_morphology", lambda: fake)
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    batch._start_morphology_soon([str(empty)])
    batch._start_morphology_soon([])
    batch._start_morphology_soon([str(tmp_path / "saknas.txt")])
    assert not fake.started.wait(0.5)


def test_only_a_run_without_workers_counts_as_checking_here(monkeypatch) -> None:
    """check_files starts the tools early only when _workers() is 1: with workers
    the parent checks nothing."""
    monkeypatch.setattr(batch, "_start_methods", lambda: ["fork"])
    assert batch._workers([f"{i}.txt" for i in range(100)], 2) == 2
    assert batch._workers(["a.txt"], 2) == 1


def test_a_forked_process_starts_its_own_tools() -> None:
    """A batch worker is a fork of the engine: it must not share the parent's tool
    processes (two writers on one pipe garble both), so it starts its own."""
    import os

    from proofer.morph.process import NullFlushPipeline

    pipe = NullFlushPipeline([["cat"]])
    try:
        assert pipe.run("före") == "före"
        parent = {p.pid for p in pipe._procs}
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: answer whether it got tools of its own
            try:
                ok = pipe.run("barn") == "barn" and not parent & {p.pid for p in pipe._procs}
                os.write(write, b"1" if ok else b"0")
            finally:
                os._exit(0)
        os.close(write)
        answer = os.read(read, 1)
        os.waitpid(pid, 0)
        assert answer == b"1"
        assert pipe.run("efter") == "efter"  # the parent's own still work
        assert {p.pid for p in pipe._procs} == parent
    finally:
        pipe.close()
