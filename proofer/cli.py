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

from proofer.checkers.registry import build_engine
from proofer.formats import LoadError, load_document
from proofer.settings import Settings

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def add_check_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="granska utkast och rapportera fynd")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dictionary", action="append", default=[], metavar="PATH",
                   help="namn-/titelordlista (YAML) utöver de inbyggda; kan anges flera gånger")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--no-languagetool", action="store_true",
                   help="kör inte LanguageTool (de inbyggda kontrollerna körs ändå)")
    p.add_argument("--languagetool", choices=("local", "server", "public", "off"),
                   help="LanguageTool-läge för den här körningen")
    p.add_argument("--languagetool-url", metavar="URL",
                   help="adress till en egen LanguageTool-server (läge server)")
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
        print("proofer: ordtabellen kunde inte byggas (ordlistan saknas eller ordfrekvens"
              "listan har ord som filen inte kan rymma); granskningen fungerar ändå",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    path, rejected = built
    print(f"proofer: ordtabellen byggd på {time.perf_counter() - t0:.1f} s "
          f"({rejected} ord som Hunspell inte känner) → {path}", file=sys.stderr)
    return EXIT_CLEAN


def run_check(args: argparse.Namespace) -> int:
    settings = Settings.load()
    settings.extra_dictionaries = list(args.dictionary)
    if args.languagetool:
        settings.languagetool_mode = args.languagetool
    if args.languagetool_url:
        settings.languagetool_url = args.languagetool_url
        if not args.languagetool:
            settings.languagetool_mode = "server"
    if args.no_languagetool:
        settings.languagetool_mode = "off"
    engine = build_engine(settings)
    results = []
    exit_code = EXIT_CLEAN
    progress = _Progress(len(args.files))
    try:
        for path in args.files:
            progress.step(path)
            try:
                doc = load_document(path)
            except LoadError as exc:
                progress.message(f"proofer: {exc}")
                exit_code = EXIT_BAD_INPUT
                continue
            except OSError as exc:  # a reader that let one slip through
                progress.message(f"proofer: {path}: kunde inte läsas ({exc.strerror or exc})")
                exit_code = EXIT_BAD_INPUT
                continue
            for note in doc.notes:
                progress.message(f"proofer: {path}: {note}")
            try:
                report = engine.check(doc.text)
            except Exception as exc:  # a checker bug must not cost the other files
                progress.message(f"proofer: {path}: internt fel vid granskningen ({exc!r})")
                exit_code = EXIT_BAD_INPUT
                continue
            findings = [f for f in report.findings
                        if str(f.category) not in settings.disabled_categories]
            if findings and exit_code == EXIT_CLEAN:
                exit_code = EXIT_FINDINGS
            results.append((path, doc, findings, report.engines))
    finally:
        progress.done()
        engine.close()
    if args.format == "json":
        _print_json(results)
    else:
        _print_text(results)
    return exit_code


def _print_json(results: list) -> None:
    out = {"version": 1, "files": [
        {"path": str(path), "words": count_words(doc.text), "engines": engines,
         "findings": [f.to_json() for f in findings]}
        for path, doc, findings, engines in results
    ]}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


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
    quoted = "" if f.text and f.text in f.message else f" «{shown.strip('«»')}»"
    return f"{path}:{line}:{col}: {label}/{severity}: {f.message}{quoted}{fix}{more}"


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
        status = ", ".join(f"{k}: {v}" for k, v in engines.items())
        print(f"{path}: {claims} fel, {len(findings) - claims} tips ({status})")


class _Progress:
    """A one-line progress bar on stderr, only for a person watching many files."""

    MIN_FILES = 4

    def __init__(self, total: int) -> None:
        self.total = total
        self.n = 0
        forced = os.environ.get("PROOFER_PROGRESS", "")
        if forced in ("0", "1"):
            self.enabled = forced == "1"
        else:
            self.enabled = total >= self.MIN_FILES and sys.stderr.isatty()

    def message(self, text: str) -> None:
        """A line for stderr that must not be mangled by the bar."""
        if self.enabled:
            sys.stderr.write("\r" + " " * 80 + "\r")
        print(text, file=sys.stderr)

    def step(self, label: str) -> None:
        self.n += 1
        if self.enabled:
            width = 30
            filled = width * self.n // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] "
                             f"{self.n}/{self.total} {Path(label).name[:40]:<40}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 80 + "\r")
            sys.stderr.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="proofer", description="Korrektur för svenska nyhetstexter")
    sub = parser.add_subparsers(dest="command", required=True)
    add_check_parser(sub)
    add_prepare_parser(sub)
    _add_optional_commands(sub)
    return parser


def _add_optional_commands(sub: argparse._SubParsersAction) -> None:
    """Sub-commands owned by other modules register themselves here."""
    from proofer.names.admin_cli import add_dict_parser

    add_dict_parser(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_BAD_INPUT if exc.code else EXIT_CLEAN
    return int(args.func(args))
