"""Reads dictionary files and merges them, reporting every broken entry by file and line.

A broken entry never costs the rest of the file: it is reported and skipped. A file
that is not YAML at all is refused whole (with its line), the other files still load.
Line numbers come from PyYAML's node tree (C loader when available) because the
round-trip loader is far too slow for a 100,000-name dictionary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from proofer import yaml_loader
from proofer.bounded_read import NotARegularFile, read_bytes
from proofer.names.model import Entry, EntryError
from proofer.names.yaml_reasons import swedish
from proofer.os_errors import reason

if TYPE_CHECKING:
    import yaml


@dataclass(frozen=True)
class Problem:
    path: str
    line: int  # 1-based; 0 when the whole file is concerned
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}" if self.line else \
            f"{self.path}: {self.reason}"


@dataclass
class LoadResult:
    entries: list[Entry]
    problems: list[Problem]


def _plain(node: yaml.Node) -> object:
    """Node tree to Python values (strings stay strings; no tag magic)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        return {str(_plain(k)): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v) for v in node.value]
    if node.tag.endswith(":null"):
        return None
    return node.value


_ITEM = re.compile(r"^( *)- ([A-Za-z_]+):(?: (.*))?$")
_KEY = re.compile(r"^( *)([A-Za-z_]+):(?: (.*))?$")
# Plain scalars that YAML would read as something else than text, or syntax we leave
# to the real parser.
_SPECIAL = re.compile(
    r"""^(?:[-+]?[.\d]|[&*!|>%@`{?'"]|(?:y|n|yes|no|on|off|true|false|null|~)$)""",
    re.IGNORECASE)


def _fast_scalar(value: str | None) -> object:
    """A plain scalar or a flow list of plain scalars; raises ValueError otherwise."""
    if value is None or value == "":
        return None
    if ": " in value or " #" in value or "\t" in value:
        raise ValueError(value)
    if value.startswith("["):
        inner = value[1:-1]
        if not value.endswith("]") or any(c in inner for c in "[]{}&*!\\"):
            raise ValueError(value)
        items = [i.strip() for i in inner.split(",")] if inner.strip() else []
        out = []
        for i in items:
            if len(i) >= 2 and i[0] == i[-1] and i[0] in "'\"" and i[0] not in i[1:-1]:
                out.append(i[1:-1])  # a quoted item without quotes or commas inside
            elif not i or _SPECIAL.match(i) or "'" in i or '"' in i:
                raise ValueError(value)
            else:
                out.append(i)
        return out
    if _SPECIAL.match(value) or value.endswith(":"):
        raise ValueError(value)
    return value


def _fast_parse(text: str, path: str) -> LoadResult | None:
    """The block layout every dictionary we write uses, parsed a hundred times faster
    than YAML can (a 100,000-name file in well under a second). Anything outside that
    layout returns None and goes to the real YAML parser, so the result is the same."""
    items: list[tuple[int, dict[str, object]]] = []
    indent = -1
    seen_entries = False
    current: dict[str, object] | None = None
    try:
        for no, line in enumerate(text.split("\n"), 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if line.rstrip() == "entries:" and not seen_entries:
                seen_entries = True
                continue
            if not seen_entries:
                return None
            m = _ITEM.match(line.rstrip())
            if m and (indent < 0 or len(m.group(1)) == indent):
                indent = len(m.group(1))
                current = {m.group(2): _fast_scalar(m.group(3))}
                items.append((no, current))
                continue
            m = _KEY.match(line.rstrip())
            if m and current is not None and len(m.group(1)) == indent + 2:
                if m.group(2) in current:
                    return None  # duplicate key: let YAML say what it says
                current[m.group(2)] = _fast_scalar(m.group(3))
                continue
            return None
    except ValueError:
        return None
    if not seen_entries:
        return None
    entries, problems = [], []
    for line, data in items:
        try:
            entries.append(Entry.from_mapping(data, origin=f"{path}:{line}"))
        except EntryError as exc:
            problems.append(Problem(path, line, str(exc)))
    return LoadResult(entries, problems)


def load_text(text: str, path: str) -> LoadResult:
    """Parse one file's text; see module doc for what is refused."""
    fast = _fast_parse(text, path)
    if fast is not None:
        return fast
    import yaml  # only here: see proofer.yaml_loader

    try:
        root = yaml.compose(text, Loader=yaml_loader.safe_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        # One line: a reader error ("unacceptable character #x0000") has no problem
        # of its own, and its text goes on with where in the string it was.
        why = swedish(getattr(exc, "problem", None) or str(exc).splitlines()[0])
        return LoadResult([], [Problem(path, line, f"filen kunde inte tolkas som YAML: "
                                                   f"{why}; ingenting i filen lästes in")])
    if root is None:
        return LoadResult([], [])
    items: list[yaml.Node]
    if isinstance(root, yaml.MappingNode):
        keys = {str(k.value): v for k, v in root.value}
        unknown = [k for k in keys if k != "entries"]
        problems = [Problem(path, root.start_mark.line + 1, f"okänd nyckel '{k}' på toppnivå "
                            "(bara 'entries' används)") for k in unknown]
        seq = keys.get("entries")
        if seq is None or (isinstance(seq, yaml.ScalarNode) and not seq.value):
            return LoadResult([], problems)
        if not isinstance(seq, yaml.SequenceNode):
            problems.append(Problem(path, seq.start_mark.line + 1,
                                    "'entries' ska vara en lista med poster"))
            return LoadResult([], problems)
        items = seq.value
    elif isinstance(root, yaml.SequenceNode):
        items, problems = root.value, []
    else:
        return LoadResult([], [Problem(path, root.start_mark.line + 1,
                                       "filen ska ha en lista 'entries' med poster")])
    entries: list[Entry] = []
    for node in items:
        line = node.start_mark.line + 1
        try:
            entries.append(Entry.from_mapping(_plain(node), origin=f"{path}:{line}"))  # type: ignore[arg-type]
        except EntryError as exc:
            problems.append(Problem(path, line, str(exc)))
    return LoadResult(entries, problems)


# A 100,000-name dictionary is a few megabytes; a bigger "dictionary" is a mistake
# (or /dev/zero), never read whole.
MAX_DICTIONARY_BYTES = 100 * 1024 * 1024


def load_file(path: Path) -> LoadResult:
    try:
        data = read_bytes(path, MAX_DICTIONARY_BYTES)
    except NotARegularFile as exc:
        return LoadResult([], [Problem(str(path), 0, str(exc))])
    except OSError as exc:
        return LoadResult([], [Problem(str(path), 0, f"kunde inte läsas: {reason(exc)}")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return LoadResult([], [Problem(str(path), line, "filen är inte UTF-8; "
                                                        "ingenting i filen lästes in")])
    return load_text(text, str(path))


def _where(entry: Entry) -> tuple[str, int]:
    path, _, line = entry.origin.rpartition(":")
    return (path, int(line)) if line.isdigit() else (entry.origin, 0)


def merge(results: list[LoadResult]) -> LoadResult:
    """Merge files in order (shipped, shared, user's, per-run).

    - The same name twice in one file with different data: the second is refused.
    - The same name in a later file replaces the earlier entry (a newsroom or a user
      may correct a shipped entry; that is an override, not an error).
    - An alias (or name) claimed by two different persons: reported, and dropped from
      the later entry, which otherwise loads.
    """
    problems: list[Problem] = []
    by_name: dict[str, Entry] = {}
    for res in results:
        problems.extend(res.problems)
        seen_here: dict[str, Entry] = {}
        for e in res.entries:
            first = seen_here.get(e.name)
            if first is not None:
                if not first.same_data(e):
                    path, line = _where(e)
                    problems.append(Problem(path, line, f"'{e.name}' finns redan på rad "
                                            f"{_where(first)[1]} med andra uppgifter; "
                                            "den senare posten lästes inte in"))
                continue
            seen_here[e.name] = e
            by_name.pop(e.name, None)  # re-insert so a later file's order wins
            by_name[e.name] = e
    claimed: dict[str, Entry] = {}
    entries: list[Entry] = []
    for e in by_name.values():
        if e.kind == "person":
            keep = []
            for alias in e.aliases:
                owner = claimed.get(alias)
                other = by_name.get(alias)
                if (owner is None and other is not None and other.kind == "person"
                        and other is not e):
                    owner = other
                if owner is not None and owner.name != e.name:
                    path, line = _where(e)
                    problems.append(Problem(path, line, f"aliaset '{alias}' för '{e.name}' "
                                            f"tillhör redan '{owner.name}' ({owner.origin}); "
                                            "aliaset används inte"))
                    continue
                keep.append(alias)
                claimed[alias] = e
            claimed.setdefault(e.name, e)
            if len(keep) != len(e.aliases):
                e = replace(e, aliases=tuple(keep))
        entries.append(e)
    return LoadResult(entries, problems)


def load_all(paths: list[Path]) -> LoadResult:
    return merge([load_file(p) for p in paths])
