"""A batch on several cores: the workers share out the batch's distinct paragraphs,
then its files.

The engine keeps each paragraph's findings (they depend on nothing else), so in one
process a paragraph met again costs a look-up. Files handed to the workers in turn
lost that: each worker met most of the repeated paragraphs (bylines, fact boxes, a
story in several versions) and checked them again, so two workers did up to twice
the work of one (100 files of 500 words from a pool of articles: each worker met
nine tenths of the batch's distinct paragraphs). So the work is shared by
paragraph, in two steps per round of files:

1. every distinct paragraph of the round goes to one worker (longest first, to the
   least loaded), which runs the paragraph checkers on it and sends back the
   findings; every worker then learns the others' (Engine.learn_paragraphs);
2. the files go to the workers (each to the least loaded, by length), which check
   them as usual: the paragraph checkers find everything cached, only the document
   checkers (consistency, the rules) run.

The workers are forked once, with the engine built, before the first result: the
caller starts LanguageTool's client (threads) after that, and a fork must not copy
a process with threads. They live for the whole batch and take their orders over a
pipe. A round holds at most ROUND_CHARS of distinct paragraphs, well inside the
engine's paragraph caches, so that what a worker learned is still there when its
files come. A worker that dies costs only its files (reported as internal errors);
a paragraph whose findings never came is checked with its file.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from proofer.batch import FileResult, check_read, read_file
from proofer.document import split_paragraphs
from proofer.engine import CACHE_CHARS, Engine

# Distinct paragraph characters per round: a quarter of a checker's cache.
ROUND_CHARS = CACHE_CHARS // 4
# Files per round at most (their texts and results travel in one piece).
ROUND_FILES = 200

Found = dict[str, dict[str, tuple[Any, ...]]]


def check_in_workers(engine: Engine, paths: Sequence[str], jobs: int) -> Iterator[FileResult]:
    """Each file's result, in input order, checked by `jobs` forked workers."""
    workers = _start(engine, jobs)
    try:
        for start, reads in _rounds(paths):
            yield from _round(workers, start, reads)
    finally:
        for w in workers:
            w.stop()


class _Worker:
    def __init__(self, context: Any, engine: Engine) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(engine, child), daemon=True,
                                       name="proofer-batch")
        self.process.start()
        child.close()
        self.alive = True

    def send(self, message: tuple[str, Any]) -> None:
        if self.alive:
            try:
                self.conn.send(message)
            except OSError:
                self.alive = False

    def receive(self) -> Any:
        """The next message, or None when the worker is gone."""
        if not self.alive:
            return None
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            self.alive = False
            return None

    def stop(self) -> None:
        self.send(("stop", None))
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _start(engine: Engine, jobs: int) -> list[_Worker]:
    from proofer import early_start

    early_start.settle()  # no thread of ours running while we fork
    context = multiprocessing.get_context("fork")
    # Everything alive now is the engine and the program, kept for the whole run:
    # out of the collector's sight for good (as proofer.frequency does with its
    # tables), so that a worker's collections do not walk (and copy, page by page)
    # what it shares with this process.
    gc.collect()
    gc.freeze()
    return [_Worker(context, engine) for _ in range(jobs)]


def _rounds(paths: Sequence[str]) -> Iterator[tuple[int, list[FileResult]]]:
    """The files read, in rounds of at most ROUND_CHARS distinct paragraph
    characters (and ROUND_FILES files), with the index of each round's first."""
    reads: list[FileResult] = []
    seen: set[str] = set()
    chars = 0
    start = 0
    for i, path in enumerate(paths):
        read = read_file(path)
        if read.text is not None:
            for p in split_paragraphs(read.text):
                if p.text not in seen:
                    seen.add(p.text)
                    chars += len(p.text)
        reads.append(read)
        if chars >= ROUND_CHARS or len(reads) >= ROUND_FILES:
            yield start, reads
            start, reads, seen, chars = i + 1, [], set(), 0
    if reads:
        yield start, reads


def _round(workers: list[_Worker], start: int, reads: list[FileResult]
           ) -> Iterator[FileResult]:
    texts = [r.text for r in reads if r.text is not None]
    _share_paragraphs(workers, texts)
    live = [w for w in workers if w.alive]
    # The files, each to the least loaded worker (by length), in input order.
    load = [0] * len(live)
    given: dict[int, list[int]] = {k: [] for k in range(len(live))}
    for i, read in enumerate(reads):
        if read.text is not None and live:
            k = min(range(len(live)), key=lambda k: (load[k], k))
            given[k].append(i)
            load[k] += len(read.text) + 1
    for k, w in enumerate(live):
        w.send(("files", [(i, reads[i]) for i in given[k]]))
    results: dict[int, FileResult] = {i: r for i, r in enumerate(reads) if r.text is None}
    waiting = {w.conn: (w, given[k]) for k, w in enumerate(live) if given[k]}
    nxt = 0
    while nxt < len(reads):
        if nxt in results:
            yield results.pop(nxt)
            nxt += 1
            continue
        if not waiting:  # no worker left for this file: every worker died
            results.update({i: _lost(reads[i]) for i in range(nxt, len(reads))
                            if i not in results})
            continue
        for conn in wait(list(waiting)):
            w, todo = waiting[conn]  # type: ignore[index]
            message = w.receive()
            if message is None:  # the worker died: its files are lost to it
                results.update({i: _lost(reads[i]) for i in todo})
                del waiting[conn]
                continue
            i, result = message
            results[i] = result
            todo.remove(i)
            if not todo:
                del waiting[conn]


def _share_paragraphs(workers: list[_Worker], texts: list[str]) -> None:
    """Step 1: each distinct paragraph checked by one worker, and learned by all."""
    live = [w for w in workers if w.alive]
    if len(live) < 2:
        return  # one worker checks everything with its files anyway
    distinct = sorted({p.text for t in texts for p in split_paragraphs(t)},
                      key=len, reverse=True)
    shares: list[list[str]] = [[] for _ in live]
    load = [0] * len(live)
    for text in distinct:
        k = min(range(len(live)), key=lambda k: (load[k], k))
        shares[k].append(text)
        load[k] += len(text) + 1
    for w, share in zip(live, shares, strict=True):
        w.send(("paragraphs", share))
    found = [w.receive() for w in live]
    for k, w in enumerate(live):
        others = [f for j, f in enumerate(found) if j != k and f]
        if others:
            w.send(("learn", others))


def _lost(read: FileResult) -> FileResult:
    return FileResult(read.path, messages=[
        *read.messages, f"proofer: {read.path}: internt fel vid granskningen "
                        "(arbetsprocessen avslutades oväntat)"], crashed=True)


def _serve(engine: Engine, conn: Connection) -> None:
    """A worker: orders until "stop" (or the batch is gone)."""
    from proofer import early_start

    early_start.start_morphology_soon()  # its own tools (a fork shares none)
    while True:
        try:
            order, data = conn.recv()
        except (EOFError, OSError):
            return
        if order == "paragraphs":
            conn.send(engine.paragraph_findings(data))
        elif order == "learn":
            for found in data:
                engine.learn_paragraphs(found)
        elif order == "files":
            for i, read in data:
                conn.send((i, check_read(engine, read)))
        else:
            return
