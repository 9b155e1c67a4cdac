"""Lead-intake (INT) and communication (COM) rules as pure functions over plain data.

No Django, no clock: callers pass `now` and the rule set in force. Every decision carries the rule
ID and a Dutch sentence so the UI and the API can explain it.
"""

from koers.intake.rules.clock import (
    CallPlan,
    Lateness,
    Window,
    acknowledgement_refusals,
    acknowledgement_text,
    call_plan,
    deadline,
    lateness,
    names_moment,
)
from koers.intake.rules.communication import CommunicationFinding, communication_check
from koers.intake.rules.routing import CoachFacts, RoutingDecision, postal_distance, route
from koers.intake.rules.ruleset import RULESETS, Ruleset, ruleset_for
from koers.intake.rules.states import LEAD_TRANSITIONS, can_transition
from koers.lib.rules import Reason

__all__ = [
    "LEAD_TRANSITIONS",
    "RULESETS",
    "CallPlan",
    "CoachFacts",
    "CommunicationFinding",
    "Lateness",
    "Reason",
    "RoutingDecision",
    "Ruleset",
    "Window",
    "acknowledgement_refusals",
    "acknowledgement_text",
    "call_plan",
    "can_transition",
    "communication_check",
    "deadline",
    "lateness",
    "names_moment",
    "postal_distance",
    "route",
    "ruleset_for",
]
