"""BIL-01 reminders from the sweep: a coach who delivered nothing this quarter while complete
dossiers wait hears once per quarter before it ends (`rules.delivery.quarter_reminder`); in an
audit, each coach with completed dossiers still out hears once before the deadline which ones
must be in (`rules.delivery.audit_status`). Each reminder is recorded (`CoachReminder`, unique
per recipient and key) in the transaction that schedules the mail, so a second run, a late run
or two workers at once send nothing more. The mail goes to the coach alone, from the centre (the
audit's, else the coach's), in plain words with a link to the page; the logs carry ids and counts,
never names.

The reads are a fixed number of queries whatever the number of coaches and dossiers."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.billing.jobs.staff_mail import coach_centres, staff_mail
from koers.billing.models import Audit, CoachReminder, DeliveryBatch
from koers.billing.rules import delivery as rules
from koers.billing.rules.periods import day_label, quarter_of
from koers.billing.selectors.delivery import as_facts, delivered_on
from koers.billing.selectors.ruleset import billing_ruleset
from koers.core.languages import in_language_of
from koers.core.models import Organisation, Role, User
from koers.core.sweep import sweep_job
from koers.lib.links import absolute
from koers.lib.rules import Reason
from koers.trajectories.dossiers import dossier_facts

logger = logging.getLogger(__name__)


def _dossier_lines(dossiers: Iterable[rules.DossierFacts]) -> str:
    return "\n".join(
        _("- %(client)s, cheque %(voucher)s") % {"client": d.client_name, "voucher": d.voucher}
        for d in dossiers
    )


@dataclass(frozen=True)
class Reminder:
    key: str  # "delivery-quarter:2026-1", "delivery-audit:7": once per coach and key
    why: Reason
    dossiers: list[rules.DossierFacts]
    deadline: date | None = None  # an audit's


def _subject(reminder: Reminder) -> str:
    if reminder.deadline is None:
        return _("Herinnering: bezorg je afgeronde dossiers dit kwartaal")
    return _("Audit: bezorg je afgeronde dossiers ten laatste op %(day)s") % {
        "day": day_label(reminder.deadline)
    }


def _mail(coach: User, reminder: Reminder, centre: Organisation | None) -> None:
    with in_language_of(coach):
        subject = _subject(reminder)
        body = "\n\n".join(
            [
                reminder.why.message,  # the sentence, without its rule code
                _dossier_lines(reminder.dossiers),
                _("Maak een zending en druk het voorblad af: %(link)s")
                % {"link": absolute("billing_delivery")},
            ]
        )
    # Queued in the outbox with the reminder's record: the outbox retries while the mail
    # server is down, so the record never claims a mail that was lost.
    staff_mail(
        kind="billing.delivery_reminder",
        organisation=centre,
        to=[coach.email],
        subject=subject,
        body=body,
    )


def _remind(coach: User, reminder: Reminder, now: datetime, centre: Organisation | None) -> bool:
    """Record the reminder and queue its mail together; False when it was sent before."""
    with transaction.atomic():
        _row, created = CoachReminder.objects.get_or_create(
            recipient=coach, key=reminder.key, defaults={"sent_at": now}
        )
        if created:
            _mail(coach, reminder, centre)
    return created


def _newest_audits() -> dict[int, Audit]:
    """Each centre's newest audit (the one that counts, as on the dossiers page)."""
    newest: dict[int, Audit] = {}
    for audit in Audit.objects.select_related("organisation").order_by(
        "organisation_id", "-created_at", "-id"
    ):
        newest.setdefault(audit.organisation_id, audit)
    return newest


def _coaches() -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, memberships__role=Role.COACH, memberships__is_active=True
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _last_deliveries(coach_ids: list[int]) -> dict[int, date]:
    rows = (
        DeliveryBatch.objects.filter(coach_id__in=coach_ids)
        .values("coach_id")
        .annotate(last=Max("created_at"))
    )
    return {r["coach_id"]: timezone.localdate(r["last"]) for r in rows}


@sweep_job
def delivery_reminders(now: datetime) -> int:
    """BIL-01: the quarter reminder and the audit reminder, each once per coach."""
    today = timezone.localdate(now)
    ruleset = billing_ruleset(today)
    coaches = _coaches()
    states = dossier_facts(coach_ids=[c.pk for c in coaches])
    facts = as_facts(states, delivered_on([s.trajectory_id for s in states]))
    centre_of = {s.trajectory_id: s.organisation_id for s in states}
    last = _last_deliveries([c.pk for c in coaches])
    audits = _newest_audits()
    centres = coach_centres(c.pk for c in coaches)
    year, quarter = quarter_of(today)
    sent = 0
    for coach in coaches:
        mine = [f for f in facts if f.coach == str(coach.pk)]
        why = rules.quarter_reminder(mine, last.get(coach.pk), today, ruleset)
        if why is not None:
            key = f"delivery-quarter:{year}-{quarter}"
            reminder = Reminder(key, why, rules.to_deliver(mine))
            sent += _remind(coach, reminder, now, centres.get(coach.pk))
        for centre_id, audit in audits.items():
            of_centre = [f for f in mine if centre_of.get(f.key) == centre_id]
            status = rules.audit_status(str(coach.pk), of_centre, audit.deadline, today, ruleset)
            if status.late or not status.reasons:
                continue  # nothing due, not yet in the reminder window, or past the deadline
            reminder = Reminder(
                f"delivery-audit:{audit.pk}", status.reasons[0], list(status.due), audit.deadline
            )
            sent += _remind(coach, reminder, now, audit.organisation)
    return sent
