"""Reads for the centre's intake pages: who is staff where, coach unavailability (INT-05), the
house style and e-mail wording (INT-04, COM-01), feedback questions (INT-07) and the
communication check (COM-01, COM-02). The marketing figures (INT-07) are in `marketing.py`."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet

from koers.core.models import Organisation, OrganisationKind, Role, User
from koers.intake import rules
from koers.intake.messages import DEFAULT_TEMPLATES, PLACEHOLDERS, centre_address, template_text
from koers.intake.models import (
    CentreBranding,
    CoachUnavailability,
    CommunicationCheck,
    FeedbackField,
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
