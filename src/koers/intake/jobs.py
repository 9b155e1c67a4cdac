"""Scheduled intake work, run by the sweep: flag leads nearing or past their 24 hours (INT-02)."""

import logging
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.languages import in_language_of
from koers.core.sweep import sweep_job
from koers.intake.models import Lead
from koers.intake.rules import states
from koers.intake.selectors import lead_clock
from koers.lib.links import absolute
from koers.outbox.services import mail_queue
from koers.trajectories.centre_mail import centre_sender

logger = logging.getLogger(__name__)


def _notify(lead: Lead, late: bool) -> None:
    if not (lead.coach and lead.coach.email):
        return
    with in_language_of(lead.coach):  # the coach's language
        subject = (
            _("Aanvraag over tijd: nog niet gecontacteerd binnen 24 uur")
            if late
            else _("Aanvraag: de 24 uur lopen bijna af")
        )
        body = _(
            "%(name)s wacht op je telefoontje, of op de bevestiging per e-mail met het moment "
            "waarop je belt.\n\nOpen de aanvraag: %(link)s"
        ) % {"name": lead.full_name, "link": absolute("intake_lead_detail", lead.pk)}
    mail_queue(
        kind="intake.deadline",
        organisation=lead.organisation,
        sender=centre_sender(lead.organisation),
        to=[lead.coach.email],
        subject=subject,
        body=body,
    )


@sweep_job
def lead_deadline_flags(now: datetime) -> int:
    """Record "nearing" and "late" once per clock and mail the coach once for each. Each lead is
    locked and its flag written in the same transaction, so a second run sends nothing."""
    done = 0
    candidates = Lead.objects.filter(
        state__in=states.OPEN_STATES, clock_met_at__isnull=True, late_flagged_at__isnull=True
    ).values_list("pk", flat=True)
    for pk in candidates:
        with transaction.atomic():
            # Two sweeps at once (or a sweep and a coach's call) would both see the flag unset
            # and mail twice: the lock makes the second wait and see the flag.
            lead = (
                Lead.objects.select_for_update(of=("self",))
                .select_related("coach")
                .prefetch_related("windows")
                .get(pk=pk)
            )
            clock = lead_clock(lead, now)
            if clock.is_late and lead.late_flagged_at is None:
                lead.late_flagged_at = now
            elif clock.is_nearing and lead.nearing_flagged_at is None:
                lead.nearing_flagged_at = now
            else:
                continue
            lead.coach_notified_at = now if lead.coach_id else None
            lead.save(update_fields=["late_flagged_at", "nearing_flagged_at", "coach_notified_at"])
            transaction.on_commit(lambda lead=lead, late=clock.is_late: _notify(lead, late))
            done += 1
    return done
