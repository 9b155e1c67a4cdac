"""The billing rule set (BIL-01..06): the seed's numbers, the placeholders a person must confirm."""

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from koers.billing.rules import ruleset as ruleset_module
from koers.billing.rules.ruleset import (
    PARAMETER_LABELS,
    RULESETS,
    TO_CONFIRM,
    BillingRuleset,
    parameter_problems,
    ruleset_for,
)
from koers.lib.rules import parameters_of

RULES = ruleset_for(date(2026, 3, 1))


def test_bil_04_allowed_rates_are_the_seeds_90_and_110_euro():
    assert RULES.allowed_hourly_rates == (Decimal("90.00"), Decimal("110.00"))


def test_bil_03_settlement_runs_around_the_fifth():
    assert RULES.settlement_day == 5


def test_bil_04_vat_is_21_percent_standard_or_the_small_business_exemption():
    assert (RULES.vat_standard_category, RULES.vat_standard_percent) == ("S", Decimal("21"))
    assert (RULES.vat_exempt_category, RULES.vat_exempt_percent) == ("E", Decimal("0"))
    assert RULES.vat_exemption_reason == "Bijzondere vrijstellingsregeling kleine ondernemingen"


def test_bil_02_the_vdab_deadline_is_a_parameter_marked_to_confirm():
    assert "vdab_deadline_days_before_month_end" in TO_CONFIRM
    assert "TO CONFIRM BY A PERSON" in ruleset_module.__doc__


def test_bil_02_one_version_from_2026_and_nothing_before():
    assert [(r.version, r.valid_from, r.valid_until) for r in RULESETS] == [
        ("2026-seeds", date(2026, 1, 1), None)
    ]
    assert ruleset_for(date(2030, 6, 1)) is RULESETS[0]
    with pytest.raises(LookupError):
        ruleset_for(date(2025, 12, 31))


def test_bil_02_every_parameter_has_a_label_and_the_shipped_version_is_coherent():
    names = {p.name for p in parameters_of(BillingRuleset)}
    assert names == set(PARAMETER_LABELS)
    assert names >= TO_CONFIRM
    assert parameter_problems(RULES) == {}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"allowed_hourly_rates": ()}, "allowed_hourly_rates"),
        ({"allowed_hourly_rates": (Decimal("90.005"),)}, "allowed_hourly_rates"),
        ({"vdab_deadline_days_before_month_end": 28}, "vdab_deadline_days_before_month_end"),
        ({"settlement_day": 31}, "settlement_day"),
        (
            {"development_plan_due_month": 2, "development_plan_due_day": 30},
            "development_plan_due_day",
        ),
        ({"vat_exempt_percent": Decimal("6")}, "vat_exempt_percent"),
    ],
)
def test_bil_04_incoherent_numbers_are_refused(change, field):
    assert field in parameter_problems(dataclasses.replace(RULES, **change))
