"""Intensive-mediation (MED) rules as pure functions over plain data.

No Django, no clock: callers pass the facts, `today` and the rule set in force. Every decision
carries the rule ID and a Dutch sentence so the UI and the API can explain it.
"""

from koers.lib.rules import Reason
from koers.mediation.rules.ruleset import RULESETS, Ruleset, Tender, ruleset_for

__all__ = ["RULESETS", "Reason", "Ruleset", "Tender", "ruleset_for"]
