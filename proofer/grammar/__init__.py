"""The grammar engine: rules as data over the morphology's tagged tokens.

loader reads resources/grammar/rules/*.yaml, matcher finds a rule's pattern,
features knows what the tags say about agreement, inflect builds corrections
through the generator, ruleset runs them all on a paragraph.
"""

from proofer.grammar.loader import load_grammar_files, load_grammar_rules
from proofer.grammar.model import GrammarRule
from proofer.grammar.ruleset import GrammarRuleSet

__all__ = ["GrammarRule", "GrammarRuleSet", "load_grammar_files", "load_grammar_rules"]
