"""How many of LanguageTool's own Swedish rule examples Proofer finds, LanguageTool off.

Issue 10 measures the grammar engine against LanguageTool's examples: every
``<example correction="…">`` in its Swedish ``grammar.xml`` is an error with the
correction LanguageTool offers. The file is LanguageTool's (LGPL), so it is not
shipped here: pass the path of a copy from LanguageTool's repository
(``languagetool-language-modules/sv/src/main/resources/org/languagetool/rules/sv/grammar.xml``).

    .venv/bin/python benchmarks/lt_examples.py PATH/TO/grammar.xml [--by-rule]

An example is *found* when a finding (not a hint) overlaps its marked span, and
*corrected* when applying that finding's first suggestion gives the sentence with the
marked span replaced by LanguageTool's correction (any of its "|" alternatives), so a
finding narrower or wider than LanguageTool's marker still counts when the result is
the same text. Examples without a correction are the right forms: a finding overlapping
their marker counts as a false alarm. Only totals are printed (``--by-rule`` adds one
line per rule id), never the sentences: the examples are a yardstick, not a list to
fit rules to.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proofer.checkers.registry import build_engine  # noqa: E402
from proofer.finding import Finding, Severity  # noqa: E402
from proofer.settings import Settings  # noqa: E402


@dataclass(frozen=True)
class Example:
    rule: str
    text: str
    start: int  # the marker's span in text
    end: int
    corrections: tuple[str, ...]  # empty: a right example


def _rule_id(rule: ET.Element, group: ET.Element | None) -> str:
    return rule.get("id") or (group.get("id") if group is not None else None) or "?"


def _example(rule_id: str, element: ET.Element) -> Example:
    """The example's text with the marker's offsets (the XML keeps it as a child)."""
    text = element.text or ""
    start = end = -1
    for child in element:
        if child.tag == "marker":
            start = len(text)
            text += "".join(child.itertext())
            end = len(text)
        text += child.tail or ""
    # LanguageTool trims the example; keep offsets right while doing the same.
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if start < 0:
        start, end = 0, len(text)
    else:
        start, end = start - lead, end - lead
    raw = element.get("correction")
    corrections = tuple(raw.split("|")) if raw else ()
    return Example(rule_id, text, start, end, corrections)


def read_examples(path: Path) -> tuple[list[Example], list[Example]]:
    """(wrong examples with a correction, right examples) of the rules switched on."""
    root = ET.parse(path).getroot()
    wrong: list[Example] = []
    right: list[Example] = []
    for group in [None, *root.iter("rulegroup")]:
        rules = root.iter("rule") if group is None else group.iter("rule")
        for rule in rules:
            if group is None and rule in _grouped(root):
                continue
            off = rule.get("default") == "off" or (
                group is not None and group.get("default") == "off")
            if off:
                continue
            rule_id = _rule_id(rule, group)
            for element in rule.iter("example"):
                example = _example(rule_id, element)
                if element.get("correction") is not None:
                    wrong.append(example)
                else:
                    right.append(example)
    return wrong, right


def _grouped(root: ET.Element) -> set[ET.Element]:
    return {rule for group in root.iter("rulegroup") for rule in group.iter("rule")}


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    return finding.start < end and start < finding.end


def score(examples: list[Example], findings: list[list[Finding]]) -> tuple[int, int]:
    found = corrected = 0
    for example, these in zip(examples, findings, strict=True):
        hits = [f for f in these if _overlaps(f, example.start, example.end)]
        if not hits:
            continue
        found += 1
        wanted = {example.text[:example.start] + c + example.text[example.end:]
                  for c in example.corrections}
        if any(f.suggestions and
               example.text[:f.start] + f.suggestions[0] + example.text[f.end:] in wanted
               for f in hits):
            corrected += 1
    return found, corrected


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("grammar_xml", type=Path)
    ap.add_argument("--by-rule", action="store_true", help="one line per rule id")
    args = ap.parse_args()
    wrong, right = read_examples(args.grammar_xml)
    engine = build_engine(Settings(languagetool_mode="off"))
    try:
        def errors(text: str) -> list[Finding]:
            engine.new_document()
            return [f for f in engine.check(text).findings if f.severity != Severity.INFO]

        wrong_findings = [errors(e.text) for e in wrong]
        right_findings = [errors(e.text) for e in right]
    finally:
        engine.close()
    found, corrected = score(wrong, wrong_findings)
    alarms = sum(any(_overlaps(f, e.start, e.end) for f in fs)
                 for e, fs in zip(right, right_findings, strict=True))
    n = len(wrong) or 1
    print(f"{len(wrong)} wrong examples: found {found} ({found / n:.2f}), "
          f"LanguageTool's correction first {corrected} ({corrected / n:.2f})")
    print(f"{len(right)} right examples: {alarms} with a finding on the marked words")
    if args.by_rule:
        for example, fs in zip(wrong, wrong_findings, strict=True):
            f, c = score([example], [fs])
            print(f"  {example.rule:28} {'found' if f else 'missed':6} "
                  f"{'corrected' if c else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
