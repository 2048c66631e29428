"""Strict loading of rule files (resources/rules/*.yaml).

Strict because a typo in a key ("sugestions") would otherwise silently produce a
rule without a fix. A broken rule is reported with file and line and skipped; the
other rules of the file still load, so one bad edit never switches off the rest.

File layout::

    defaults: {category: grammar, source: Språkrådet}   # optional, per file
    rules:
      - id: grammar.hall-med-om
        pattern: '\\b(?P<err>häll) med (?:om|på)\\b'   # or phrases: [...] (+ position)
        message: ...
        suggestions: [höll]            # templates: \\g<name> refers to the match
        examples:
          - {wrong: "något som ministern «häll» med om", correction: höll}
        correct: ["Häll i vattnet."]
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from proofer import yaml_loader
from proofer.finding import Category, Severity
from proofer.rules.model import Convention, Example, LazyPattern, Rule, RuleLoadError
from proofer.settings import RESOURCES

if TYPE_CHECKING:
    import yaml

try:  # the parser is how we find a literal every match must contain (the precheck)
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older or future Pythons
    _sre_parse = None

RULES_DIR = RESOURCES / "rules"

FILE_KEYS = {"rules", "defaults"}
DEFAULT_KEYS = {"category", "severity", "source", "url", "case_sensitive", "position"}
RULE_KEYS = {"id", "pattern", "phrases", "position", "message", "suggestions", "source", "url",
             "category", "severity", "case_sensitive", "keep_case", "precheck", "examples",
             "correct", "convention", "note"}
REQUIRED = ("id", "message", "source", "category", "severity", "examples", "correct")
EXAMPLE_KEYS = {"wrong", "correction"}
CONVENTION_KEYS = {"group", "min", "house", "claim_first"}

# A phrase list with position "line" matches only a whole line, or the end of a line
# after a finished sentence: where pasted web chrome sits, and where the same words
# in running text ("Läs mer om ...") never do.
_LINE_POSITION = r"(?:^|(?<=[.!?…”\"»)])[ \t]+)(?P<err>(?:{alts}))[ \t]*$"
# Position "end": at the end of a line after anything, for phrases distinctive enough
# ("Ikon för telefonnummer") to be a leftover even after a headline without a full stop.
_LINE_END = r"(?<![\w-])(?P<err>(?:{alts}))[ \t]*$"
_ANYWHERE = r"(?P<err>(?:{alts}))"
POSITIONS = {"line": _LINE_POSITION, "end": _LINE_END, "anywhere": _ANYWHERE}


@cache
def _line_loader() -> type:
    """The safe loader that records the line of every mapping, so that errors can
    name it (made when a rule file is first parsed: see proofer.yaml_loader)."""
    import yaml

    class LineLoader(yaml_loader.safe_loader()):  # type: ignore[misc]
        pass

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                               _mapping_with_line)
    return LineLoader


def _mapping_with_line(loader: Any, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


def load_rule_files(directory: Path = RULES_DIR, cached: bool = True
                    ) -> tuple[list[Rule], list[str]]:
    """The rules of every file in `directory`. With `cached`, as loaded by an earlier
    run while neither the files nor this loader changed (their stat): reading,
    checking and compiling a hundred rules was a third of a start-up, and the
    patterns are then compiled only when a rule first runs (LazyPattern)."""
    paths = sorted(directory.glob("*.yaml"))
    if not cached:
        return load_rules(paths)
    from proofer import table_cache
    from proofer.rules import model

    sources = [*paths, Path(__file__), Path(model.__file__)]
    name = "rules-" + hashlib.sha1(str(directory.resolve()).encode()).hexdigest()[:12]
    return table_cache.load_or_build(name, sources, lambda: load_rules(paths), objects=True)


def load_rules(paths: Iterable[Path]) -> tuple[list[Rule], list[str]]:
    """All usable rules, and one message per refused rule or file."""
    return read_rule_files(paths, _build_rule, FILE_KEYS, DEFAULT_KEYS)


class _Identified(Protocol):
    id: str
    where: str


R = TypeVar("R", bound=_Identified)


def read_rule_files(paths: Iterable[Path], build: Callable[[dict[str, Any], str, int], R],
                    file_keys: set[str], default_keys: set[str]) -> tuple[list[R], list[str]]:
    """The file layer every rule format shares (phrase rules here, grammar rules in
    proofer/grammar): strict YAML with line numbers, file-level keys and defaults
    checked, one refused rule never costing the others, ids unique across files.
    `build` turns one merged mapping into a rule or raises RuleLoadError, whose
    optional second argument is the line to name."""
    rules: list[R] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        file_rules, file_errors = _read_file(Path(path), build, file_keys, default_keys)
        errors.extend(file_errors)
        add_unique(rules, file_rules, seen, errors)
    return rules, errors


def add_unique(rules: list[R], more: Iterable[R], seen: dict[str, str],
               errors: list[str]) -> None:
    """Append the rules of `more` whose id is not yet in `seen` (id -> where); a
    repeated id is refused with a message naming both places."""
    for rule in more:
        if rule.id in seen:
            errors.append(f"{rule.where}: regel {rule.id}: id:t finns redan i {seen[rule.id]}")
            continue
        seen[rule.id] = rule.where
        rules.append(rule)


def _read_file(path: Path, build: Callable[[dict[str, Any], str, int], R],
               file_keys: set[str], default_keys: set[str]) -> tuple[list[R], list[str]]:
    import yaml

    name = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"),  # noqa: S506 - a safe loader
                         Loader=_line_loader())
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{name}: kan inte läsas: {exc}"]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        return [], [f"{name}{line}: ogiltig YAML: {getattr(exc, 'problem', exc)}"]
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return [], [f"{name}: filen ska ha en lista 'rules:'"]
    unknown = set(data) - file_keys - {"__line__"}
    if unknown:
        return [], [f"{name}:1: okända nycklar på filnivå: {', '.join(sorted(unknown))}"]
    defaults = data.get("defaults") or {}
    bad_defaults = set(defaults) - default_keys - {"__line__"}
    if bad_defaults:
        return [], [f"{name}:{defaults.get('__line__', 1)}: okända nycklar i defaults: "
                    f"{', '.join(sorted(bad_defaults))}"]
    rules: list[R] = []
    errors: list[str] = []
    for raw in data["rules"]:
        line = raw.get("__line__", 0) if isinstance(raw, dict) else 0
        try:
            if not isinstance(raw, dict):
                raise RuleLoadError("en regel ska vara en mappning")
            merged = {k: v for k, v in defaults.items() if k != "__line__"} | raw
            rules.append(build(merged, name, line))
        except RuleLoadError as exc:
            rid = raw.get("id", "?") if isinstance(raw, dict) else "?"
            errors.append(f"{name}:{exc.args[1] if len(exc.args) > 1 else line}: "
                          f"regel {rid}: {exc.args[0]}")
    return rules, errors


def check_rule_keys(raw: dict[str, Any], allowed: set[str], required: Iterable[str]) -> None:
    """Strict keys, as every rule format here wants them: a misspelt key is an error
    naming it, never a silently ignored setting."""
    unknown = set(raw) - allowed - {"__line__"}
    if unknown:
        raise RuleLoadError(f"okända nycklar: {', '.join(sorted(unknown))}")
    missing = [k for k in required if k not in raw]
    if missing:
        raise RuleLoadError(f"saknar: {', '.join(missing)}")


def _build_rule(raw: dict[str, Any], file: str, line: int) -> Rule:
    check_rule_keys(raw, RULE_KEYS, REQUIRED)
    if ("pattern" in raw) == ("phrases" in raw):
        raise RuleLoadError("ange antingen pattern eller phrases")
    case_sensitive = _bool(raw, "case_sensitive", False)
    pattern = raw["pattern"] if "pattern" in raw else _phrases_pattern(raw)
    if not isinstance(pattern, str) or not pattern:
        raise RuleLoadError("pattern ska vara en icke-tom sträng")
    # Rules run on one paragraph (one line) at a time: ^ and $ are its ends.
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise RuleLoadError(f"trasigt reguljärt uttryck: {exc}") from None
    regex = LazyPattern(pattern, flags, compiled)
    suggestions = _str_list(raw.get("suggestions", []), "suggestions")
    for template in suggestions:
        if "\\" in template:
            try:  # a template naming a group that does not exist fails at every match
                _check_template(compiled, template)
            except re.error as exc:
                raise RuleLoadError(f"trasig ersättningsmall {template!r}: {exc}") from None
    message = _str(raw, "message")
    if "\\g<" in message:  # the message names what the match found, as a template does
        try:
            _check_template(compiled, message)
        except re.error as exc:
            raise RuleLoadError(f"trasigt meddelande {message!r}: {exc}") from None
    try:
        category = Category(raw["category"])
        severity = Severity(raw["severity"])
    except ValueError as exc:
        raise RuleLoadError(str(exc)) from None
    examples = tuple(_example(e, suggestions) for e in _list(raw["examples"], "examples"))
    correct = tuple(_str_list(raw["correct"], "correct"))
    precheck = _str_list(raw.get("precheck", []), "precheck")
    if not precheck:
        precheck = derive_precheck(pattern)
    if not case_sensitive:
        precheck = [p.lower() for p in precheck]
    return Rule(
        id=_str(raw, "id"), regex=regex, message=message,
        suggestions=tuple(suggestions), source=_str(raw, "source"), category=category,
        severity=severity, examples=examples, correct=correct, file=file, line=line,
        url=str(raw.get("url", "")), precheck=tuple(precheck), case_sensitive=case_sensitive,
        keep_case=_bool(raw, "keep_case", True), convention=_convention(raw.get("convention")),
        note=str(raw.get("note", "")),
    )


def _phrases_pattern(raw: dict[str, Any]) -> str:
    phrases = _str_list(raw["phrases"], "phrases")
    if not phrases:
        raise RuleLoadError("phrases är tom")
    for p in phrases:
        try:
            re.compile(p)
        except re.error as exc:
            raise RuleLoadError(f"trasigt reguljärt uttryck i phrases {p!r}: {exc}") from None
    position = raw.get("position", "line")
    if position not in POSITIONS:
        raise RuleLoadError(f"position ska vara en av {', '.join(POSITIONS)}")
    # Longest first, so that "Dela artikeln" is not cut to "Dela".
    alts = "|".join(sorted(phrases, key=len, reverse=True))
    return POSITIONS[position].format(alts=alts)


def _check_template(regex: re.Pattern[str], template: str) -> None:
    for ref in re.findall(r"\\g<(\w+)>|\\(\d+)", template):
        name = ref[0] or ref[1]
        if name.isdigit():
            if int(name) > regex.groups:
                raise re.error(f"grupp {name} finns inte")
        elif name not in regex.groupindex:
            raise re.error(f"grupp {name} finns inte")


def _example(raw: Any, suggestions: list[str]) -> Example:
    if not isinstance(raw, dict):
        raise RuleLoadError("ett exempel ska vara {wrong: ..., correction: ...}")
    unknown = set(raw) - EXAMPLE_KEYS - {"__line__"}
    if unknown or "wrong" not in raw or "correction" not in raw:
        raise RuleLoadError(f"exemplet på rad {raw.get('__line__', '?')} ska ha exakt "
                            "nycklarna wrong och correction")
    correction = raw["correction"]
    if correction is not None and not isinstance(correction, str):
        correction = str(correction)
    if correction is None and suggestions:
        raise RuleLoadError("exemplet saknar correction fast regeln har förslag")
    try:
        return Example.parse(str(raw["wrong"]), correction)
    except ValueError as exc:
        raise RuleLoadError(str(exc)) from None


def _convention(raw: Any) -> Convention | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) - CONVENTION_KEYS - {"__line__"}:
        raise RuleLoadError("convention ska vara {group, min, house, claim_first}")
    try:
        return Convention(str(raw["group"]), int(raw["min"]),
                          tuple(_str_list(raw["house"], "house")),
                          _bool(raw, "claim_first", False))
    except (KeyError, ValueError, TypeError) as exc:
        raise RuleLoadError(f"convention: {exc}") from None


def _str(raw: dict[str, Any], key: str) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise RuleLoadError(f"{key} ska vara en icke-tom sträng")
    return value


def _bool(raw: dict[str, Any], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise RuleLoadError(f"{key} ska vara true eller false")
    return value


def _list(value: Any, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise RuleLoadError(f"{key} ska vara en lista")
    return value


def _str_list(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    items = _list(value, key)
    out = []
    for v in items:
        if isinstance(v, dict | list) or v is None:
            raise RuleLoadError(f"{key} ska vara en lista med strängar")
        out.append(str(v))
    return out


# ---------------------------------------------------------------- precheck derivation
def derive_precheck(pattern: str) -> list[str]:
    """Literal strings of which every match must contain at least one.

    Used as a substring test before the regex runs: most paragraphs contain none of
    a rule's words, and `in` is far cheaper than a regex scan. Returns [] (always run
    the regex) when no safe literal can be found.
    """
    if _sre_parse is None:
        return []
    try:
        parsed = _sre_parse.parse(pattern)
    except re.error:
        return []
    options = _required_literals(list(parsed))
    return options if options and all(len(o) >= 2 for o in options) else []


def _required_literals(items: list[Any]) -> list[str]:
    """The best set of alternatives at least one of which occurs in every match of
    the sequence `items`: the longest literal run, or a branch's alternatives."""
    best: list[str] = []
    run = ""

    def consider(options: list[str]) -> None:
        nonlocal best
        if options and (not best or min(map(len, options)) > min(map(len, best))):
            best = options

    # A plain group is part of the sequence: "(häll) med" -> "häll med".
    flat = _flatten_groups(items)
    for op, av in flat:
        name = str(op)
        if name == "LITERAL":
            run += chr(av)
            continue
        consider([run] if run else [])
        run = ""
        if name == "BRANCH":
            branches = [_required_literals(list(b)) for b in av[1]]
            if all(branches):
                consider([opt for b in branches for opt in b])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            consider(_required_literals(list(av[2])))
    consider([run] if run else [])
    return best


def _flatten_groups(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for op, av in items:
        if str(op) == "SUBPATTERN":
            out.extend(_flatten_groups(list(av[-1])))
        else:
            out.append((op, av))
    return out
