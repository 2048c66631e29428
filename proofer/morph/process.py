"""A pipeline of Apertium tools kept running for the life of the engine.

Starting the analyser, CG-3 and the tagger costs about 130 ms (they load their
binaries); a round trip through running ones costs a fraction of a millisecond. So the
processes start once and are fed chunks in null-flush mode (``-z``): a NUL byte ends a
chunk, and each tool flushes its output for it and writes a NUL of its own. The app
checks from worker threads, so one lock serialises the round trips; a tool that dies
or hangs is killed and the pipeline started again once before the call fails.
"""

from __future__ import annotations

import os
import selectors
import subprocess
import threading
import time
import weakref
from collections.abc import Sequence


class PipelineError(RuntimeError):
    """The pipeline failed (could not start, died, or timed out) twice in a row."""


class NullFlushPipeline:
    def __init__(self, commands: Sequence[Sequence[str]], timeout: float = 5.0,
                 prime: str = "") -> None:
        """`prime`: a chunk sent to the tools each time they start, its output
        dropped, to put a tool that keeps state between chunks into the state it
        keeps for good (proofer.morph.apertium says why the tagger needs it)."""
        self._commands = [list(c) for c in commands]
        self._prime = prime
        self._timeout = timeout
        self._procs: list[subprocess.Popen[bytes]] = []
        self._lock = threading.Lock()
        self.restarts = 0
        _pipelines.add(self)

    def start(self) -> None:
        """Start the tools if they are not running (run() does it when needed)."""
        with self._lock:
            if not self._alive():
                self._start()
                if self._prime:
                    try:
                        self._round_trip(self._prime.encode("utf-8") + b"\0", 1, self._timeout)
                    except (OSError, TimeoutError, EOFError):
                        self._stop()  # run_many starts them again, and says so

    def run(self, chunk: str) -> str:
        """The pipeline's output for one chunk (text without NUL bytes)."""
        return self.run_many([chunk])[0]

    def run_many(self, chunks: Sequence[str]) -> list[str]:
        """The outputs for several chunks, sent in one stream: the tools work on the
        next chunk while the last one's output is read, instead of one round trip
        (and one wake-up of every tool) per chunk."""
        if not chunks:
            return []
        data = b"".join(c.encode("utf-8") + b"\0" for c in chunks)
        # The time-out counts from the tools' last sign of life (input taken or output
        # given): a long input is no hang, a busy machine only slows them down.
        seconds = self._timeout
        with self._lock:
            for attempt in (1, 2):
                try:
                    if not self._alive():
                        self._start()
                        if self._prime:
                            self._round_trip(self._prime.encode("utf-8") + b"\0", 1, seconds)
                    out = self._round_trip(data, len(chunks), seconds)
                    return [o.decode("utf-8", "replace") for o in out]
                except (OSError, TimeoutError, EOFError) as exc:
                    self._stop()
                    if attempt == 2:
                        raise PipelineError(str(exc) or type(exc).__name__) from exc
                    self.restarts += 1
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _forked(self) -> None:
        """In a forked child (batch workers): the tools, and whatever held the lock
        at the fork, are the parent's, which goes on using them; this process
        starts its own tools when it needs them."""
        self._lock = threading.Lock()
        self._procs = []

    def _alive(self) -> bool:
        return bool(self._procs) and all(p.poll() is None for p in self._procs)

    def _start(self) -> None:
        self._stop()
        previous: subprocess.Popen[bytes] | None = None
        try:
            for cmd in self._commands:
                proc = subprocess.Popen(
                    cmd,
                    stdin=previous.stdout if previous else subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
                if previous is not None and previous.stdout is not None:
                    previous.stdout.close()  # the next tool holds it now
                self._procs.append(proc)
                previous = proc
        except OSError:
            self._stop()
            raise
        for fd in (self._procs[0].stdin, self._procs[-1].stdout):
            assert fd is not None
            os.set_blocking(fd.fileno(), False)

    def _stop(self) -> None:
        for p in self._procs:
            for f in (p.stdin, p.stdout):
                if f is not None:
                    try:
                        f.close()
                    except OSError:
                        pass
            if p.poll() is None:
                p.kill()
            try:
                p.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
        self._procs = []

    def _round_trip(self, data: bytes, count: int, seconds: float) -> list[bytes]:
        """Write the chunks and read their outputs at the same time, so that a long
        input cannot deadlock with the tools' full output pipes."""
        stdin = self._procs[0].stdin
        stdout = self._procs[-1].stdout
        assert stdin is not None and stdout is not None
        end = time.monotonic() + seconds
        out = bytearray()
        nuls = 0
        view = memoryview(data)
        with selectors.DefaultSelector() as sel:
            sel.register(stdin, selectors.EVENT_WRITE)
            sel.register(stdout, selectors.EVENT_READ)
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"inget svar på {seconds:.0f} s")
                for key, _ in sel.select(left):
                    end = time.monotonic() + seconds
                    if key.fileobj is stdin:
                        written = os.write(stdin.fileno(), view[:65536])
                        view = view[written:]
                        if not view:
                            sel.unregister(stdin)
                    else:
                        block = os.read(stdout.fileno(), 65536)
                        if not block:
                            raise EOFError("verktyget avslutades")
                        out += block
                        nuls += block.count(b"\0")
                        if nuls >= count:
                            # Anything after the last NUL would belong to no chunk.
                            return bytes(out).split(b"\0")[:count]


# Every pipeline of this process, for the fork hook (weakly: a closed one goes).
_pipelines: weakref.WeakSet[NullFlushPipeline] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for pipeline in list(_pipelines):
        pipeline._forked()


os.register_at_fork(after_in_child=_after_fork_in_child)
