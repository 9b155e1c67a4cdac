"""INT-06: the one door for a lead's state."""

from datetime import datetime

from django.utils.translation import gettext as _

from koers.core.models import User
from koers.core.states import set_state
from koers.intake import rules
from koers.intake.models import Lead, LeadState
from koers.lib.refusals import refusal as refuse


def lead_state_move(
    lead: Lead,
    target: str,
    *,
    acting_user: User | None = None,
    refusal: rules.Reason | None = None,
    why: str = "",
    at: datetime | None = None,
) -> None:
    """The single door for a lead's state: the move must be in the lead state table
    (`rules.states.LEAD_TRANSITIONS`), or it is refused (with `refusal` when the caller knows a
    better reason). The state is written and saved at once, and the move recorded (from, to,
    when, who, why) for the lead's page; staying in a state the table allows is no move. The
    caller saves its other changes in the same transaction. No other code assigns `Lead.state`."""
    if not rules.can_transition(lead.state, target):
        raise refuse(
            "__all__",
            refusal
            or rules.Reason(
                "INT-06",
                _("Een aanvraag met status “%(current)s” kan niet naar “%(target)s”.")
                % {"current": lead.get_state_display(), "target": LeadState(target).label},
            ),
        )
    set_state(
        lead,
        "state",
        target,
        table=rules.LEAD_TRANSITIONS,
        rule="INT-06",
        acting_user=acting_user,
        why=why,
        at=at,
    )
