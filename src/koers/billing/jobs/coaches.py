"""Scheduled coach administration (BIL-05, BIL-06), run by the sweep: remind coaches of their
development plan before it is due (and once when it is late), and centre staff of location
changes not yet passed on to VDAB. Every reminder is recorded (`CoachReminder`, unique per
recipient and key), so a second run sends nothing. The mails come from the centre and link to the
page where the work is done (`staff_mail`)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.billing.jobs.staff_mail import coach_centres, staff_mail
from koers.billing.models import CoachReminder, DevelopmentPlan, LocationChange
from koers.billing.rules import coaches as rules
from koers.billing.selectors.ruleset import billing_ruleset
from koers.core.languages import in_language_of
from koers.core.models import Membership, Organisation, Role, User
from koers.core.sweep import sweep_job
from koers.lib.links import absolute


def _record(recipient: User, key: str, now: datetime) -> bool:
    """True once per recipient and key: the unique row is the proof it was sent."""
    _row, created = CoachReminder.objects.get_or_create(
        recipient=recipient, key=key, defaults={"sent_at": now}
    )
    return created


def _mail_plan(coach: User, status: rules.PlanStatus, centre: Organisation | None) -> None:
    with in_language_of(coach):
        subject = (
            _("Je ontwikkelingsplan %(year)d is te laat")
            if status.late
            else _("Herinnering: je ontwikkelingsplan %(year)d")
        ) % {"year": status.year}
        body = "\n\n".join(
            [
                "\n".join(r.message for r in status.reasons),
                _("Je plan en wat het centrum al ontving: %(link)s")
                % {"link": absolute("billing_my_details")},
            ]
        )
    staff_mail(
        kind="billing.development_plan",
        organisation=centre,
        to=[coach.email],
        subject=subject,
        body=body,
    )


def _mail_changes(staff: User, count: int, organisation: Organisation) -> None:
    with in_language_of(staff):
        subject = _("Locatiewijzigingen van coaches om door te geven aan VDAB")
        body = _(
            "%(n)d nieuwe locatiewijziging(en) van coaches wacht(en) om doorgegeven te worden "
            "aan VDAB. Geef ze door en duid ze aan als doorgegeven: %(link)s"
        ) % {"n": count, "link": absolute("billing_coaches")}
    staff_mail(
        kind="billing.location_changes",
        organisation=organisation,
        to=[staff.email],
        subject=subject,
        body=body,
    )


@sweep_job
def development_plan_reminders(now: datetime) -> int:
    """BIL-06: one reminder per coach and year when it is due soon, one more when it is late."""
    today = timezone.localdate(now)
    ruleset = billing_ruleset(today)
    coaches = (
        User.objects.filter(
            is_active=True, memberships__role=Role.COACH, memberships__is_active=True
        )
        .exclude(email="")
        .distinct()
    )
    plans: dict[int, list[rules.DevelopmentPlan]] = {}
    for p in DevelopmentPlan.objects.filter(coach__in=coaches):
        plans.setdefault(p.coach_id, []).append(rules.DevelopmentPlan(p.year, p.received_on))
    centres = coach_centres(c.pk for c in coaches)
    sent = 0
    for coach in coaches:
        status = rules.plan_status(today.year, plans.get(coach.pk, []), today, ruleset)
        if status.received or not (status.reminder_due or status.late):
            continue
        key = f"plan-{'late' if status.late else 'due'}:{status.year}"
        with transaction.atomic():
            if _record(coach, key, now):
                _mail_plan(
                    coach, status, centres.get(coach.pk)
                )  # queued with its record: both or neither
                sent += 1
    return sent


@sweep_job
def location_change_reminders(now: datetime) -> int:
    """BIL-05: each centre staff member hears once of each change still to pass on to VDAB."""
    open_changes = list(
        LocationChange.objects.filter(passed_on_at__isnull=True).values_list(
            "pk", "coach_location__centre_id"
        )
    )
    by_centre: dict[int, list[int]] = {}
    for pk, centre_id in open_changes:
        by_centre.setdefault(centre_id, []).append(pk)
    staff = (
        Membership.objects.filter(
            organisation_id__in=by_centre,
            role=Role.CENTRE_STAFF,
            is_active=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user", "organisation")
    )
    sent = 0
    for membership in staff:
        with transaction.atomic():
            new = [
                pk
                for pk in by_centre[membership.organisation_id]
                if _record(membership.user, f"change:{pk}", now)
            ]
            if new:
                count = len(new)
                _mail_changes(membership.user, count, membership.organisation)
                sent += 1
    return sent
