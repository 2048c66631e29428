"""The headless face: `python -m proofer check ...` (see shared/eval/CONTRACT.md)
and the sub-commands that other modules add (e.g. `dict`)."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from proofer import argparse_sv
from proofer.document import Document
from proofer.engine_status import engine_status_text
from proofer.settings import Settings

if TYPE_CHECKING:
    from proofer.batch import FileResult
    from proofer.engine import Engine

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
# Set by --debug or PROOFER_DEBUG=1: an internal error then shows its traceback.
DEBUG_FLAG = "--debug"


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def add_check_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="granska utkast och rapportera fynd")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="utkast, eller mappar: alla utkast under dem")
    p.add_argument("--dictionary", action="append", default=[], metavar="PATH",
                   help="namn-/titelordlista (YAML) utöver de inbyggda; kan anges flera gånger")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--no-languagetool", action="store_true",
                   help="kör inte LanguageTool (de inbyggda kontrollerna körs ändå)")
    p.add_argument("--languagetool", choices=("local", "server", "public", "off"),
                   help="LanguageTool-läge för den här körningen")
    p.add_argument("--languagetool-url", metavar="URL",
                   help="adress till en egen LanguageTool-server (läge server)")
    p.add_argument("--jobs", "-j", type=int, metavar="N",
                   help="granska med upp till N processer samtidigt, också en lång fil "
                        "(standard: alla kärnor)")
    p.set_defaults(func=run_check)


def add_prepare_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("prepare", help="bygg ordtabellen som gör granskningen snabbare "
                       "(körs av scripts/setup.sh)")
    p.add_argument("--force", action="store_true", help="bygg om även om den är aktuell")
    p.add_argument("--quiet", action="store_true", help="tyst när ordtabellen redan är aktuell")
    p.set_defaults(func=run_prepare)


def run_prepare(args: argparse.Namespace) -> int:
    """Build the table of Hunspell's verdicts (proofer.word_table) unless the current
    one matches the installed dictionary. Without it everything works, only slower."""
    import time

    from proofer import word_table
    from proofer.settings import config_dir

    cache = config_dir() / "cache"
    key = word_table.dictionary_key()
    if key is None:
        print("proofer: hittar inte Hunspells svenska ordlista (hunspell-sv); "
              "ordtabellen byggs inte", file=sys.stderr)
        return EXIT_BAD_INPUT
    path = word_table.table_path(cache, key)
    if path.is_file() and not args.force:
        if not args.quiet:
            print(f"proofer: ordtabellen är aktuell ({path})", file=sys.stderr)
        return EXIT_CLEAN
    t0 = time.perf_counter()
    try:
        built = word_table.build(cache)
    except OSError as exc:  # a read-only or full disk: checking still works, slower
        print(f"proofer: ordtabellen kunde inte skrivas i {cache}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if built is None:
        print("proofer: ordtabellen kunde inte byggas (ordlistan saknas); "
              "granskningen fungerar ändå", file=sys.stderr)
        return EXIT_BAD_INPUT
    path, rejected = built
    print(f"proofer: ordtabellen byggd på {time.perf_counter() - t0:.1f} s "
          f"({rejected} ord som Hunspell inte känner) → {path}", file=sys.stderr)
    return EXIT_CLEAN


def build_engine(settings: Settings) -> Engine:
    """The registry's engine. The checkers are imported only here, inside the
    check: batch.check_files first starts what loads outside Python
    (proofer.early_start), which then runs while they are imported."""
    from proofer.checkers.registry import build_engine as build

    return build(settings)


def run_check(args: argparse.Namespace) -> int:
    from proofer.batch import check_files, expand_paths

    settings = load_settings()
    settings.extra_dictionaries = list(args.dictionary)
    if args.languagetool:
        settings.languagetool_mode = args.languagetool
    if args.languagetool_url:
        settings.languagetool_url = args.languagetool_url
        if not args.languagetool:
            settings.languagetool_mode = "server"
    if args.no_languagetool:
        settings.languagetool_mode = "off"
    global _quick_exit
    # A local LanguageTool server is stopped by an exit handler: then the usual exit.
    _quick_exit = settings.languagetool_mode == "off"
    if args.jobs is not None and args.jobs < 1:
        print("proofer: --jobs måste vara minst 1", file=sys.stderr)
        return EXIT_BAD_INPUT
    paths = expand_paths(args.files)
    progress = _Progress(len(paths))
    try:
        results = check_files(paths, settings, build_engine, args.jobs, progress.step)
    finally:
        progress.done()
    exit_code = EXIT_CLEAN
    if any(r.crashed for r in results):
        exit_code = EXIT_INTERNAL  # a checker bug: the findings may be incomplete
    elif any(r.failed for r in results):
        exit_code = EXIT_BAD_INPUT
    elif any(r.findings for r in results):
        exit_code = EXIT_FINDINGS
    shown = [(r.path, Document(r.text), r.findings, r.engines)
             for r in results if r.text is not None]
    if args.format == "json":
        _print_json(shown)
    else:
        _print_text(shown)
    return exit_code


def _print_json(results: list) -> None:
    """One finding a line, each encoded by json's C encoder (with `indent` json
    uses its pure-Python one: four times the time, the largest part of writing a
    long text's findings), the rest laid out by hand: the same JSON document."""
    # On a stream that cannot hold every character (cp1252 when Windows
    # redirects), \\u escapes: the same JSON.
    dumps = json.JSONEncoder(ensure_ascii=not _utf8(sys.stdout)).encode
    files = []
    for path, doc, findings, engines in results:
        head = dumps({"path": str(path), "words": count_words(doc.text), "engines": engines})
        listed = ",\n".join(["   " + dumps(f.to_json()) for f in findings])
        files.append(f' {head[:-1]},\n  "findings": [' + (f"\n{listed}\n  ]}}" if findings
                                                         else "]}"))
    # Written in pieces of 64 KiB, not a write per token (tens of thousands of calls
    # for a batch) nor all at once: one large write into a pipe whose reader goes away
    # (`| head -c 100`) ended after the part the pipe took, without an error, so the
    # run exited as if all was written.
    out = '{"version": 1, "files": [\n' + ",\n".join(files) + "\n]}\n"
    for i in range(0, len(out), _JSON_PIECE):
        sys.stdout.write(out[i:i + _JSON_PIECE])


_JSON_PIECE = 1 << 16


def _utf8(stream: object) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def _tolerant_streams() -> None:
    """Text for a person on a stream that cannot hold every character (issue 13):
    "\u2192" for what the encoding lacks, instead of a UnicodeEncodeError mid-output."""
    for stream in (sys.stdout, sys.stderr):
        if not _utf8(stream) and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


CATEGORY_LABELS = {
    "spelling": "stavning", "grammar": "grammatik", "name": "namn", "title": "titel",
    "consistency": "konsekvens", "style": "stil", "artifact": "rester",
}
SEVERITY_LABELS = {"error": "fel", "warning": "varning", "info": "tips"}


def format_finding(path: str, doc, f) -> str:
    """One line per finding, in the file:line:column form editors jump to."""
    line, col = doc.line_col(f.start)
    label = CATEGORY_LABELS.get(str(f.category), str(f.category))
    severity = SEVERITY_LABELS.get(str(f.severity), str(f.severity))
    shown = _visible(f.text)
    if f.suggestions:
        first = f.suggestions[0]
        fix = f" → {_visible(first)}" if first else " → (ta bort)"
        more = (f" (även: {', '.join(_visible(s) for s in f.suggestions[1:3])})"
                if len(f.suggestions) > 1 else "")
    else:
        fix = more = ""
    quoted = "" if _names_it(f.message, f.text) else f" «{shown.strip('«»')}»"
    return f"{one_line(path)}:{line}:{col}: {label}/{severity}: {f.message}{quoted}{fix}{more}"


_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def one_line(text: str) -> str:
    """A file name as a line of output may hold it: a newline in the name split one
    finding over two lines (a batch job reading lines, an editor jumping to
    file:line, took the halves for two), and an escape character could drive the
    terminal. Control characters are shown escaped, as \\n, \\t or \\x1b."""
    return _CONTROL_CHARS.sub(
        lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def _names_it(message: str, text: str) -> bool:
    """The message already shows the finding's text, as a word of its own: "sa" in
    "Satsen saknar subjekt" does not say which word is meant."""
    return bool(text) and re.search(rf"(?<!\w){re.escape(text)}(?!\w)", message) is not None


def _visible(text: str, limit: int = 60) -> str:
    """Whitespace a reader can see ("→ «␣»" rather than "→  ") and long spans cut."""
    text = text.replace("\n", "⏎")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if not text.strip() or text != text.strip():
        return "«" + text.replace(" ", "␣") + "»"
    return text


def _print_text(results: list) -> None:
    for path, doc, findings, engines in results:
        for f in findings:
            print(format_finding(path, doc, f))
        claims = sum(1 for f in findings if str(f.severity) != "info")
        status = "; ".join(engine_status_text(k, v) for k, v in engines.items())
        print(f"{one_line(path)}: {claims} fel, {len(findings) - claims} tips ({status})")


class _Progress:
    """A progress bar on stderr (tqdm), only for a person watching many files; the
    files' own messages are written above it."""

    MIN_FILES = 4

    def __init__(self, total: int) -> None:
        forced = os.environ.get("PROOFER_PROGRESS", "")
        if forced in ("0", "1"):
            enabled = forced == "1"
        else:
            enabled = total >= self.MIN_FILES and sys.stderr.isatty()
        self.bar = None
        if enabled:
            import shutil

            from tqdm import tqdm

            # A terminal that reports no size (0 x 0) gets the usual 80 x 24: tqdm
            # would take it for one too small to show the bar in.
            size = shutil.get_terminal_size()
            self.bar = tqdm(total=total, file=sys.stderr, unit=" filer", leave=False,
                            mininterval=0, ncols=size.columns or 80, nrows=size.lines or 24)

    def step(self, result: FileResult) -> None:
        for line in map(one_line, result.messages):  # each names a file: one line
            if self.bar is not None:
                self.bar.write(line, file=sys.stderr)
            else:
                print(line, file=sys.stderr)
        if self.bar is not None:
            self.bar.set_postfix_str(Path(result.path).name[:40], refresh=False)
            self.bar.update()

    def done(self) -> None:
        if self.bar is not None:
            self.bar.close()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; for `command` "check" or "prepare" without the
    other modules' sub-commands (importing them is a tenth of a short check's
    start)."""
    argparse_sv.install()
    parser = argparse.ArgumentParser(
        prog="proofer", description="Korrektur för svenska nyhetstexter",
        epilog="Slutstatus: 0 inga fynd, 1 fynd, 2 felaktig användning eller en fil som "
               "inte kunde läsas, 3 internt fel.")
    parser.add_argument(DEBUG_FLAG, action="store_true",
                        help="visa hela felspåret vid internt fel (som PROOFER_DEBUG=1); "
                             "får stå var som helst på kommandoraden")
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
    add_check_parser(sub)
    add_prepare_parser(sub)
    if command not in ("check", "prepare"):
        _add_optional_commands(sub)
    return parser


def _add_optional_commands(sub: argparse._SubParsersAction) -> None:
    """Sub-commands owned by other modules register themselves here."""
    from proofer.names.admin_cli import add_dict_parser

    add_dict_parser(sub)


def load_settings() -> Settings:
    """The user's settings, each problem with the file one line on stderr."""
    settings = Settings.load()
    for problem in settings.problems:
        print(f"proofer: {problem}", file=sys.stderr)
    return settings


def debugging() -> bool:
    return os.environ.get("PROOFER_DEBUG", "") not in ("", "0")


# 128 + SIGPIPE, what a shell reports for a tool killed by a closed pipe.
EXIT_BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Exit codes: 0 no findings, 1 findings, 2 bad usage or input, 3 an internal
    error, which is one Swedish line on stderr; the traceback only with --debug or
    PROOFER_DEBUG=1 (a newsroom's batch job must not take a crash for findings)."""
    _tolerant_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    if DEBUG_FLAG in argv:  # anywhere, also after the sub-command
        argv.remove(DEBUG_FLAG)
        os.environ["PROOFER_DEBUG"] = "1"
    parser = build_parser(next((a for a in argv if not a.startswith("-")), None))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_BAD_INPUT if exc.code else EXIT_CLEAN
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("proofer: avbrutet", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`proofer check … | head`): not our fault and nothing
        # to say, as with any Unix tool. stdout goes to devnull so that Python's own
        # flush at exit does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # the last line of defence: one line, a distinct code
        report_internal_error(exc)
        return EXIT_INTERNAL


# Set by run_check when nothing this process started needs an orderly shutdown.
_quick_exit = False


def finish(code: int) -> None:
    """Exit with `code`. After a check (without LanguageTool) at once, once the
    output is flushed: the interpreter's own shutdown (freeing the word tables, a
    tenth of a second with the tool processes' clean-up) does nothing the user sees;
    the Apertium tools read end-of-file on their input and end by themselves."""
    if not _quick_exit:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader left after main() had written it all
            code = EXIT_BROKEN_PIPE
        except (OSError, ValueError):
            pass
    os._exit(code)


def report_internal_error(exc: BaseException, where: str = "") -> None:
    """One Swedish line on stderr (the full traceback when debugging)."""
    if debugging():
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    print(f"proofer: {where}internt fel ({type(exc).__name__}"
          f"{': ' + detail if detail else ''}); inget är ändrat. Kör med {DEBUG_FLAG} "
          "eller PROOFER_DEBUG=1 för detaljer.", file=sys.stderr)
