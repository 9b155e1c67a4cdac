"""MED-12: the partner's own values for what the seed does not give (maximum duration, passive
CATWZ codes), per organisation and tender, as they judge a service; and who confirms them."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q

from koers.core.models import Organisation, OrganisationKind, Role, User
from koers.mediation import models as m
from koers.mediation.rules.ruleset import Ruleset, ruleset_by_version, ruleset_for
from koers.trajectories.models import Programme

# WIJ3 closes on its 18 months and the project end, both in the seed, never on passive (MED-13).
CONFIGURABLE_TENDERS = (
    m.Tender.TIBB4,
    m.Tender.TIBB4_OTHER_LANGUAGES,
    m.Tender.SCRABA,
    m.Tender.SAB3,
)


@dataclass(frozen=True)
class EffectiveSetting:
    tender: str
    tender_label: str
    maximum_months: int
    passive_codes: tuple[str, ...]
    confirmed: bool
    configurable: bool
    confirmed_by: User | None = None
    confirmed_at: datetime | None = None


def _effective(tender: str, row: m.TenderSetting | None, ruleset: Ruleset) -> EffectiveSetting:
    label = str(m.Tender(tender).label)
    default_codes = tuple(sorted(ruleset.passive_codes))
    if tender not in CONFIGURABLE_TENDERS:
        params = ruleset.tender(tender)
        return EffectiveSetting(tender, label, params.maximum_months, default_codes, True, False)
    if row is None:
        return EffectiveSetting(
            tender, label, ruleset.tender(tender).maximum_months, default_codes, False, True
        )
    return EffectiveSetting(
        tender,
        label,
        row.maximum_months,
        tuple(row.passive_codes),
        row.confirmed,
        True,
        row.confirmed_by,
        row.confirmed_at,
    )


def service_setting(service: m.MediationService) -> EffectiveSetting | None:
    """The values that judge this service: its partner's setting for its tender."""
    if not service.tender:
        return None
    row = (
        m.TenderSetting.objects.filter(
            organisation_id=service.trajectory.organisation_id, tender=service.tender
        )
        .select_related("confirmed_by")
        .first()
    )
    return _effective(service.tender, row, ruleset_by_version(service.ruleset_version))


def tender_settings(*, organisation: Organisation, today: date) -> list[EffectiveSetting]:
    """All tenders of one partner, defaults prefilled from the rule set in force today."""
    ruleset = ruleset_for(today)
    rows = {
        r.tender: r
        for r in m.TenderSetting.objects.filter(organisation=organisation).select_related(
            "confirmed_by"
        )
    }
    return [_effective(t.value, rows.get(t.value), ruleset) for t in m.Tender]


def can_confirm_settings(user: User, organisation: Organisation) -> bool:
    """Only the administrator of the partner organisation confirms its settings."""
    return user.is_superuser or organisation.pk in user.organisation_ids(Role.ADMINISTRATOR)


def settings_organisations(user: User):
    """The partner organisations whose settings the user confirms: mediation partners, or any
    organisation that runs mediation trajectories."""
    qs = (
        Organisation.objects.filter(is_active=True)
        .filter(
            Q(kind=OrganisationKind.MEDIATION_PARTNER)
            | Q(trajectories__programme=Programme.MEDIATION)
        )
        .distinct()
        .order_by("name")
    )
    if not user.is_superuser:
        qs = qs.filter(pk__in=user.organisation_ids(Role.ADMINISTRATOR))
    return qs


def parse_codes(text: str) -> list[str]:
    """ "50, 51 52" -> ["50", "51", "52"] (sorted, without duplicates)."""
    return sorted(
        {c.strip() for c in text.replace(";", ",").replace(" ", ",").split(",") if c.strip()}
    )
