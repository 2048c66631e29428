"""`python -m proofer dict ...`: the admins' command for the name dictionaries.

    dict list [SÖKORD] [--kind K] [--file F]     list or search entries (all dictionaries)
    dict add NAMN --kind K [--title T]... [--party P] [--alias A]... [--wrong W]...
             [--note N] [--file F]               add (default file: the user's own)
    dict edit NAMN [--name NYTT] [--kind K] [--title T]... ... [--file F]
    dict remove NAMN [--file F]
    dict validate [FIL...]                       report broken entries by file and line
    dict import-csv CSV [--file F] [--update]
    dict export-csv [--file F] [-o UT.csv]
    dict proposals | approve ID [--file F] | reject ID

Every write goes through editing.DictionaryFile: atomic, with a backup, comments and
order kept. When another admin saved the file in between, the command reads it again
and redoes its change on top (DictionaryFile.edit), so admins working at once all
succeed and nobody's entry is lost.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from proofer.bounded_read import read_bytes, unreadable
from proofer.names.loader import MAX_DICTIONARY_BYTES, load_all, load_file
from proofer.names.model import KINDS, LIST_KEYS, Entry, EntryError
from proofer.os_errors import describe
from proofer.safe_write import ChangedOnDisk, atomic_write_text
from proofer.settings import Settings

if TYPE_CHECKING:  # imported where used: every `proofer check` builds this parser
    from proofer.names.editing import DictionaryFile
    from proofer.names.proposals import ProposalQueue

OK, PROBLEMS, BAD_USAGE = 0, 1, 2
CSV_FIELDS = ("name", "kind", "titles", "party", "aliases", "wrong", "note")
LIST_SEP = ";"


def add_dict_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dict", help="administrera namnordlistor")
    acts = p.add_subparsers(dest="dict_command", required=True, metavar="ÅTGÄRD")

    def file_opt(q: argparse.ArgumentParser, help_: str) -> None:
        q.add_argument("--file", type=Path, help=help_)

    q = acts.add_parser("list", help="lista eller sök poster")
    q.add_argument("query", nargs="?", default="", help="del av namn, alias eller titel")
    q.add_argument("--kind", choices=KINDS)
    file_opt(q, "bara den här filen (annars alla ordlistor i inställningarna)")
    q.set_defaults(func=_list)
    q = acts.add_parser("search", help="samma som list med sökord")
    q.add_argument("query")
    q.add_argument("--kind", choices=KINDS)
    file_opt(q, "bara den här filen")
    q.set_defaults(func=_list)

    for action, help_ in (("add", "lägg till en post"), ("edit", "ändra en post")):
        q = acts.add_parser(action, help=help_)
        q.add_argument("name", help="namnet som det ska skrivas")
        if action == "edit":
            q.add_argument("--name", dest="new_name", help="nytt namn")
        q.add_argument("--kind", choices=KINDS, required=action == "add")
        q.add_argument("--title", action="append", dest="titles", help="titel (flera går)")
        q.add_argument("--party")
        q.add_argument("--alias", action="append", dest="aliases")
        q.add_argument("--wrong", action="append", help="känd felstavning (flaggas alltid)")
        q.add_argument("--note")
        file_opt(q, "ordlistan att ändra (standard: din egen)")
        q.set_defaults(func=_add if action == "add" else _edit)

    q = acts.add_parser("remove", help="ta bort en post")
    q.add_argument("name")
    file_opt(q, "ordlistan att ändra (standard: din egen)")
    q.set_defaults(func=_remove)

    q = acts.add_parser("validate", help="kontrollera ordlistor")
    q.add_argument("files", nargs="*", type=Path)
    q.set_defaults(func=_validate)

    q = acts.add_parser("import-csv", help="läs in poster från CSV")
    q.add_argument("csv", type=Path)
    q.add_argument("--update", action="store_true", help="skriv över befintliga poster")
    file_opt(q, "ordlistan att skriva till (standard: din egen)")
    q.set_defaults(func=_import_csv)

    q = acts.add_parser("export-csv", help="skriv ut poster som CSV")
    file_opt(q, "bara den här filen (annars alla ordlistor)")
    q.add_argument("-o", "--output", type=Path)
    q.set_defaults(func=_export_csv)

    q = acts.add_parser("proposals", help="visa förslag till den gemensamma ordlistan")
    q.set_defaults(func=_proposals)
    q = acts.add_parser("approve", help="godkänn ett förslag")
    q.add_argument("id")
    file_opt(q, "den gemensamma ordlistan (standard: första delade filen i inställningarna)")
    q.set_defaults(func=_approve)
    q = acts.add_parser("reject", help="avslå ett förslag")
    q.add_argument("id")
    q.set_defaults(func=_reject)


# -- helpers -------------------------------------------------------------------
def _settings() -> Settings:
    from proofer.cli import load_settings  # says what was wrong with the file

    return load_settings()


def _err(msg: str) -> None:
    print(f"proofer dict: {msg}", file=sys.stderr)


def _target(args: argparse.Namespace) -> Path:
    return args.file or _settings().user_dictionary_path


def _edit_file(path: Path, change) -> int:  # type: ignore[no-untyped-def]
    """Load, change, save, redone on the newer file when someone saved in between:
    the change is applied again (a duplicate is still refused), never written blind."""
    try:
        from proofer.names.editing import DictionaryFile

        message = DictionaryFile.edit(path, change)
    except ChangedOnDisk:
        _err(f"{path} har ändrats av någon annan sedan den lästes in – ingenting sparades. "
             "Kör kommandot igen.")
        return PROBLEMS
    except (EntryError, KeyError) as exc:
        said = str(exc.args[0] if isinstance(exc, KeyError) else exc)
        _err(said if said.startswith(str(path)) else f"{path}: {said}")  # the file once
        return PROBLEMS
    except OSError as exc:  # a write-protected file or folder, a full disk
        _err(f"{describe(exc, path)} – ingenting sparades")
        return PROBLEMS
    print(message)
    return OK


def _entry_from_args(args: argparse.Namespace, base: Entry | None = None) -> Entry:
    fields: dict[str, object] = {}
    for key in ("titles", "aliases", "wrong"):
        value = getattr(args, key)
        if value is not None:
            fields[key] = tuple(v.strip() for v in value if v.strip())
    for key in ("party", "note", "kind"):
        value = getattr(args, key)
        if value is not None:
            fields[key] = value.strip()
    if base is None:
        return Entry(name=args.name.strip(), **fields)  # type: ignore[arg-type]
    new_name = getattr(args, "new_name", None)
    if new_name:
        fields["name"] = new_name.strip()
    return replace(base, **fields)  # type: ignore[arg-type]


def _entries(args: argparse.Namespace) -> list[Entry]:
    if args.file:
        res = load_file(args.file)
    else:
        res = load_all(_settings().dictionary_files())
    for p in res.problems:
        _err(str(p))
    return res.entries


# -- actions -------------------------------------------------------------------
def _list(args: argparse.Namespace) -> int:
    q = args.query.lower()
    n = 0
    for e in _entries(args):
        if args.kind and e.kind != args.kind:
            continue
        hay = [e.name, *e.aliases, *e.titles, *e.wrong]
        if q and not any(q in h.lower() for h in hay):
            continue
        extra = []
        if e.titles:
            extra.append("titlar: " + ", ".join(e.titles))
        if e.party:
            extra.append(f"parti: {e.party}")
        if e.aliases:
            extra.append("alias: " + ", ".join(e.aliases))
        print(f"{e.name}\t{e.kind}\t{'; '.join(extra)}\t{e.origin}")
        n += 1
    print(f"{n} poster", file=sys.stderr)
    return OK


def _add(args: argparse.Namespace) -> int:
    path = _target(args)
    try:
        entry = _entry_from_args(args)
        entry.validate()
    except EntryError as exc:
        _err(str(exc))
        return BAD_USAGE

    def change(df: DictionaryFile) -> str:
        df.add(entry)
        return f"Lade till '{entry.name}' i {path}"
    return _edit_file(path, change)


def _edit(args: argparse.Namespace) -> int:
    path = _target(args)

    def change(df: DictionaryFile) -> str:
        old = df.find(args.name)
        if old is None:
            broken = df.broken(args.name)
            if broken:
                raise EntryError(f"'{args.name}' kan inte läsas – {broken}. Rätta posten "
                                 "i filen, eller ta bort den med 'dict remove' och lägg "
                                 "till den igen")
            raise EntryError(f"'{args.name}' finns inte i filen")
        df.update(args.name, _entry_from_args(args, old))
        return f"Ändrade '{args.name}' i {path}"
    return _edit_file(path, change)


def _remove(args: argparse.Namespace) -> int:
    path = _target(args)

    def change(df: DictionaryFile) -> str:
        if not df.contains(args.name):  # a broken entry too: removing it is a fix
            raise EntryError(f"'{args.name}' finns inte i filen")
        df.remove(args.name)
        return f"Tog bort '{args.name}' ur {path} (föregående version: {path.name}.bak)"
    return _edit_file(path, change)


def _validate(args: argparse.Namespace) -> int:
    files = args.files or _settings().dictionary_files()
    missing = [f for f in files if not Path(f).exists()]
    for f in missing:
        _err(f"{f}: filen finns inte")
    res = load_all([f for f in files if Path(f).exists()])
    for p in res.problems:
        print(p)
    print(f"{len(res.entries)} giltiga poster i {len(files) - len(missing)} filer, "
          f"{len(res.problems)} problem", file=sys.stderr)
    return PROBLEMS if res.problems or missing else OK


def _import_csv(args: argparse.Namespace) -> int:
    path = _target(args)
    try:
        # Bounded: a FIFO made the command wait for a writer forever.
        raw = read_bytes(args.csv, MAX_DICTIONARY_BYTES).decode("utf-8-sig")
    except OSError as exc:
        _err(f"{args.csv}: {unreadable(exc)}")
        return BAD_USAGE
    except UnicodeDecodeError:
        _err(f"{args.csv}: är inte UTF-8 (spara CSV-filen som UTF-8)")
        return BAD_USAGE
    dialect = csv.Sniffer().sniff(raw.split("\n", 1)[0], delimiters=",;\t") if raw else "excel"
    reader = csv.DictReader(io.StringIO(raw), dialect=dialect)
    unknown = [f for f in reader.fieldnames or [] if f not in CSV_FIELDS]
    if not reader.fieldnames or "name" not in reader.fieldnames or unknown:
        _err(f"{args.csv}: rubrikraden ska ha kolumnerna {', '.join(CSV_FIELDS)}"
             + (f" (okänd: {', '.join(unknown)})" if unknown else ""))
        return BAD_USAGE
    rows: list[Entry] = []
    problems = 0
    for row in reader:
        data: dict[str, object] = {}
        for key, value in row.items():
            if key is None or value is None or not value.strip():
                continue
            data[key] = ([v.strip() for v in value.split(LIST_SEP) if v.strip()]
                         if key in LIST_KEYS else value.strip())
        try:
            rows.append(Entry.from_mapping(data, origin=f"{args.csv}:{reader.line_num}"))
        except EntryError as exc:
            print(f"{args.csv}:{reader.line_num}: {exc}")
            problems += 1

    def change(df: DictionaryFile) -> str:
        added = updated = skipped = 0
        for e in rows:
            if df.find(e.name) is None:
                df.add(e)
                added += 1
            elif args.update:
                df.update(e.name, e)
                updated += 1
            else:
                print(f"{e.origin}: '{e.name}' finns redan – hoppades över (använd --update)")
                skipped += 1
        return (f"{path}: {added} tillagda, {updated} ändrade, {skipped} överhoppade, "
                f"{problems} felaktiga rader")
    code = _edit_file(path, change)
    return code if code else (PROBLEMS if problems else OK)


def _export_csv(args: argparse.Namespace) -> int:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for e in _entries(args):
        m = e.to_mapping()
        w.writerow([LIST_SEP.join(m[k]) if k in LIST_KEYS and k in m else m.get(k, "")  # type: ignore[arg-type]
                    for k in CSV_FIELDS])
    if args.output:
        try:
            atomic_write_text(args.output, buf.getvalue())
        except OSError as exc:
            _err(f"{describe(exc, args.output)} – ingenting skrevs")
            return PROBLEMS
        print(f"Skrev {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(buf.getvalue())
    return OK


def _queue() -> ProposalQueue:
    from proofer.names.proposals import ProposalQueue

    return ProposalQueue(_settings().proposals_path)


def _proposals(args: argparse.Namespace) -> int:
    try:
        pending = _queue().pending()
    except EntryError as exc:
        _err(str(exc))
        return PROBLEMS
    for p in pending:
        print(f"{p.id}\t{p.entry.name}\t{p.entry.kind}\t{p.proposed_by}\t{p.proposed_at}")
    print(f"{len(pending)} förslag", file=sys.stderr)
    return OK


def _approve(args: argparse.Namespace) -> int:
    target = args.file
    if target is None:
        shared = [Path(p) for p in _settings().dictionary_paths]
        if not shared:
            _err("ingen gemensam ordlista angiven: använd --file")
            return BAD_USAGE
        target = shared[0] / "gemensam.yaml" if shared[0].is_dir() else shared[0]
    try:
        entry = _queue().approve(args.id, target)
    except (KeyError, EntryError, ChangedOnDisk) as exc:
        _err(str(exc.args[0] if isinstance(exc, KeyError) else exc))
        return PROBLEMS
    except OSError as exc:
        _err(f"{describe(exc)} – ingenting sparades")
        return PROBLEMS
    print(f"Godkände '{entry.name}' → {target}")
    return OK


def _reject(args: argparse.Namespace) -> int:
    try:
        _queue().reject(args.id)
    except (KeyError, EntryError) as exc:
        _err(str(exc.args[0] if isinstance(exc, KeyError) else exc))
        return PROBLEMS
    except OSError as exc:
        _err(f"{describe(exc)} – ingenting sparades")
        return PROBLEMS
    print(f"Avslog förslaget {args.id}")
    return OK
