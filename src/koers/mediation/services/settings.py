"""MED-12: the partner's administrator confirms its own values for what the seed does not give
(maximum duration, passive CATWZ codes), per tender. They count only once confirmed; until then they
show as "niet bevestigd" and no automatic closing rests on them (see `selectors.settings`)."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules.ruleset import ruleset_for
from koers.mediation.selectors.settings import CONFIGURABLE_TENDERS, can_confirm_settings


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
        raise ValidationError({field: [str(r)] for field, r in errors.items()})
    # Two administrators confirming the same tender at once: the second waits and overwrites,
    # instead of both inserting (the unique constraint would refuse one with a 500).
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
