"""A batch on several cores: the workers take small tasks from one queue, the
parent puts each file's findings together.

The engine's findings for a file are its paragraph checkers' findings for each of
its paragraphs (they depend on the paragraph alone), shifted to where the paragraph
stands, followed by its document checkers' findings (consistency, the phrase rules:
they depend on the file alone). So the work is shared out in two kinds of task:

* a chunk of distinct paragraphs (about CHUNK_CHARS), run through the paragraph
  checkers by one worker (Engine.paragraph_findings). A paragraph repeated in many
  files (bylines, fact boxes, a story in several versions) is checked once for the
  whole batch: files handed to the workers in turn made each worker check most of
  them again, so that two workers did up to twice the work of one;
* one file's document checkers.

The parent reads the files while the workers work, does short tasks itself while
it waits for them (it is one of the `jobs` processes: one fork fewer, and its
Apertium tools load while it imports, not after a fork), sends each worker its
next task as soon as it has fewer than QUEUED in hand (no worker waits for the
others: an earlier version checked every paragraph, then had every worker learn every other
worker's findings, then checked the files, and the workers idled at each step), and
puts each file's findings together, in the engine's order, as soon as its parts are
in, so that results come in input order while later files are still being checked.
One long draft is shared out the same way, chunk by chunk, so that it is checked
on every core. A draft longer than one block of the engine (BLOCK_CHARS) comes out
the same too: the engine then lists its findings block by block rather than checker
by checker, but the merge's outcome depends only on the order of findings with
the same or nested spans, which lie in one paragraph (or are the document
checkers', last either way): tests/test_batch_workers.py compares them.
A file whose parts cannot be had that way (a checker left one of its paragraphs out
after failing, a document checker that raised) is checked whole by a worker,
exactly as by one process (batch.check_read).

The workers are forked once, with the engine built, before the first result: the
caller starts LanguageTool's client (threads) after that, and a fork must not copy
a process with threads. They live for the whole batch and take their orders over a
pipe. A worker that dies costs the files of the task it died on; the tasks it had
not begun go to the others, or to the parent once none is left.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from proofer.batch import FileResult, check_read, read_file
from proofer.checkers.base import ParagraphChecker
from proofer.composed_text import composed_view
from proofer.document import Paragraph, split_paragraphs
from proofer.engine import CACHE_CHARS, CACHE_SIZE, Engine, text_findings
from proofer.finding import Finding
from proofer.morph.apertium import stop_all_background
from proofer.text_cache import TextCache

# Distinct paragraph characters per task: enough for the morphology to analyse a
# chunk in one go, small enough that both workers have work from the first files on.
CHUNK_CHARS = 8_000
# Tasks a worker holds at once: the next one is there when it finishes one, also
# while the parent, busy with a chunk of its own, cannot send it more. A short
# file's document task takes a few milliseconds (a chunk a tenth of a second or
# more): those do not count towards QUEUED, up to HELD tasks in all.
QUEUED = 2
HELD = 8
# Files read ahead of the first one not yet given out (and their text): what the
# parent holds at once.
AHEAD_FILES = 200
AHEAD_CHARS = CACHE_CHARS // 4

Found = dict[str, dict[str, tuple[Any, ...]]]


def check_in_workers(engine: Engine, paths: Sequence[str], jobs: int) -> Iterator[FileResult]:
    """Each file's result, in input order, checked by `jobs` processes: this one
    and jobs - 1 forked workers."""
    workers = _start(engine, jobs - 1)
    try:
        yield from _Batch(engine, workers).run(paths)
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
        self.tasks: deque[_Task] = deque()  # sent, not yet answered, in order

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
    stop_all_background()  # nor the morphology's background analysis
    context = multiprocessing.get_context("fork")
    # Everything alive now is the engine and the program, kept for the whole run:
    # out of the collector's sight for good (as proofer.frequency does with its
    # tables), so that a worker's collections do not walk (and copy, page by page)
    # what it shares with this process.
    gc.collect()
    gc.freeze()
    return [_Worker(context, engine) for _ in range(jobs)]


@dataclass
class _Task:
    """One order for a worker: "paragraphs" (data: texts), "document" or "file"
    (data: the file's index)."""

    order: str
    data: Any


@dataclass
class _File:
    read: FileResult
    paragraphs: list[Paragraph] = field(default_factory=list)
    document: list[Finding] | None = None  # the document checkers' findings, when in
    engines: dict[str, str] = field(default_factory=dict)
    result: FileResult | None = None  # the whole result (read failed, or checked whole)
    ready: int = 0  # paragraphs from the first on whose findings are in


class _Batch:
    """The parent's side: reading, the task queue, putting files together."""

    def __init__(self, engine: Engine, workers: list[_Worker]) -> None:
        self.engine = engine
        self.workers = workers
        self.names = [c.name for c in engine.checkers if isinstance(c, ParagraphChecker)]
        self.files: dict[int, _File] = {}  # read, not yet given out
        self.queue: deque[_Task] = deque()
        self.chunk: list[str] = []  # distinct paragraphs not yet in a task
        self.chunk_chars = 0
        # Paragraph -> its findings per checker (None while a worker has it), and how
        # many files read and not yet given out stand on it.
        self.found: dict[str, dict[str, tuple[Finding, ...]] | None] = {}
        self.needed: dict[str, int] = {}
        # Findings of paragraphs no file waits for any more, for files still to come.
        self.kept: TextCache[dict[str, tuple[Finding, ...]]] = TextCache(CACHE_SIZE,
                                                                        CACHE_CHARS)
        self.ahead_chars = 0

    def run(self, paths: Sequence[str]) -> Iterator[FileResult]:
        nxt = 0
        for i, path in enumerate(paths):
            self._read(i, path)
            self._dispatch()
            self._collect(block=False)
            while nxt in self.files:  # what is ready; past the read-ahead, wait for it
                full = len(self.files) >= AHEAD_FILES or self.ahead_chars >= AHEAD_CHARS
                result = self._take(nxt, block=full)
                if result is None:
                    break
                yield result
                nxt += 1
        self._flush_chunk()
        for i in range(nxt, len(paths)):
            yield self._take(i, block=True)  # type: ignore[misc]

    # Reading: the file's own tasks.

    def _read(self, i: int, path: str) -> None:
        read = read_file(path)
        f = self.files[i] = _File(read)
        if read.text is None:
            f.result = read
            return
        if composed_view(read.text) is not None:
            # decomposed letters: the whole file here, where the engine maps the
            # findings back (rare: macOS's NFD pastes)
            f.result = check_read(self.engine, read)
            return
        self.ahead_chars += len(read.text)
        f.paragraphs = split_paragraphs(read.text)
        # A long draft's document checkers are its longest task: begun first, they
        # run beside its paragraphs instead of after them, on one core while the
        # other idles.
        long = len(read.text) > CHUNK_CHARS
        if long:
            self.queue.append(_Task("document", i))
        for p in f.paragraphs:
            self._need(p.text)
        if not long:
            self.queue.append(_Task("document", i))

    def _need(self, text: str) -> None:
        count = self.needed.get(text, 0)
        self.needed[text] = count + 1
        if count:
            return
        kept = self.kept.get(text)
        if kept is not None:
            self.found[text] = kept
            return
        self.found[text] = None
        self.chunk.append(text)
        self.chunk_chars += len(text) + 1
        if self.chunk_chars >= CHUNK_CHARS:
            self._flush_chunk()

    def _flush_chunk(self) -> None:
        if self.chunk:
            self.queue.append(_Task("paragraphs", self.chunk))
            self.chunk, self.chunk_chars = [], 0

    # The workers.

    def _dispatch(self) -> None:
        """Every live worker gets tasks until it holds QUEUED besides short
        document tasks (HELD in all); a worker with nothing to do takes the
        paragraphs gathered so far, however few."""
        for w in self.workers:
            if not w.alive:
                continue
            if not self.queue and not w.tasks:
                self._flush_chunk()
            while self.queue and len(w.tasks) < HELD and sum(
                    not self._short_document(t) for t in w.tasks) < QUEUED:
                task = self.queue.popleft()
                w.tasks.append(task)
                w.send(self._message(task))

    def _message(self, task: _Task) -> tuple[str, Any]:
        if task.order == "paragraphs":
            return task.order, task.data
        return task.order, (task.data, self.files[task.data].read)

    def _collect(self, block: bool) -> None:
        """Take in what the workers have answered (waiting for one answer at least
        when `block`)."""
        busy = {w.conn: w for w in self.workers if w.alive and w.tasks}
        if not busy:
            return
        for conn in wait(list(busy), timeout=None if block else 0):
            w = busy[conn]  # type: ignore[index]
            answer = w.receive()
            task = w.tasks.popleft()
            if answer is None:
                self._lost_worker(w, task)
            else:
                self._answered(task, answer)
        self._dispatch()

    def _work_here(self) -> bool:
        """Do the next short task in this process rather than wait for the workers:
        a chunk of paragraphs or a short file's document checkers, while the
        workers have theirs in hand (a long draft's document task here would leave
        them idle once they are done with what they hold); any task once no worker
        is left. False when there is nothing to do here."""
        if not self.queue:
            self._flush_chunk()
        alone = not any(w.alive for w in self.workers)
        for k, task in enumerate(self.queue):
            if alone or self._short(task):
                del self.queue[k]
                self._answered(task, _answer(self.engine, task.order,
                                             self._message(task)[1]))
                self._collect(block=False)
                return True
        return False

    def _short(self, task: _Task) -> bool:
        """A task the parent may take: it costs no more than a chunk."""
        return task.order == "paragraphs" or self._short_document(task)

    def _short_document(self, task: _Task) -> bool:
        return (task.order == "document"
                and len(self.files[task.data].read.text or "") <= CHUNK_CHARS)

    def _answered(self, task: _Task, answer: Any) -> None:
        if task.order == "paragraphs":
            for text in task.data:
                if text in self.found:
                    self.found[text] = {name: answer.get(name, {}).get(text) for name in
                                        self.names}
        elif task.order == "document":
            f = self.files[task.data]
            if answer is None:  # a document checker raised: the file's check reports it
                self.queue.appendleft(_Task("file", task.data))
            else:
                f.document, f.engines = answer
        else:
            self.files[task.data].result = answer

    def _lost_worker(self, w: _Worker, task: _Task) -> None:
        """The worker died on `task`: its files are lost; what it had not begun goes
        to the others."""
        w.alive = False
        self.queue.extendleft(reversed(w.tasks))
        w.tasks.clear()
        if task.order == "paragraphs":
            lost = set(task.data)
            for f in self.files.values():
                if f.result is None and any(p.text in lost for p in f.paragraphs):
                    f.result = _lost(f.read)
            for text in lost:
                if text in self.found:
                    self.found[text] = {}
        else:
            self.files[task.data].result = _lost(self.files[task.data].read)

    # Giving out: the files in input order.

    def _take(self, i: int, block: bool) -> FileResult | None:
        """File i's result, once every part of it is in (None when it is not and
        not `block`)."""
        while (result := self._result(i)) is None:
            if not block:
                return None
            self._dispatch()
            if not self._work_here():
                self._collect(block=True)
        self._release(self.files.pop(i))
        return result

    def _result(self, i: int) -> FileResult | None:
        """File i's result when every part of it is in, else None."""
        f = self.files[i]
        if f.result is not None:
            return f.result
        if f.document is None:
            return None
        # Asked after every answer: a long draft's tens of thousands of paragraphs
        # are looked at once each, not at every call (findings once in stay in).
        have, paragraphs = self.found, f.paragraphs
        while f.ready < len(paragraphs) and have.get(paragraphs[f.ready].text) is not None:
            f.ready += 1
        if f.ready < len(paragraphs):
            return None
        text = f.read.text or ""
        table = [have[p.text] for p in paragraphs]
        if any(found.get(name) is None for found in table for name in self.names):  # type: ignore[union-attr]
            # A paragraph a checker left out: the whole file, as one process does it.
            f.document = None
            self.queue.appendleft(_Task("file", i))
            return None
        per_checker = ([found[name] for found in table]  # type: ignore[index]
                       for name in self.names)
        return replace(f.read, messages=list(f.read.messages), text=text,
                       findings=text_findings(text, f.paragraphs, per_checker, f.document),
                       engines=f.engines)

    def _release(self, f: _File) -> None:
        if f.read.text is not None:
            self.ahead_chars -= len(f.read.text)
        for p in f.paragraphs:
            left = self.needed[p.text] - 1
            if left:
                self.needed[p.text] = left
                continue
            del self.needed[p.text]
            found = self.found.pop(p.text, None)
            if found and all(v is not None for v in found.values()):
                self.kept.put(p.text, found)


def _lost(read: FileResult) -> FileResult:
    return FileResult(read.path, messages=[
        *read.messages, f"proofer: {read.path}: internt fel vid granskningen "
                        "(arbetsprocessen avslutades oväntat)"], crashed=True)


def document_findings(engine: Engine, read: FileResult
                      ) -> tuple[list[Finding], dict[str, str]] | None:
    """The document checkers' findings for a file read (and the engines' status
    then), as a check of it has them after its paragraph checkers' (None when one
    raised: the file is then checked whole, which reports it)."""
    text = read.text or ""
    engine.new_document()
    try:
        found = engine.document_findings(text, split_paragraphs(text))
    except Exception:  # noqa: BLE001 - the whole file's check reports it
        return None
    return found, engine.engines()


def _serve(engine: Engine, conn: Connection) -> None:
    """A worker: orders until "stop" (or the batch is gone), one answer each.

    Ctrl+C in a terminal reaches the whole process group, the workers too: the batch
    process says "avbrutet" and ends, so a worker ends quietly (no traceback of its
    own on the user's screen), as it does when the batch is gone before it answers."""
    from proofer import early_start

    try:
        early_start.start_morphology_soon()  # its own tools (a fork shares none)
        while True:
            try:
                order, data = conn.recv()
            except (EOFError, OSError):
                return
            if order not in ("paragraphs", "document", "file"):
                return
            answer = _answer(engine, order, data)
            try:
                conn.send(answer)
            except OSError:  # the batch process is gone
                return
    except KeyboardInterrupt:
        return


def _answer(engine: Engine, order: str, data: Any) -> Any:
    """A task's answer, worked out by a worker or by the parent itself."""
    if order == "paragraphs":
        return engine.paragraph_findings(data)
    if order == "document":
        return document_findings(engine, data[1])
    return check_read(engine, data[1])
