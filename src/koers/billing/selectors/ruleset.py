"""The billing rule set in force (RULESET; BIL-01..06): the built-in version of the code or the
one an administrator published on Centrum ▾ Regelsets, through the trajectory core's registry.
Every billing read and write asks `billing_ruleset(day)`, never `rules.ruleset.RULESETS`."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from koers.billing.rules.ruleset import BillingRuleset
from koers.core.models import User
from koers.trajectories.rulesets import (
    NoRulesetInForce,
    programme_ruleset,
    ruleset_in_force,
    where_to_fix,
)

BILLING = "billing"  # the key the billing app registers its rule set under (apps.py)


def billing_ruleset(day: date) -> BillingRuleset:
    """The version that judges `day` (NoRulesetInForce, with who fixes it, when none does)."""
    return ruleset_in_force(BILLING, day)


@dataclass(frozen=True)
class RulesetNotice:
    """Staff see that the numbers in force are Koers' placeholders; an administrator may confirm."""

    message: str
    can_confirm: bool


def ruleset_notice(*, user: User, today: date) -> RulesetNotice | None:
    """For centre staff and administrators, while the version in force still carries Koers'
    placeholders (`TO_CONFIRM`): the notice asking an administrator to confirm them. Gone once an
    administrator published a version, even one with the same numbers."""
    if not user.is_authenticated or not (user.is_administrator or user.is_centre_staff):
        return None
    try:
        ruleset = billing_ruleset(today)
    except NoRulesetInForce as missing:
        return RulesetNotice(missing.message, user.is_administrator)
    if not programme_ruleset(BILLING).unconfirmed(ruleset):
        return None
    message = _(
        "De facturatieregels gebruiken nog voorlopige waarden van Koers (VDAB-deadline "
        "%(days)d dagen vóór het einde van de maand, de waarschuwing daarvoor, de herinneringen "
        "voor zendingen en audits, de datum van het ontwikkelingsplan): laat een beheerder ze "
        "bevestigen in %(where)s."
    ) % {"days": ruleset.vdab_deadline_days_before_month_end, "where": where_to_fix()}
    return RulesetNotice(message, user.is_administrator)
