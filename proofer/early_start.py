"""The slow parts of a command-line check's start-up that need no Python, begun
first, so that they run on the other core while this one imports and loads tables.

Python runs one thread at a time, but a thread waiting in C code that lets go of the
interpreter lock does not hold the others up: enchant loading Hunspell's dictionary
(most of the time of a bare spell check) runs in a ctypes call, which lets go, and
the grammar's Apertium tools are processes of their own that load their data while
we import. So a one-paragraph check starts both before its imports, and its speller
takes the dictionary loaded meanwhile instead of loading one on the main thread.

Only the command line calls begin(): the app builds its engine on a worker thread
after its window is up. A long text's worker processes are forked with the
dictionary and the engine, built; each starts its own tools, while this process
checks its share with the ones begun here.
`python -m proofer check FILE...` calls begin_for_arguments before it imports
anything else of the program: the dictionary then loads while the whole command
line is imported, not only the checkers.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

# The dictionary loaded in the background (a list that gets it, then None), per
# language, until a speller takes it.
_dictionaries: dict[str, list[Any]] = {}
_loading = 0  # loading threads that have not yet come to their end
# The grammar's tools: "idle"; "after" (the loading thread starts them once its
# dictionary is in); "started" (once per process).
_tools = "idle"
_lock = threading.Lock()
_threads: list[threading.Thread] = []  # every thread started here (for settle())
_done = threading.Condition()
# The speller's language (proofer.speller.LANGUAGE, which imports too much to be
# read this early; tests/test_early_start.py holds them equal).
LANGUAGE = "sv_SE"


def begin(paths: Sequence[str], language: str = LANGUAGE) -> None:
    """Start loading the spelling dictionary and the grammar's tools, when this
    process will check text (not for an empty file, or none)."""
    if not _has_text(paths):
        return
    load_dictionary_soon(language)
    start_tools_soon()


# The check command's options that take a value (proofer.cli.add_check_parser;
# tests/test_morph_startup.py holds them equal).
VALUE_OPTIONS = frozenset({"--dictionary", "--format", "--languagetool", "--languagetool-url",
                           "--jobs", "-j"})


def begin_for_arguments(argv: Sequence[str]) -> None:
    """begin() for `check` with files (not one folder) on the command line, before
    the command line is parsed: this process checks, alone or beside the worker
    processes it forks for a long text (each starts its own tools). A guess about
    arguments it does not know is only a lost head start: batch.check_files calls
    begin() again, and waits for this thread before it forks workers (settle())."""
    args = [a for a in argv if a != "--debug"]
    if not args or args[0] != "check":
        return
    pause_collector()
    files = []
    rest = iter(args[1:])
    for arg in rest:
        if arg in VALUE_OPTIONS:
            next(rest, None)
        elif not arg.startswith("-") or arg == "-":
            files.append(arg)
    if len(files) > 1 or (files and os.path.isfile(files[0])):
        begin(files)


# Whether pause_collector() turned the cyclic garbage collector off (and
# resume_collector() has not yet turned it on again).
_collector_paused = False


def pause_collector() -> None:
    """Turn the cyclic garbage collector off while the program starts: importing
    it and building the engine allocate some hundred thousand objects that live as
    long as the process, and the collections they trigger walk them again and
    again (a tenth of the imports' CPU) to find next to no garbage. The check
    resumes it once the engine is built (resume_collector)."""
    global _collector_paused
    if gc.isenabled():
        gc.disable()
        _collector_paused = True


def resume_collector() -> None:
    """The collector on again, if pause_collector() turned it off (what is alive
    by now lives as long as the process: proofer.frequency freezes it)."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.enable()


def settle() -> None:
    """Wait for the loading thread to finish (before a fork: a process forked while
    another thread holds a lock inherits the lock held for good)."""
    with _lock:
        threads = list(_threads)
    for thread in threads:
        thread.join()


def _has_text(paths: Sequence[str]) -> bool:
    try:
        return bool(paths) and os.path.getsize(paths[0]) > 0
    except OSError:
        return False


def load_dictionary_soon(language: str) -> None:
    """Load enchant's dictionary for `language` in a thread (once, until a speller
    takes it: take_dictionary)."""
    global _loading
    with _lock:
        if language in _dictionaries:
            return
        box: list[Any] = []
        _dictionaries[language] = box
        _loading += 1
        thread = _thread(_load_dictionary, (language, box), "early-start")
    thread.start()


def start_tools_soon() -> None:
    """Start the grammar's tools, once: after the dictionary that is loading now,
    or at once when none is.

    After, not beside it: on two cores, five processes loading at once left the
    dictionary a fifth of one core, and the main thread, done with its imports,
    waited for it; the tools are needed only once the tables are loaded too."""
    global _tools
    with _lock:
        if _tools != "idle":
            return
        if _loading:
            _tools = "after"
            return
        _tools = "started"
        thread = _thread(_start_morphology, (), "early-tools")
    thread.start()


def _thread(target: Callable[..., None], args: tuple[Any, ...], name: str) -> threading.Thread:
    """A daemon thread, kept for settle() (call with the lock held)."""
    thread = threading.Thread(target=target, args=args, name=name, daemon=True)
    _threads.append(thread)
    return thread


def _load_dictionary(language: str, box: list[Any]) -> None:
    global _loading, _tools
    try:
        import enchant

        box.append(enchant.Dict(language))
    except Exception:  # noqa: BLE001 - the speller loads it again and reports why
        pass
    finally:
        box.append(None)  # done: take_dictionary need not wait for the tools
        with _done:
            _done.notify_all()
    with _lock:
        _loading -= 1
        tools = _tools == "after" and not _loading
        if tools:
            _tools = "started"
    if tools:
        _start_morphology()


def take_dictionary(language: str) -> Any | None:
    """The dictionary load_dictionary_soon() loaded (waiting for it), once; None when
    none was started for `language` or it failed (the caller loads its own, and
    reports the failure as it always did)."""
    with _lock:
        box = _dictionaries.pop(language, None)
    if box is None:
        return None
    with _done:
        _done.wait_for(lambda: bool(box))
    return box[0]


def start_morphology_soon() -> None:
    """Start the grammar's tools in a thread now (a batch worker, just forked: they
    load while it takes its first orders)."""
    threading.Thread(target=_start_morphology, name="early-tools", daemon=True).start()


def _start_morphology() -> None:
    """Start the grammar's Apertium tools: they load their data (about a quarter of
    a second of their own CPU) while this process loads its tables."""
    try:
        from proofer.morph import get_morphology

        morph = get_morphology()
        if getattr(morph, "status", "") != "ok":
            return
        if hasattr(morph, "pipelines"):
            # A tool primed at its start is waited for: the others start first.
            for pipe in sorted(morph.pipelines(), key=lambda p: bool(getattr(p, "_prime", ""))):
                pipe.start()
        elif hasattr(morph, "start"):
            morph.start()
    except Exception:  # noqa: BLE001 - the grammar checker reports it when it asks
        pass
