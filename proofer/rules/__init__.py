"""Rules as data: YAML files in resources/rules/ compiled into regex matchers.

A rule carries its own evidence (wrong examples with the error marked and the
expected correction, correct look-alikes that must not fire), so adding a rule
needs no code and a rule without working examples cannot pass the tests.
"""

from proofer.rules.loader import RULES_DIR, load_rule_files, load_rules
from proofer.rules.matcher import RuleSet
from proofer.rules.model import Convention, Example, Rule, RuleLoadError

__all__ = ["RULES_DIR", "Convention", "Example", "Rule", "RuleLoadError", "RuleSet",
           "load_rule_files", "load_rules"]
