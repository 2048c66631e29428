"""Dictionary entries as CSV for spreadsheets: one entry a row, lists joined by ';'."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from proofer.bounded_read import read_bytes, unreadable
from proofer.formats.decode import decode_bytes
from proofer.formats.errors import LoadError
from proofer.names.loader import MAX_DICTIONARY_BYTES
from proofer.names.model import KNOWN_KEYS, LIST_KEYS, Entry, EntryError


def entries_to_csv(entries: list[Entry]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(KNOWN_KEYS)
    for e in entries:
        data = e.to_mapping()
        w.writerow(["; ".join(data.get(k, [])) if k in LIST_KEYS else data.get(k, "")  # type: ignore[arg-type]
                    for k in KNOWN_KEYS])
    return out.getvalue()


def read_csv_text(path: Path) -> str:
    """A spreadsheet's CSV as text: UTF-8 (with or without Excel's BOM) or, as Excel
    with Swedish settings saves it, cp1252. LoadError says in Swedish why not."""
    try:
        data = read_bytes(path, MAX_DICTIONARY_BYTES)  # a FIFO would hang the window
    except OSError as exc:
        raise LoadError(path, unreadable(exc)) from exc
    return decode_bytes(data, path).text


def _dialect(text: str) -> str:
    """The delimiter of the header line: Excel with Swedish settings writes ';' (the
    comma is the decimal sign), others ','; a tab from a pasted table."""
    header = text.split("\n", 1)[0]
    return max((";", ",", "\t"), key=header.count) if header else ","


def entries_from_csv(text: str, source: str = "CSV") -> tuple[list[Entry], list[str]]:
    """Valid entries and one Swedish message per broken row (with its line number)."""
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text), delimiter=_dialect(text))
    if not reader.fieldnames or "name" not in reader.fieldnames:
        return [], [f"{source}: första raden ska vara rubriker med minst 'name' och 'kind'"]
    unknown = [f for f in reader.fieldnames if f not in KNOWN_KEYS]
    if unknown:
        return [], [f"{source}: okänd kolumn '{unknown[0]}' (tillåtna: {', '.join(KNOWN_KEYS)})"]
    entries: list[Entry] = []
    problems: list[str] = []
    for row in reader:
        data: dict[str, object] = {}
        for k, v in row.items():
            v = (v or "").strip()
            if not v:
                continue
            data[k] = [p.strip() for p in v.split(";") if p.strip()] if k in LIST_KEYS else v
        if not data:
            continue
        try:
            entries.append(Entry.from_mapping(data, origin=f"{source}:{reader.line_num}"))
        except EntryError as exc:
            problems.append(f"{source}:{reader.line_num}: {exc}")
    return entries, problems
