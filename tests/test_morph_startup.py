"""The command line starts the grammar's Apertium tools (and loads the spelling
dictionary) while it imports and loads its tables, but only when it will check text
in this process (proofer/early_start.py, called by proofer/batch.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import proofer.morph
from proofer import batch, early_start, worker_count


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
    monkeypatch.setattr(early_start, "_tools", "idle")  # as in a new process
    draft = tmp_path / "a.txt"
    draft.write_text("Huset är stort.\n", encoding="utf-8")
    early_start.begin([str(draft)], language="xx_NONE")
    assert fake.started.wait(5)
    assert early_start.take_dictionary("xx_NONE") is None  # failed: the speller says why


def test_no_tools_for_an_empty_file_or_none(tmp_path: Path, monkeypatch) -> None:
    fake = _FakeMorph()
    monkeypatch.setattr(proofer.morph, "get_morphology", lambda: fake)
    monkeypatch.setattr(early_start, "_tools", "idle")  # as in a new process
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    early_start.begin([str(empty)], language="xx_EMPTY")
    early_start.begin([], language="xx_EMPTY")
    early_start.begin([str(tmp_path / "saknas.txt")], language="xx_EMPTY")
    assert not fake.started.wait(0.5)
    assert early_start.take_dictionary("xx_EMPTY") is None


def test_workers_are_counted_by_the_amount_of_text(tmp_path: Path, monkeypatch) -> None:
    """One long draft goes to as many processes as --jobs allows, a short one or a
    few short files stay in this one: each process must get more text than a
    worker's start costs (proofer.worker_count)."""
    monkeypatch.setattr(batch, "_start_methods", lambda: ["fork"])
    share = worker_count.WORKER_START_BYTES
    long = tmp_path / "lång.txt"
    long.write_bytes(b"x" * (3 * share))
    short = [tmp_path / f"{i}.txt" for i in range(3)]
    for p in short:
        p.write_bytes(b"x" * (share // 4))
    assert batch._workers([str(long)], 2) == 2
    assert batch._workers([str(long)], 8) == 3
    assert batch._workers([str(long)], 1) == 1
    assert batch._workers(list(map(str, short)), 2) == 1
    assert batch._workers([str(tmp_path / "saknas.txt")], 2) == 1
    monkeypatch.setattr(batch, "_start_methods", lambda: ["spawn"])
    assert batch._workers([str(long)], 2) == 1


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


def test_the_speller_takes_the_dictionary_loaded_early(monkeypatch) -> None:
    """The dictionary is loaded in the background; the first speller takes that
    very object (not a second copy), the next one loads its own."""
    import enchant

    from proofer.speller import LANGUAGE, Speller

    assert early_start.LANGUAGE == LANGUAGE
    loaded = []

    class Counting(enchant.Dict):  # pyenchant refers to its own class by name
        def __init__(self, language: str) -> None:
            super().__init__(language)
            loaded.append(self)

    monkeypatch.setattr(enchant, "Dict", Counting)
    early_start.load_dictionary_soon(LANGUAGE)
    first = Speller()
    assert len(loaded) == 1 and first._dict is loaded[0]
    assert first.check("huset") and not first.check("hsuet")
    second = Speller()
    assert len(loaded) == 2 and second._dict is loaded[1]


@pytest.fixture
def tools_not_started(monkeypatch) -> list[int]:
    """early_start as in a new process (the tools not yet asked for), its tool start
    counted instead of run."""
    started: list[int] = []
    monkeypatch.setattr(early_start, "_tools", "idle")
    monkeypatch.setattr(early_start, "_start_morphology", lambda: started.append(1))
    return started


def test_the_tools_start_after_the_dictionary_is_handed_over(tools_not_started) -> None:
    early_start.load_dictionary_soon("xx_THEN")
    early_start.start_tools_soon()
    assert early_start.take_dictionary("xx_THEN") is None
    early_start.settle()
    assert tools_not_started == [1]


def test_tools_asked_for_with_no_dictionary_loading_start_at_once(tools_not_started) -> None:
    early_start.start_tools_soon()
    early_start.settle()
    assert tools_not_started == [1]


@pytest.mark.parametrize("mode,quick", [("off", True), ("local", False)])
def test_a_check_exits_at_once_only_without_languagetool(mode: str, quick: bool,
                                                        monkeypatch) -> None:
    """After a check the process ends without the interpreter's shutdown (os._exit,
    output flushed first), except when LanguageTool ran: its local server is
    stopped by an exit handler."""
    from proofer import cli

    exits: list[tuple[str, int]] = []
    monkeypatch.setattr(cli.os, "_exit", lambda code: exits.append(("now", code)))
    monkeypatch.setattr(cli, "_quick_exit", mode == "off")
    try:
        cli.finish(1)
    except SystemExit as exc:
        exits.append(("usual", int(exc.code or 0)))
    assert exits == [("now" if quick else "usual", 1)]


def test_the_command_line_starts_the_tools_early_for_files(tmp_path: Path,
                                                            monkeypatch) -> None:
    """`python -m proofer check FILE...` begins before the command line is parsed
    (this process checks, also beside workers); for a folder it waits for the
    files under it; with another command nothing starts."""
    begun: list[list[str]] = []
    monkeypatch.setattr(early_start, "begin", lambda paths: begun.append(list(paths)))
    draft = tmp_path / "a.txt"
    draft.write_text("Huset är stort.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("Huset är stort.\n", encoding="utf-8")
    a, b = str(draft), str(other)
    try:
        early_start.begin_for_arguments(["check", "--no-languagetool", "--format", "json",
                                         "--dictionary", b, a])
        early_start.begin_for_arguments(["--debug", "check", "--jobs", "2", a])
        early_start.begin_for_arguments(["check", a, b])
        assert begun == [[a], [a], [a, b]]
        begun.clear()
        early_start.begin_for_arguments(["check", str(tmp_path)])
        early_start.begin_for_arguments(["dict", "list", a])
        early_start.begin_for_arguments([])
    finally:
        early_start.resume_collector()  # paused for a check's start: see below
    assert begun == []


def test_tools_asked_for_after_the_dictionary_start_once(tools_not_started) -> None:
    """A batch begins the dictionary only; when it turns out to check in this
    process (begin() after all), the tools start too, once, however often asked."""
    early_start.load_dictionary_soon("xx_LATER")
    early_start.start_tools_soon()
    early_start.start_tools_soon()
    early_start.settle()
    assert early_start.take_dictionary("xx_LATER") is None
    early_start.start_tools_soon()
    early_start.load_dictionary_soon("xx_LATER")
    early_start.start_tools_soon()
    early_start.settle()
    assert tools_not_started == [1]


def test_a_check_starts_with_the_collector_paused_until_the_engine_is_built(
        tmp_path: Path, monkeypatch) -> None:
    """The cyclic collector is off while a check imports the program and builds its
    engine (they allocate what lives for the run); on again for several files, off
    until the exit for one file checked in this process (a check runs with it off,
    and its first pass after the check would only walk what the check made)."""
    import gc

    monkeypatch.setattr(early_start, "begin", lambda paths: None)
    assert gc.isenabled()
    try:
        early_start.begin_for_arguments(["dict", "list"])
        assert gc.isenabled()
        early_start.begin_for_arguments(["check", str(tmp_path / "a.txt")])
        assert not gc.isenabled()
        built: list[bool] = []
        draft = tmp_path / "a.txt"
        draft.write_text("Huset är stort.\n", encoding="utf-8")

        def build(settings):  # the engine is built with the collector still off
            from proofer.cli import build_engine

            built.append(gc.isenabled())
            return build_engine(settings)

        from proofer.settings import Settings

        [result] = batch.check_files([str(draft)], Settings(languagetool_mode="off"), build, 1)
        assert built == [False] and not gc.isenabled() and result.text is not None
        early_start.begin_for_arguments(["check", str(draft), str(draft)])
        assert not gc.isenabled()
        results = batch.check_files([str(draft)] * 2, Settings(languagetool_mode="off"),
                                    build, 1)
        assert built == [False, False] and gc.isenabled() and len(results) == 2
    finally:
        early_start.resume_collector()
        gc.enable()


def test_the_early_options_are_the_check_commands(monkeypatch) -> None:
    import argparse

    from proofer import cli

    sub = argparse.ArgumentParser().add_subparsers()
    cli.add_check_parser(sub)
    check = sub.choices["check"]
    taking = {s for a in check._actions if a.nargs is None and a.option_strings
              and not isinstance(a, argparse._StoreTrueAction | argparse._HelpAction)
              for s in a.option_strings}
    assert taking == early_start.VALUE_OPTIONS
