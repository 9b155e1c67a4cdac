"""The deadlines of "klanten opvolgen" as the dashboard computed them before issue 14 kept them
as rows: four filtered reads of the open services, one UNION, in the database. Kept here as the
oracle the kept rows (`ServiceDeadline`) must equal, in the same order, for every service."""

from datetime import date, datetime, time, timedelta

from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

from koers.mediation import models as m
from koers.mediation.rules import ladder
from koers.mediation.rules.ruleset import Ruleset
from koers.trajectories.models import Programme
from koers.trajectories.rulesets import ruleset_by_version

KIND_ORDER = ("first_appointment", "replan", "first_sheet", "advice")  # a service's own order
_COLUMNS = ("due", "pk", "order", "number", "appointment_kind")


def _days_after(day, days: dict[str, int]):
    """`day` plus the number of days the service's own rule set gives (by its version)."""
    offset = Case(
        *(When(ruleset_version=v, then=Value(timedelta(days=n))) for v, n in days.items()),
        default=Value(timedelta(0)),
    )
    return Cast(day + offset, output_field=DateField())


def _appointments(**where) -> QuerySet:
    return m.FirstAppointment.objects.filter(service=OuterRef("pk"), **where)


def deadline_rows(
    open_services: QuerySet[m.MediationService], until: date | None = None
) -> QuerySet:
    """Value rows (due, service pk, kind order, appointment number and kind), one per deadline,
    ordered by due day then service: a UNION of four filtered reads of the open services.
    `until`: only the deadlines due by that day (each read filters before the union)."""
    services = open_services.order_by()
    versions = set(services.values_list("ruleset_version", flat=True).distinct())
    rulesets: dict[str, Ruleset] = {v: ruleset_by_version(Programme.MEDIATION, v) for v in versions}
    tz = timezone.get_current_timezone()
    pending = _appointments(outcome="").order_by("number")
    absent = _appointments(outcome=m.AppointmentOutcome.ABSENT).order_by("-number")
    blank, no_kind = Value(None, output_field=IntegerField()), Value("")

    def kind(name: str, queryset: QuerySet, due, number=blank, appointment_kind=no_kind):
        rows = queryset.annotate(
            due=due,
            order=Value(KIND_ORDER.index(name)),
            number=number,
            appointment_kind=appointment_kind,
        )
        return rows.values_list(*_COLUMNS)

    def by_until(day: str, days: dict[str, int] | None = None, moment: bool = False) -> Q:
        """`until` on the stored column, not on the computed `due`: SQLite then adds days and
        converts time zones (functions in Python) for the rows shown only, not for every open
        service. Per rule set when the deadline counts its days from `day`."""
        if until is None:
            return Q()

        def bound(last: date) -> Q:
            if moment:  # before the local midnight that ends `last`
                end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz)
                return Q(**{f"{day}__lt": end})
            return Q(**{f"{day}__lte": last})

        if days is None:
            return bound(until)
        condition = Q(pk__in=[])
        for version, n in days.items():
            condition |= Q(ruleset_version=version) & bound(until - timedelta(days=n))
        return condition

    replan_days = {v: r.replan_target_days for v, r in rulesets.items()}
    sheet_days = {v: r.first_sheet_days for v, r in rulesets.items()}
    first = (
        services.annotate(pending_at=Subquery(pending.values("contact__starts_at")[:1]))
        .filter(pending_at__isnull=False)
        .filter(by_until("pending_at", moment=True))
    )
    replan = (
        services.filter(
            ~Exists(_appointments(outcome="")),
            Exists(_appointments(outcome=m.AppointmentOutcome.ABSENT)),
            ~Q(ladder_state__in=[s.value for s in ladder.TERMINAL]),
        )
        .annotate(absent_at=Subquery(absent.values("contact__starts_at")[:1]))
        .filter(by_until("absent_at", replan_days, moment=True))
    )
    sheet = (
        services.filter(present_on__isnull=False)
        .exclude(Exists(m.AgreementSheet.objects.filter(service=OuterRef("pk"), number=1)))
        .filter(by_until("present_on", sheet_days))
    )
    advice = services.filter(
        by_until("advice_deadline"), state=m.ServiceState.TO_CLOSE, advice_deadline__isnull=False
    )
    parts = [
        kind(
            "first_appointment",
            first,
            Cast(TruncDate("pending_at", tzinfo=tz), output_field=DateField()),
            Subquery(pending.values("number")[:1]),
            Subquery(pending.values("kind")[:1]),
        ),
        kind(
            "replan",
            replan,
            _days_after(TruncDate("absent_at", tzinfo=tz), replan_days),
        ),
        kind(
            "first_sheet",
            sheet,
            _days_after(F("present_on"), sheet_days),
        ),
        kind("advice", advice, Cast(F("advice_deadline"), output_field=DateField())),
    ]
    return parts[0].union(*parts[1:], all=True).order_by("due", "pk", "order")
