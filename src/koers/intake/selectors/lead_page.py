"""A lead's page assembled in one read: its clock, who may act, what the forms start with and
its history (INT-02..08)."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from koers.core.models import User
from koers.core.states import StateMove
from koers.intake.models import Introduction, Lead, Routing
from koers.intake.selectors.leads import (
    Clock,
    centre_coaches,
    feedback_required,
    is_centre_staff,
    lead_clock,
    lead_state_moves,
    proposed_acknowledgement,
    ruleset,
)


@dataclass(frozen=True)
class LeadPage:
    lead: Lead
    clock: Clock
    coaches: list[User]  # the centre's coaches
    is_coach: bool  # the user is the lead's coach
    is_staff: bool  # the user is staff of the lead's centre (or an administrator)
    call_at: datetime  # local, naive: the acknowledgement form's proposed call
    called_at: datetime  # local, naive, to the minute: the call form's moment
    acknowledgement_text: str  # INT-03: proposed, editable
    introduction_minutes: int  # INT-08: the rule set's length of the introduction
    feedback_required: bool  # INT-07
    introduction: Introduction | None
    routing: Routing | None  # the last routing decision with its reasons
    state_moves: list[StateMove]

    @property
    def can_act(self) -> bool:
        return self.is_coach or self.is_staff

    @property
    def other_coaches(self) -> list[User]:
        """To hand the lead over to (INT-06)."""
        return [c for c in self.coaches if c.pk != self.lead.coach_id]


def _naive(moment: datetime) -> datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def lead_page(user: User, lead: Lead, now: datetime) -> LeadPage:
    routings = lead.routings.all()
    return LeadPage(
        lead=lead,
        clock=lead_clock(lead, now),
        coaches=list(centre_coaches(lead.organisation)),
        is_coach=lead.coach_id == user.pk,
        is_staff=is_centre_staff(user, lead.organisation_id),
        call_at=_naive(lead.call_at or now),
        called_at=_naive(now).replace(second=0, microsecond=0),
        acknowledgement_text=proposed_acknowledgement(lead),
        introduction_minutes=ruleset(now).introduction_minutes,
        feedback_required=feedback_required(lead),
        introduction=getattr(lead, "introduction", None),
        routing=routings[0] if routings else None,
        state_moves=lead_state_moves(lead),
    )
