"""Career-voucher (LBC) rules as pure functions over plain data.

No Django, no clock: callers pass the facts, `today` and the rule set in force. Every decision
carries the rule ID and a Dutch sentence so the UI and the API can explain it.
"""

from koers.lib.rules import Reason
from koers.vouchers.rules.hours import (
    COUNTABLE_FORMS,
    ContactFacts,
    Decision,
    Tally,
    check_duration,
    judge_contact,
)
from koers.vouchers.rules.ruleset import RULESETS, Ruleset, ruleset_for

__all__ = [
    "COUNTABLE_FORMS",
    "RULESETS",
    "ContactFacts",
    "Decision",
    "Reason",
    "Ruleset",
    "Tally",
    "check_duration",
    "judge_contact",
    "ruleset_for",
]
