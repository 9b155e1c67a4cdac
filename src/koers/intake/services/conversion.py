"""INT-08: a matched lead becomes a client; with a voucher, its programme takes over the lead
(the career question, and the introduction as a contact that never counts)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from koers.core.history import save_with_user
from koers.core.models import User
from koers.core.services import ClientData, client_create
from koers.intake.models import Introduction, Lead, LeadState
from koers.intake.services.common import lock_lead, must_be_coach
from koers.intake.services.states import lead_state_move
from koers.trajectories.conversions import LeadTakeover, programme_take_over
from koers.trajectories.models import ContactOutcome, Programme
from koers.trajectories.services import ContactData, programme_open


@transaction.atomic
def lead_convert(*, lead: Lead, acting_user: User, open_voucher: bool, now: datetime) -> Lead:
    """A matched lead becomes a client; with a voucher, the introduction is logged on it as a
    contact marked by the vouchers app's `IntroductionContact`, so it never counts (INT-08)."""
    lead = lock_lead(lead)
    must_be_coach(lead, acting_user)
    lead_state_move(lead, LeadState.CLIENT, acting_user=acting_user, at=now)
    client = client_create(
        organisation=lead.organisation,
        data=ClientData(
            first_name=lead.first_name,
            last_name=lead.last_name,
            email=lead.email,
            phone=lead.phone,
            postal_code=lead.postal_code,
            consent_processing=lead.consent,
        ),
        acting_user=acting_user,
    )
    lead.client = client
    intro = Introduction.objects.filter(lead=lead).first()
    if open_voucher:
        start = timezone.localdate(now)
        if intro:
            start = min(start, timezone.localdate(intro.starts_at))
        trajectory = programme_open(
            client=client,
            programme=Programme.VOUCHER,
            responsible=lead.coach or acting_user,
            organisation=lead.organisation,
            start_date=start,
            acting_user=acting_user,
        )
        introduction = None
        if intro:
            introduction = ContactData(
                starts_at=intro.starts_at,
                duration_minutes=intro.duration_minutes,
                form=intro.form,
                place=intro.place,
                outcome=ContactOutcome.HELD if intro.starts_at <= now else ContactOutcome.PLANNED,
            )
        contact = programme_take_over(
            trajectory,
            LeadTakeover(career_question=lead.career_question, introduction=introduction),
            acting_user=acting_user,
        )
        if intro and contact is not None:
            intro.contact = contact
            intro.save(update_fields=["contact"])
        lead.trajectory = trajectory
    save_with_user(lead, acting_user)
    return lead
