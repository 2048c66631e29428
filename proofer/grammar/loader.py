"""Strict loading of the grammar rule files (resources/grammar/rules/*.yaml).

The format is described in resources/grammar/rules/README.md. As with the phrase
rules, a typo in a key would silently change what a rule does, so an unknown key
refuses the rule with file, line and reason, and every other rule still loads.

Closed word classes that many rules name (the subject pronouns, the possessives, the
sentence adverbs that do not make the verb come second) are defined once, as named
word lists in resources/grammar/lists/*.yaml, and a pattern element refers to one as
'@name' among its words: copies written out rule by rule drifted apart, one rule
knowing "hen" and the next not.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from proofer.finding import Category, Severity
from proofer.grammar.features import check_feature
from proofer.grammar.lexicon import LEXICON_DIR, load_lexicon
from proofer.grammar.model import (
    READING_MODES,
    Constraint,
    GrammarRule,
    Suggestion,
    TagExpr,
    TokenSpec,
    WordCheck,
)
from proofer.rules.loader import (
    _bool,
    _list,
    _str,
    _str_list,
    add_unique,
    check_rule_keys,
    read_rule_files,
)
from proofer.rules.model import Example, RuleLoadError
from proofer.settings import RESOURCES

if TYPE_CHECKING:
    from proofer.grammar.ruleset import GrammarRuleSet

RULES_DIR = RESOURCES / "grammar" / "rules"
LISTS_DIR = RESOURCES / "grammar" / "lists"
#: a word list's name, as a rule refers to it ('@subject_pronouns')
LIST_NAME = re.compile(r"[a-z][a-z0-9_]*")

WordLists = Mapping[str, frozenset[str]]

FILE_KEYS = {"rules", "defaults"}
DEFAULT_KEYS = {"category", "severity", "source", "url"}
RULE_KEYS = {"id", "pattern", "message", "source", "url", "category", "severity", "agree",
             "disagree", "antipatterns", "suggest", "examples", "correct", "note",
             "suggestion_is"}
REQUIRED = ("id", "pattern", "message", "source", "category", "severity", "examples", "correct")
TOKEN_KEYS = {"word", "regex", "lemma", "tags", "not_tags", "no_reading", "not_word", "not_lemma",
              "reading", "negate", "optional", "repeat", "skip", "mark", "case_sensitive",
              "sentence_start", "known", "source", "any_of"}
#: keys that belong to the element as a whole, not to one of its any_of alternatives
OUTER_KEYS = {"optional", "repeat", "skip", "mark", "sentence_start", "any_of"}
CONSTRAINT_KEYS = {"tokens", "features"}
SUGGEST_KEYS = {"inflect", "like", "features", "to", "text", "as", "lemma", "respell", "tags",
                "not_tags", "alone"}
EXAMPLE_KEYS = {"wrong", "correction"}


def load_grammar_files(directory: Path = RULES_DIR, cached: bool = True,
                       lexicon: Path = LEXICON_DIR, lists: Path = LISTS_DIR
                       ) -> tuple[list[GrammarRule], list[str]]:
    """The rules of every file in `directory` and the rules the lexicon tables in
    `lexicon` make (proofer.grammar.lexicon), with ids unique across both, their
    '@name' words taken from the word lists in `lists`. With `cached`, as loaded by
    an earlier run while neither the files nor the code that reads them changed
    (their stat, proofer.table_cache): reading and checking the YAML was a fifth of
    the start-up of a one-paragraph check."""
    paths = sorted(directory.glob("*.yaml"))
    tables = sorted(lexicon.glob("*.yaml"))
    list_files = sorted(lists.glob("*.yaml"))

    def build() -> tuple[list[GrammarRule], list[str]]:
        word_lists, errors = load_word_lists(list_files)
        rules, rule_errors = load_grammar_rules(paths, word_lists)
        errors.extend(rule_errors)
        table_rules, table_errors = load_lexicon(tables, word_lists)
        errors.extend(table_errors)
        add_unique(rules, table_rules, {r.id: r.where for r in rules}, errors)
        return rules, errors

    if not cached:
        return build()
    from proofer import table_cache

    name, sources = _cache_key("grammar-rules", directory, lexicon, lists,
                               paths + tables + list_files)
    return table_cache.load_or_build(name, sources, build, objects=True)


def load_rule_set(directory: Path = RULES_DIR, lexicon: Path = LEXICON_DIR,
                  lists: Path = LISTS_DIR) -> tuple[GrammarRuleSet, list[str]]:
    """load_grammar_files' rules already indexed (GrammarRuleSet), as an earlier run
    indexed them while neither the files nor the code changed: indexing the rules
    cost as much again as reading them, at every start of the command line."""
    from proofer import table_cache
    from proofer.grammar import inflect, matcher, rule_index, ruleset

    def build() -> tuple[GrammarRuleSet, list[str]]:
        rules, errors = load_grammar_files(directory, cached=False, lexicon=lexicon,
                                           lists=lists)
        return ruleset.GrammarRuleSet(rules), errors

    files = (sorted(directory.glob("*.yaml")) + sorted(lexicon.glob("*.yaml"))
             + sorted(lists.glob("*.yaml")))
    code = [Path(m.__file__) for m in (inflect, matcher, rule_index, ruleset)]
    name, sources = _cache_key("grammar-rule-set", directory, lexicon, lists, files + code)
    return table_cache.load_or_build(name, sources, build, objects=True)


def _cache_key(kind: str, directory: Path, lexicon: Path, lists: Path, files: list[Path]
               ) -> tuple[str, list[Path]]:
    """The table_cache name and sources of rules read from these folders: the
    files, and the code that reads them."""
    from proofer import finding
    from proofer.grammar import features, model
    from proofer.grammar import lexicon as lexicon_code
    from proofer.rules import loader as rules_loader
    from proofer.rules import model as rules_model

    code = [__file__, model.__file__, features.__file__, rules_loader.__file__,
            rules_model.__file__, finding.__file__, lexicon_code.__file__]
    where = f"{directory.resolve()}\0{lexicon.resolve()}\0{lists.resolve()}"
    name = f"{kind}-" + hashlib.sha1(where.encode()).hexdigest()[:12]
    return name, [*files, *(Path(c) for c in code)]


def load_grammar_rules(paths: Iterable[Path], lists: WordLists | None = None
                       ) -> tuple[list[GrammarRule], list[str]]:
    """All usable rules, and one Swedish message per refused rule or file; '@name'
    words come from `lists` (the shipped word lists when None)."""
    build = functools.partial(_build_rule, lists=lists)
    return read_rule_files(paths, build, FILE_KEYS, DEFAULT_KEYS)


def load_word_lists(paths: Iterable[Path]) -> tuple[dict[str, frozenset[str]], list[str]]:
    """The named word lists of these files, and one Swedish message per refused list
    or file.

    A file is a mapping from a list's name to its words; a word '@other' takes in the
    words of the list `other` (of any file), so that a list can be another plus a
    few. A list with a bad name, a word that is not a string, a name given twice, a
    reference to no list or a cycle is refused with file and line; the rules that
    name it are then refused in their turn (an unknown list), and everything else
    loads."""
    raw: dict[str, tuple[list[str], str]] = {}
    errors: list[str] = []
    for path in paths:
        _read_list_file(Path(path), raw, errors)
    resolved: dict[str, frozenset[str]] = {}
    refused: set[str] = set()

    def resolve(name: str, chain: tuple[str, ...]) -> frozenset[str] | None:
        if name in resolved:
            return resolved[name]
        if name in refused:
            return None
        words, where = raw[name]
        out: set[str] = set()
        for word in words:
            if not word.startswith("@"):
                out.add(word)
                continue
            other = word[1:]
            if other in chain or other == name:
                errors.append(f"{where}: ordlistan {name}: cirkelreferens via @{other}")
                refused.add(name)
                return None
            if other not in raw:
                errors.append(f"{where}: ordlistan {name}: okänd ordlista @{other}")
                refused.add(name)
                return None
            got = resolve(other, (*chain, name))
            if got is None:
                errors.append(f"{where}: ordlistan {name}: @{other} kunde inte läsas")
                refused.add(name)
                return None
            out |= got
        resolved[name] = frozenset(out)
        return resolved[name]

    for name in raw:
        resolve(name, ())
    return resolved, errors


def _read_list_file(path: Path, raw: dict[str, tuple[list[str], str]],
                    errors: list[str]) -> None:
    """The lists of one file into `raw` (name -> (words, "file:line")); its
    problems into `errors`. Read node by node, so that every list has its line and
    a word is the text as written ("ja", not a boolean)."""
    import yaml

    from proofer import yaml_loader

    name = path.name
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml_loader.safe_loader())
    except (OSError, UnicodeDecodeError) as exc:
        errors.append(f"{name}: kan inte läsas: {exc}")
        return
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        errors.append(f"{name}{line}: ogiltig YAML: {getattr(exc, 'problem', exc)}")
        return
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        errors.append(f"{name}:1: filen ska vara en mappning från listnamn till ord")
        return
    for key, value in root.value:
        where = f"{name}:{key.start_mark.line + 1}"
        list_name = str(key.value)
        if not isinstance(key, yaml.ScalarNode) or not LIST_NAME.fullmatch(list_name):
            errors.append(f"{where}: listnamnet {list_name!r} ska vara små bokstäver, "
                          f"siffror och _, t.ex. subject_pronouns")
            continue
        if list_name in raw:
            errors.append(f"{where}: ordlistan {list_name} finns redan i {raw[list_name][1]}")
            continue
        if not isinstance(value, yaml.SequenceNode) or not value.value or not all(
                isinstance(v, yaml.ScalarNode) and str(v.value).strip() for v in value.value):
            errors.append(f"{where}: ordlistan {list_name} ska vara en lista med ord")
            continue
        raw[list_name] = ([str(v.value).strip() for v in value.value], where)


@functools.cache
def shipped_word_lists() -> WordLists:
    """The word lists in resources/grammar/lists (their errors are reported by
    load_grammar_files, which reads them itself)."""
    return load_word_lists(sorted(LISTS_DIR.glob("*.yaml")))[0]


def _fail(message: str, raw: Any) -> RuleLoadError:
    """An error that names the line of the mapping it is about."""
    line = raw.get("__line__") if isinstance(raw, dict) else None
    return RuleLoadError(message, line) if line else RuleLoadError(message)


def _build_rule(raw: dict[str, Any], file: str, line: int, lists: WordLists | None = None
                ) -> GrammarRule:
    check_rule_keys(raw, RULE_KEYS, REQUIRED)
    if lists is None:
        lists = shipped_word_lists()
    pattern = _pattern(raw["pattern"], lists)
    antipatterns = tuple(_pattern(p, lists)
                         for p in _list(raw.get("antipatterns", []), "antipatterns"))
    constraints = tuple(_constraint(c, len(pattern), differ=False)
                        for c in _list(raw.get("agree", []), "agree"))
    constraints += tuple(_constraint(c, len(pattern), differ=True)
                         for c in _list(raw.get("disagree", []), "disagree"))
    suggest = tuple(_suggestion(s, pattern) for s in _list(raw.get("suggest", []), "suggest"))
    word_check = _word_check(raw["suggestion_is"]) if "suggestion_is" in raw else None
    if word_check is not None and not suggest:
        raise RuleLoadError("suggestion_is utan suggest")
    try:
        category = Category(raw["category"])
        severity = Severity(raw["severity"])
    except ValueError as exc:
        raise RuleLoadError(str(exc)) from None
    examples = tuple(_example(e, bool(suggest)) for e in _list(raw["examples"], "examples"))
    correct = tuple(_str_list(raw["correct"], "correct"))
    return GrammarRule(
        id=_str(raw, "id"), pattern=pattern, message=_str(raw, "message"),
        source=_str(raw, "source"), category=category, severity=severity, examples=examples,
        correct=correct, constraints=constraints, antipatterns=antipatterns,
        suggestions=suggest, suggestion_is=word_check, file=file, line=line,
        url=str(raw.get("url", "")), note=str(raw.get("note", "")))


def _pattern(raw: Any, lists: WordLists) -> tuple[TokenSpec, ...]:
    items = _list(raw, "pattern")
    if not items:
        raise RuleLoadError("pattern är tom")
    return tuple(_token(t, lists) for t in items)


def _words(value: Any, key: str, cased: bool, lists: WordLists, raw: Any) -> frozenset[str]:
    """The words of `key`, each '@name' replaced by the words of that list."""
    words: list[str] = []
    for word in _str_list(value, key):
        if not word.startswith("@"):
            words.append(word)
        elif word[1:] in lists:
            words.extend(lists[word[1:]])
        else:
            known = ", ".join(sorted(lists)) or "inga"
            raise _fail(f"okänd ordlista {word} i {key} (finns: {known})", raw)
    return frozenset(words if cased else (w.lower() for w in words))


def _tag_expr(value: Any, key: str) -> TagExpr:
    """"adj ind" (all of them) or a list of such alternatives."""
    alts = _str_list(value, key)
    expr = tuple(frozenset(a.split()) for a in alts)
    if not expr or any(not a for a in expr):
        raise RuleLoadError(f"{key} ska vara taggar, t.ex. 'adj ind' eller ['n', 'np']")
    return expr


def _token(raw: Any, lists: WordLists) -> TokenSpec:
    if not isinstance(raw, dict):
        raise RuleLoadError("ett mönsterelement ska vara en mappning, t.ex. {tags: adj}")
    unknown = set(raw) - TOKEN_KEYS - {"__line__"}
    if unknown:
        raise _fail(f"okända nycklar i mönsterelementet: {', '.join(sorted(unknown))}", raw)
    cased = _bool(raw, "case_sensitive", False)
    regex = None
    if "regex" in raw:
        try:
            regex = re.compile(str(raw["regex"]), 0 if cased else re.IGNORECASE)
        except re.error as exc:
            raise _fail(f"trasigt reguljärt uttryck: {exc}", raw) from None
    reading = raw.get("reading", "first")
    if reading not in READING_MODES:
        raise _fail(f"reading ska vara en av {', '.join(READING_MODES)}", raw)
    optional = _bool(raw, "optional", False)
    repeat = raw.get("repeat", 1)
    skip = raw.get("skip", 0)
    if not isinstance(repeat, int) or repeat < 1 or not isinstance(skip, int) or skip < 0:
        raise _fail("repeat ska vara ett heltal ≥ 1 och skip ett heltal ≥ 0", raw)
    alternatives: tuple[TokenSpec, ...] = ()
    if "any_of" in raw:
        inner = set(raw) - OUTER_KEYS - {"__line__"}
        if inner:
            raise _fail(f"any_of står ensamt med {', '.join(sorted(OUTER_KEYS - {'any_of'}))}; "
                        f"flytta in {', '.join(sorted(inner))}", raw)
        alternatives = tuple(_token(a, lists) for a in _list(raw["any_of"], "any_of"))
        if not alternatives:
            raise _fail("any_of är tom", raw)
    known = raw.get("known")
    if known is not None and not isinstance(known, bool):
        raise _fail("known ska vara true eller false", raw)
    sources = None
    if "source" in raw:
        sources = frozenset(_str_list(raw["source"], "source"))
        if not sources or sources - TOKEN_SOURCES:
            raise _fail(f"source ska vara bland {', '.join(sorted(TOKEN_SOURCES))}", raw)
    return TokenSpec(
        words=_words(raw["word"], "word", cased, lists, raw) if "word" in raw else None,
        regex=regex,
        lemmas=_words(raw["lemma"], "lemma", False, lists, raw) if "lemma" in raw else None,
        tags=_tag_expr(raw["tags"], "tags") if "tags" in raw else None,
        not_tags=_tag_expr(raw["not_tags"], "not_tags") if "not_tags" in raw else (),
        no_reading=_tag_expr(raw["no_reading"], "no_reading") if "no_reading" in raw else (),
        not_words=_words(raw.get("not_word", []), "not_word", cased, lists, raw),
        not_lemmas=_words(raw.get("not_lemma", []), "not_lemma", False, lists, raw),
        reading=reading, negate=_bool(raw, "negate", False), min=0 if optional else 1,
        max=repeat, skip=skip, mark=_bool(raw, "mark", False), case_sensitive=cased,
        sentence_start=_bool(raw, "sentence_start", False), known=known, sources=sources,
        alternatives=alternatives)


def _index(value: Any, size: int, what: str, raw: Any) -> int:
    if not isinstance(value, int) or not 0 <= value < size:
        raise _fail(f"{what} ska vara ett elementnummer 0–{size - 1} i pattern", raw)
    return value


def _features(value: Any, raw: Any) -> tuple[str, ...]:
    try:
        return tuple(check_feature(f) for f in _str_list(value, "features"))
    except ValueError as exc:
        raise _fail(str(exc), raw) from None


def _constraint(raw: Any, size: int, differ: bool) -> Constraint:
    if not isinstance(raw, dict) or set(raw) - CONSTRAINT_KEYS - {"__line__"}:
        raise _fail("agree/disagree ska vara {tokens: [a, b], features: [...]}", raw)
    pair = raw.get("tokens")
    if not isinstance(pair, list) or len(pair) != 2:
        raise _fail("tokens ska vara två elementnummer", raw)
    first, second = (_index(p, size, "tokens", raw) for p in pair)
    features = _features(raw.get("features", []), raw)
    if not features:
        raise _fail("features saknas", raw)
    return Constraint(first, second, features, differ)


def _suggestion(raw: Any, pattern: tuple[TokenSpec, ...]) -> Suggestion:
    if not isinstance(raw, dict) or set(raw) - SUGGEST_KEYS - {"__line__"}:
        raise _fail(f"ett förslag har nycklarna {', '.join(sorted(SUGGEST_KEYS))}", raw)
    size = len(pattern)
    if "respell" in raw:
        if set(raw) - {"respell", "tags", "not_tags", "__line__"} or "tags" not in raw:
            raise _fail("respell står med tags (och not_tags) och inget annat, t.ex. "
                        "{respell: 1, tags: adj}", raw)
        element = _index(raw["respell"], size, "respell", raw)
        marked = [i for i, s in enumerate(pattern) if s.mark] or list(range(size))
        if not min(marked) <= element <= max(marked):
            raise _fail("respell ska peka på ett element inom det markerade", raw)
        not_tags = _tag_expr(raw["not_tags"], "not_tags") if "not_tags" in raw else ()
        return Suggestion(respell=element, respell_tags=_tag_expr(raw["tags"], "tags"),
                          respell_not=not_tags)
    if "tags" in raw or "not_tags" in raw:
        raise _fail("tags och not_tags hör till respell", raw)
    if ("text" in raw) == ("inflect" in raw):
        raise _fail("ett förslag ska ha antingen inflect, text eller respell", raw)
    if "alone" in raw and ("text" in raw or not isinstance(raw["alone"], bool)):
        raise _fail("alone är true eller false och står med inflect", raw)
    alone = bool(raw.get("alone", False))
    if "text" in raw:
        text = str(raw["text"])
        for n in re.findall(r"\{(\d+)(?:\.(?:verb|particle|lemma))?\}", text):
            _index(int(n), size, "{N} i text", raw)
        if re.search(r"\{\d+\.(?!(?:verb|particle|lemma)\})", text):
            raise _fail("i text står {N}, {N.verb}, {N.particle} eller {N.lemma}", raw)
        return Suggestion(text=text)
    element = _index(raw["inflect"], size, "inflect", raw)
    marked = [i for i, s in enumerate(pattern) if s.mark] or list(range(size))
    if not min(marked) <= element <= max(marked):
        raise _fail("inflect ska peka på ett element inom det markerade", raw)
    if "lemma" in raw:
        # with like + features: the other lemma in the form another element decides
        # ("hans eget" -> "sitt": sin in egen's gender and number)
        if "as" in raw:
            raise _fail("lemma står utan as (like + features och to får stå med)", raw)
        lemma = str(raw["lemma"]).strip()
        if not lemma:
            raise _fail("lemma ska vara ett ord, t.ex. 'begå'", raw)
        like = _index(raw["like"], size, "like", raw) if "like" in raw else None
        features = _features(raw.get("features", []), raw)
        if (like is None) != (not features):
            raise _fail("like och features anges tillsammans", raw)
        return Suggestion(inflect=element, like=like, features=features,
                          to=tuple(str(raw.get("to", "")).split()), lemma=lemma,
                          alone=alone)
    if "as" in raw:
        if set(raw) & {"like", "features", "to"}:
            raise _fail("as anger hela taggsättet och står utan like, features och to", raw)
        as_tags = tuple(str(raw["as"]).split())
        if not as_tags:
            raise _fail("as ska vara taggar, t.ex. 'vblex supn actv'", raw)
        return Suggestion(inflect=element, as_tags=as_tags, alone=alone)
    like = _index(raw["like"], size, "like", raw) if "like" in raw else None
    features = _features(raw.get("features", []), raw)
    if (like is None) != (not features):
        raise _fail("like och features anges tillsammans", raw)
    to = tuple(str(raw.get("to", "")).split())
    if like is None and not to:
        raise _fail("inflect behöver like + features eller to", raw)
    return Suggestion(inflect=element, like=like, features=features, to=to, alone=alone)


SOURCES = frozenset({"apertium", "compound"})
#: a token's `source` as the morphology sets it (proofer/morph/model.py)
TOKEN_SOURCES = SOURCES | {"unknown"}


def _word_check(raw: Any) -> WordCheck:
    if not isinstance(raw, dict) or set(raw) - {"tags", "source", "__line__"} or "tags" not in raw:
        raise _fail("suggestion_is ska vara {tags: ..., source: [apertium, compound]}", raw)
    sources = frozenset(_str_list(raw.get("source", ["apertium"]), "source"))
    if sources - SOURCES:
        raise _fail(f"source ska vara bland {', '.join(sorted(SOURCES))}", raw)
    return WordCheck(_tag_expr(raw["tags"], "tags"), sources)


def _example(raw: Any, has_suggestions: bool) -> Example:
    if not isinstance(raw, dict):
        raise RuleLoadError("ett exempel ska vara {wrong: ..., correction: ...}")
    if set(raw) - EXAMPLE_KEYS - {"__line__"} or "wrong" not in raw or "correction" not in raw:
        raise _fail("exemplet ska ha exakt nycklarna wrong och correction", raw)
    correction = raw["correction"]
    if correction is not None:
        correction = str(correction)
    if correction is None and has_suggestions:
        raise _fail("exemplet saknar correction fast regeln har förslag", raw)
    try:
        return Example.parse(str(raw["wrong"]), correction)
    except ValueError as exc:
        raise _fail(str(exc), raw) from None
