"""Reads for the centre's intake pages: who is staff where, coach unavailability (INT-05),
marketing figures (INT-07), the house style and e-mail wording (INT-04, COM-01), feedback
questions (INT-07) and the communication check (COM-01, COM-02)."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from koers.core.models import Organisation, OrganisationKind, Role, User
from koers.intake import rules
from koers.intake.messages import DEFAULT_TEMPLATES, PLACEHOLDERS, centre_address, template_text
from koers.intake.models import (
    CentreBranding,
    CoachUnavailability,
    CommunicationCheck,
    FeedbackField,
    Lead,
    LeadChannel,
    LeadState,
    TemplateKind,
)
from koers.intake.rules.communication import LOGO_REMINDER
from koers.intake.selectors.leads import centre_coaches, ruleset


def staff_organisations(user: User) -> list[Organisation]:
    """The centres whose intake the user manages (an administrator: every active centre)."""
    if user.is_administrator:
        return list(
            Organisation.objects.filter(is_active=True, kind=OrganisationKind.CAREER_CENTRE)
        )
    return list(Organisation.objects.filter(pk__in=user.organisation_ids(Role.CENTRE_STAFF)))


def coach_organisations(user: User) -> list[Organisation]:
    return list(
        Organisation.objects.filter(pk__in=user.organisation_ids(Role.COACH, Role.CENTRE_STAFF))
    )


def unavailability_for(*, user: User) -> QuerySet[CoachUnavailability]:
    """A coach sees their own periods; centre staff those of their centre's coaches."""
    staff_orgs = user.organisation_ids(Role.CENTRE_STAFF)
    items = CoachUnavailability.objects.select_related("coach", "organisation")
    if user.is_administrator:
        return items
    return items.filter(Q(coach=user) | Q(organisation_id__in=staff_orgs))


@dataclass(frozen=True)
class UnavailabilityScope:
    """INT-05: for whom the user records absences, and in which centres."""

    organisations: list[Organisation]  # where the user is coach or centre staff
    coaches: list[User] | None  # centre staff choose a coach; a coach records their own


def unavailability_scope(user: User) -> UnavailabilityScope:
    staff_orgs = staff_organisations(user)
    coaches = (
        list(
            User.objects.filter(
                memberships__organisation__in=staff_orgs, memberships__role=Role.COACH
            ).distinct()
        )
        if staff_orgs
        else None
    )
    return UnavailabilityScope(coach_organisations(user), coaches)


def coach_centre(coach: User, organisations: list[Organisation]) -> Organisation | None:
    """The first of `organisations` where `coach` is a coach."""
    return next(
        (
            o
            for o in organisations
            if coach.memberships.filter(organisation=o, role=Role.COACH).exists()
        ),
        None,
    )


def upcoming_unavailability(user: User, now: datetime) -> QuerySet[CoachUnavailability]:
    return unavailability_for(user=user).filter(ends_at__gte=now - timedelta(days=30))


# ---- house style and e-mail wording (INT-04, COM-01) --------------------------------------------


@dataclass(frozen=True)
class BrandingPage:
    current: CentreBranding
    initial: dict
    templates: list[tuple[str, str, str, str]]  # (kind, label, subject, body)
    has_address: bool
    placeholders: tuple[str, ...]
    defaults: dict[str, tuple[str, str]]  # Koers' default wording per kind


def branding_page(organisation: Organisation) -> BrandingPage:
    current = CentreBranding.objects.filter(organisation=organisation).first() or CentreBranding(
        organisation=organisation
    )
    return BrandingPage(
        current=current,
        initial={
            "sender_name": current.sender_name or organisation.working_name or organisation.name,
            "sender_email": current.sender_email or organisation.email,
            "address": current.address,
            "signature": current.signature,
        },
        templates=[
            (kind, label, *template_text(organisation, kind))
            for kind, label in TemplateKind.choices
        ],
        has_address=bool(centre_address(organisation, current)),
        placeholders=PLACEHOLDERS,
        defaults=DEFAULT_TEMPLATES,
    )


def centre_feedback_fields(organisation: Organisation) -> QuerySet[FeedbackField]:
    """Every question of the centre's feedback form, also the inactive ones (INT-07)."""
    return FeedbackField.objects.filter(organisation=organisation)


# ---- communication check (COM-01, COM-02) -------------------------------------------------------


@dataclass(frozen=True)
class CommunicationScope:
    organisation: Organisation  # the centre whose working name a text must carry
    staff_organisations: list[Organisation]
    coaches: list[User]  # whose communication centre staff may record a check of

    @property
    def can_record(self) -> bool:
        return bool(self.staff_organisations)


def communication_scope(user: User) -> CommunicationScope | None:
    """None for someone without a role in a centre."""
    member_orgs = list(Organisation.objects.filter(pk__in=user.organisation_ids()))
    if not member_orgs and not user.is_administrator:
        return None
    staff_orgs = staff_organisations(user)
    org = staff_orgs[0] if staff_orgs else member_orgs[0]
    coaches = list(centre_coaches(org)) if staff_orgs else []
    return CommunicationScope(org, staff_orgs, coaches)


def communication_result(organisation: Organisation, text: str, now: datetime) -> dict:
    """COM-01: does the text mention vouchers only close to the centre's working name?"""
    name = organisation.working_name or organisation.name
    ok, findings = rules.communication_check(text, name, ruleset(now))
    return {"ok": ok, "findings": findings, "name": name, "logo": LOGO_REMINDER}


def communication_checks(organisations: list[Organisation]) -> list[CommunicationCheck]:
    """The last 25 recorded checks (COM-02) of the centres the user manages."""
    if not organisations:
        return []
    return list(
        CommunicationCheck.objects.filter(organisation__in=organisations).select_related(
            "subject", "checked_by"
        )[:25]
    )


# ---- marketing (INT-07) -------------------------------------------------------------------------


@dataclass(frozen=True)
class MarketingFigures:
    total: int
    per_channel: list[tuple[str, str, int]]  # (key, label, count)
    per_month: list[tuple[str, int]]  # ("2026-03", count)
    median_hours_to_contact: float | None
    contacted_within_24h: float | None  # share of contacted leads
    to_first_session: float | None
    to_voucher: float | None


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def marketing_figures(
    *,
    organisations: list[Organisation],
    since: datetime | None = None,
    until: datetime | None = None,
) -> MarketingFigures:
    """Leads per channel and month, time to first contact, share within 24 hours, conversion to a
    first session (a match) and to a voucher (the client's trajectory is a voucher). One query."""
    leads = Lead.objects.filter(organisation__in=organisations)
    if since:
        leads = leads.filter(arrived_at__gte=since)
    if until:
        leads = leads.filter(arrived_at__lt=until)
    rows = list(
        leads.values_list(
            "channel", "arrived_at", "contacted_at", "state", "trajectory__voucher__id"
        )
    )
    channels = Counter(r[0] for r in rows)
    months: dict[str, int] = defaultdict(int)
    for r in rows:
        months[f"{timezone.localtime(r[1]):%Y-%m}"] += 1
    waits = sorted((r[2] - r[1]).total_seconds() / 3600 for r in rows if r[2])
    median = None
    if waits:
        mid = len(waits) // 2
        median = round(waits[mid] if len(waits) % 2 else (waits[mid - 1] + waits[mid]) / 2, 1)
    params_hours = 24
    within = sum(1 for r in rows if r[2] and r[2] - r[1] <= timedelta(hours=params_hours))
    matched = sum(1 for r in rows if r[3] in (LeadState.MATCHED, LeadState.CLIENT))
    vouchers = sum(1 for r in rows if r[4])
    labels = dict(LeadChannel.choices)
    return MarketingFigures(
        total=len(rows),
        per_channel=[(k, str(labels.get(k, k)), n) for k, n in channels.most_common()],
        per_month=sorted(months.items()),
        median_hours_to_contact=median,
        contacted_within_24h=_share(within, len(rows)),
        to_first_session=_share(matched, len(rows)),
        to_voucher=_share(vouchers, len(rows)),
    )


def bar_chart(items: list[tuple[str, int]], *, width: int = 560, bar: int = 22) -> dict:
    """Geometry for a server-rendered horizontal SVG bar chart (no JavaScript)."""
    top = max((n for _label, n in items), default=0) or 1
    label_w = 180
    rows = [
        {
            "label": label,
            "value": n,
            "y": i * (bar + 8),
            "w": round((width - label_w - 40) * n / top),
            "ty": i * (bar + 8) + round(bar * 0.7),  # ints: "15,4" would be an SVG list
        }
        for i, (label, n) in enumerate(items)
    ]
    return {
        "rows": rows,
        "width": width,
        "height": max(len(rows) * (bar + 8), bar),
        "bar": bar,
        "label_w": label_w,
    }
