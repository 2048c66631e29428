"""Checking many drafts in one run: a copy desk's batch, on every core.

Each file is checked on its own, as if it were the only one: the engine is told that
a new document starts (the consistency checker would otherwise take the next article
for an edit of the previous one), so the findings for a file never depend on which
files came before it or on how the files were shared among workers.

The built-in checkers run in worker processes (one engine each, built once, before
the workers are forked) when there is text enough for each to pay its start
(proofer.worker_count: a batch, or one long draft, which is shared out by
paragraph); a paragraph or a few short files are checked in this process.
LanguageTool, when it is on, stays in this process: it waits for a server rather
than for a core, and several workers would start several local servers. Results
come back, and are printed, in the order of the input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from proofer import worker_count
from proofer.engine import Engine, merge
from proofer.finding import Finding
from proofer.formats import SUPPORTED_SUFFIXES, LoadError, load_document
from proofer.os_errors import reason
from proofer.settings import Settings

# About how many bytes of a draft file make a word (Swedish words average five or
# six letters; with the space, punctuation and two-byte å, ä, ö about seven): only
# to tell a long batch from a short one (proofer.frequency.expect_words).
BYTES_PER_WORD = 7


@dataclass
class FileResult:
    """What one file gave: its text (None when it could not be read), the lines for
    stderr (reasons and notes, in Swedish), and its findings, merged."""

    path: str
    text: str | None = None
    messages: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    engines: dict[str, str] = field(default_factory=dict)
    failed: bool = False  # could not be read (bad input)
    crashed: bool = False  # a checker raised (an internal error)


def expand_paths(args: Sequence[str]) -> list[str]:
    """Files as given, and for a directory every draft under it (the formats the
    app opens, hidden folders left out), sorted, so that a run's order never depends
    on the file system. A directory without drafts stays, for the reader to refuse
    in its place in the output."""
    out: list[str] = []
    for arg in args:
        if not Path(arg).is_dir():
            out.append(arg)
            continue
        out += _drafts_under(arg) or [arg]
    return out


def _drafts_under(root: str) -> list[str]:
    """Every draft under `root`, sorted; a folder that cannot be read is listed in its
    place (the reader says why), never skipped without a word: a batch job must not
    take a folder it could not see into for one without errors."""
    suffixes = {s.lower() for s in SUPPORTED_SUFFIXES}
    found: list[str] = []

    def unreadable(exc: OSError) -> None:
        found.append(str(exc.filename))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = os.path.join(folder, name)
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes \
                    and os.path.isfile(path):
                found.append(path)
    return sorted(found)


def default_jobs() -> int:
    return worker_count.cores()


def check_file(engine: Engine, path: str) -> FileResult:
    """One draft, from scratch: its unmerged findings (merged by the caller, after
    LanguageTool's are added)."""
    return check_read(engine, read_file(path))


def read_file(path: str) -> FileResult:
    """The draft read (its text in `text`), or failed with the reason."""
    result = FileResult(path)
    if os.path.isdir(path):  # from expand_paths: a folder it found nothing in
        readable = os.access(path, os.R_OK | os.X_OK)
        result.messages.append(f"proofer: {path}: " + (
            "är en katalog utan utkast (.txt, .md, .html, .docx)" if readable
            else "är en katalog som inte kan läsas (saknar behörighet)"))
        result.failed = True
        return result
    try:
        doc = load_document(path)
    except LoadError as exc:
        result.messages.append(f"proofer: {exc}")
        result.failed = True
        return result
    except OSError as exc:  # a reader that let one slip through
        result.messages.append(f"proofer: {path}: kunde inte läsas ({reason(exc)})")
        result.failed = True
        return result
    result.messages += [f"proofer: {path}: {note}" for note in doc.notes]
    result.text = doc.text
    return result


def check_read(engine: Engine, read: FileResult) -> FileResult:
    """The findings of a draft read_file() read (a failed one as it is)."""
    if read.failed or read.text is None:
        return read
    result = replace(read, messages=list(read.messages), text=None)
    engine.new_document()
    try:
        result.findings = engine.raw_findings(read.text)
    except Exception as exc:  # a checker bug must not cost the other files
        if os.environ.get("PROOFER_DEBUG", "") not in ("", "0"):
            import traceback

            result.messages.append("".join(traceback.format_exception(exc)).rstrip())
        result.messages.append(f"proofer: {read.path}: internt fel vid granskningen "
                               f"({type(exc).__name__}: {str(exc)[:200]})")
        result.crashed = True
        return result
    result.text = read.text
    result.engines = engine.engines()
    return result


def _workers(paths: Sequence[str], jobs: int) -> int:
    """How many worker processes check these files (1: this process does): by
    the amount of text (proofer.worker_count), so that one long draft is shared
    out by paragraph as a batch is."""
    return _processes(worker_count.sizes(paths), jobs)


def _processes(total_bytes: int, jobs: int) -> int:
    jobs = worker_count.workers_for(total_bytes, jobs)
    return jobs if jobs > 1 and "fork" in _start_methods() else 1


def _results(engine: Engine, paths: Sequence[str], jobs: int) -> Iterator[FileResult]:
    """Each file's result, in input order, from `jobs` processes (decided by the
    caller: 1 is this process alone)."""
    if jobs <= 1:
        for path in paths:
            yield check_file(engine, path)
        return
    from proofer import batch_workers

    yield from batch_workers.check_in_workers(engine, paths, jobs)


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def check_files(paths: Sequence[str], settings: Settings, build: Callable[[Settings], Engine],
                jobs: int | None = None,
                progress: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Check every file on its own, `jobs` at a time; results in input order, each
    filtered by the settings' disabled categories and merged with LanguageTool's."""
    from proofer import early_start

    # This process checks, also beside workers (forked with the dictionary; they
    # start their own tools).
    early_start.begin(paths)
    builtin = build(replace(settings, languagetool_mode="off"))
    from proofer import frequency

    size = worker_count.sizes(paths)  # one stat of each file for both decisions
    frequency.expect_words(size // BYTES_PER_WORD)
    processes = _processes(size, jobs or default_jobs())
    if len(paths) > 1 or processes > 1:
        early_start.resume_collector()  # started: what is alive now lives for the run
    # else one file checked here: the collector stays off until the exit. The check
    # runs with it off anyway; turned on after it, its first pass walked everything
    # the check allocated (some 80 ms for 10,000 words) and found nothing to free.
    languagetool = None
    out: list[FileResult] = []
    try:
        for result in _results(builtin, paths, processes):
            # Made once the workers are forked (the first result comes after that):
            # LanguageTool's client may start threads, and a fork must not copy a
            # process with threads holding locks.
            if languagetool is None and settings.languagetool_mode != "off":
                languagetool = _languagetool(settings, builtin)
            if result.text is not None:
                found = result.findings
                if languagetool is not None:
                    found = found + _languagetool_findings(languagetool, result.text)
                    result.engines[languagetool.engine] = languagetool.status()
                result.findings = [f for f in merge(found)
                                   if str(f.category) not in settings.disabled_categories]
            if progress is not None:
                progress(result)
            out.append(result)
    finally:
        builtin.close()
        if languagetool is not None:
            languagetool.close()
    return out


def _languagetool(settings: Settings, builtin: Engine):  # -> LanguageToolChecker
    """LanguageTool's checker (imported only when it is on), with the built-in
    engine's speller (already loaded, with its word table) to judge its spelling
    matches by."""
    from proofer.checkers.base import SpellerParagraphChecker
    from proofer.checkers.languagetool import LanguageToolChecker
    from proofer.checkers.spelling import SpellingChecker
    from proofer.speller import Speller, read_word_list

    speller = next((c.speller for c in builtin.checkers
                    if isinstance(c, SpellingChecker | SpellerParagraphChecker)), None)
    if speller is None:
        speller = Speller(read_word_list(settings.personal_words_path))
    return LanguageToolChecker.from_settings(settings, speller)


def _languagetool_findings(checker, text: str) -> list[Finding]:
    from proofer.document import split_paragraphs
    from proofer.engine import tagged_valid

    try:
        return tagged_valid(checker.check_document(text, split_paragraphs(text)), checker, text)
    except Exception as exc:  # LanguageTool failing must not cost the built-in findings
        print(f"proofer: LanguageTool: {exc!r}", file=sys.stderr)
        return []
