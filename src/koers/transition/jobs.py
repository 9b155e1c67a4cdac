"""Scheduled transition work, run by the sweep (TRN-17): the responsible job coach hears of each
follow-up checkpoint once it comes within the reminder days. Each reminder is recorded
(`FollowupReminder`, unique per placement and checkpoint), so a second run sends nothing."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.languages import in_language_of
from koers.core.sweep import sweep_job
from koers.lib.links import absolute
from koers.outbox.services import mail_queue
from koers.transition import models as m
from koers.transition.selectors import followup as sel


def _mail(coach, placement: m.Placement, row: sel.CheckpointRow) -> None:
    with in_language_of(coach):
        subject = _("Opvolging doorstroom: %(worker)s") % {"worker": placement.file.client}
        body = _(
            "De opvolging %(label)s van %(worker)s (doorstroom naar %(employer)s op %(first)s) "
            "valt op %(due)s. Registreer of de werknemer nog aan het werk is: %(link)s"
        ) % {
            "label": row.label,
            "worker": placement.file.client,
            "employer": placement.employer_name,
            "first": f"{placement.first_day:%d/%m/%Y}",
            "due": f"{row.due:%d/%m/%Y}",
            "link": absolute("transition_file", placement.file_id),
        }
    mail_queue(
        kind="transition.followup",
        organisation=placement.file.trajectory.organisation,
        to=[coach.email],
        subject=subject,
        body=body,
    )


@sweep_job
def transition_followup_reminders(now: datetime) -> int:
    """TRN-17: one mail per checkpoint to the job coach responsible for the trajectory."""
    sent = 0
    for placement, row in sel.reminders_to_send(timezone.localdate(now)):
        coach = placement.file.trajectory.responsible
        try:
            with transaction.atomic():
                m.FollowupReminder.objects.create(
                    placement=placement, checkpoint=row.checkpoint, recipient=coach, sent_at=now
                )
                if coach is not None and coach.email:
                    _mail(coach, placement, row)  # queued with its record: both or neither
        except IntegrityError:
            continue  # the sweep on another worker got there first
        sent += 1
    return sent
