"""The grammar rules a start-up reads from the cache are the rules in the files:
equal to a fresh load, and loaded again when a file changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from proofer import table_cache
from proofer.grammar.loader import RULES_DIR, load_grammar_files


def test_cached_grammar_rules_equal_a_fresh_load() -> None:
    fresh, fresh_errors = load_grammar_files(cached=False)
    stored, _ = load_grammar_files()  # a fresh config dir: built and stored
    assert list(table_cache.cache_dir().glob("grammar-rules-*.pickle"))
    read, read_errors = load_grammar_files()  # read back
    assert read == stored == fresh and read_errors == fresh_errors
    assert read is not stored  # really read back, not the same objects


def test_a_changed_grammar_rule_file_is_read_again(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    before, _ = load_grammar_files(rules)
    target = sorted(rules.glob("*.yaml"))[0]
    first = next(r for r in before if r.file == target.name)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace(first.message, first.message + " (ändrad)", 1),
                      encoding="utf-8")
    after, _ = load_grammar_files(rules)
    assert next(r for r in after if r.id == first.id).message == first.message + " (ändrad)"


def test_a_removed_rule_file_is_noticed(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    before, _ = load_grammar_files(rules)
    gone = sorted(rules.glob("*.yaml"))[-1]
    gone.unlink()
    after, _ = load_grammar_files(rules)
    assert after == [r for r in before if r.file != gone.name] and len(after) < len(before)


def test_the_indexed_rule_set_from_the_cache_is_the_files(tmp_path: Path) -> None:
    """load_rule_set keeps the rules indexed: read back, its rules, their plans and
    its index equal a fresh build, and a changed file is read again."""
    from proofer.grammar import GrammarRuleSet
    from proofer.grammar.loader import load_rule_set

    fresh = GrammarRuleSet(load_grammar_files(cached=False)[0])
    stored, _ = load_rule_set()
    read, _ = load_rule_set()
    assert read is not stored
    for got in (stored, read):
        assert got.rules == fresh.rules
        assert got._plans == fresh._plans and got._needs == fresh._needs
        assert got._keys == fresh._keys
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    first, _ = load_rule_set(rules)
    target = sorted(rules.glob("*.yaml"))[0]
    rule = next(r for r in first.rules if r.file == target.name)
    target.write_text(target.read_text(encoding="utf-8").replace(
        rule.message, rule.message + " (ändrad)", 1), encoding="utf-8")
    again, _ = load_rule_set(rules)
    assert next(r for r in again.rules if r.id == rule.id).message == rule.message + " (ändrad)"
