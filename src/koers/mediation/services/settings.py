"""MED-12: the partner's own values for what the seed does not give (maximum duration, passive
CATWZ codes), per organisation and tender. They count only once the partner's administrator
confirmed them; until then they show as "niet bevestigd" and no automatic closing rests on them."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import Organisation, OrganisationKind, Role, User
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules.ruleset import Ruleset, ruleset_by_version, ruleset_for
from koers.mediation.services.common import save_with_user
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


@transaction.atomic
def tender_setting_confirm(
    *,
    organisation: Organisation,
    tender: str,
    maximum_months: int,
    passive_codes: list[str],
    acting_user: User,
    now: datetime,
) -> m.TenderSetting:
    """The partner's administrator confirms (or changes and confirms) the values of one tender."""
    if not can_confirm_settings(acting_user, organisation):
        raise PermissionDenied(_("Alleen de beheerder van de partnerorganisatie bevestigt dit."))
    if tender not in CONFIGURABLE_TENDERS:
        raise ValidationError(
            {
                "tender": [
                    _("Voor deze tender volgen de waarden uit de handleiding (MED-13). (MED-12)")
                ]
            }
        )
    codes = sorted({c.strip() for c in passive_codes if c.strip()})
    ruleset = ruleset_for(timezone.localdate(now))
    errors = closing_rules.tender_setting_refusals(
        maximum_months=maximum_months,
        passive_codes=codes,
        minimum_months=ruleset.tender(tender).minimum_months,
    )
    if errors:
        raise ValidationError({field: [f"{r.message} ({r.rule})"] for field, r in errors.items()})
    setting = (
        m.TenderSetting.objects.select_for_update()
        .filter(organisation=organisation, tender=tender)
        .first()
    ) or m.TenderSetting(organisation=organisation, tender=tender)
    setting.maximum_months = maximum_months
    setting.passive_codes = codes
    setting.confirmed_by = acting_user
    setting.confirmed_at = now
    save_with_user(setting, acting_user)
    return setting
