"""Rule sets as data, the pure part (koers.lib.rules): which version is in force, which
publication fits, and how parameters are checked, stored and read back."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koers.billing.rules import ruleset as billing_ruleset
from koers.intake.rules import ruleset as intake_ruleset
from koers.lib import rules
from koers.mediation.rules import ruleset as mediation_ruleset
from koers.vouchers.rules import ruleset as voucher_ruleset

REFORM = voucher_ruleset.RULESETS[1]  # 2025-01-01 – 2026-12-31
LBC = voucher_ruleset.Ruleset


def _version(name, start, end=None, base=REFORM):
    return replace(base, version=name, valid_from=start, valid_until=end)


def test_ruleset_later_version_supersedes_an_open_ended_one_from_its_first_day():
    old = _version("old", date(2019, 1, 1))
    new = _version("new", date(2027, 1, 1))
    assert rules.in_force(date(2026, 12, 31), [old, new], "x") is old
    assert rules.in_force(date(2027, 1, 1), [old, new], "x") is new
    assert rules.effective_period(old, [old, new]) == (date(2019, 1, 1), date(2026, 12, 31))


def test_ruleset_same_start_published_later_replaces_the_earlier_one():
    first = _version("first", date(2027, 1, 1))
    correction = _version("correction", date(2027, 1, 1))
    assert rules.in_force(date(2027, 5, 1), [first, correction], "x") is correction
    assert rules.effective_period(first, [first, correction]) is None


def test_ruleset_lbc_01_no_version_after_the_last_one_ends():
    with pytest.raises(LookupError):
        rules.in_force(date(2027, 3, 15), voucher_ruleset.RULESETS, "voucher")


def test_ruleset_publication_must_end_before_a_later_version_starts():
    later = _version("later", date(2028, 1, 1))
    problems = rules.publication_problems(date(2027, 1, 1), None, [REFORM, later])
    assert "ten laatste op 31/12/2027" in problems["valid_until"]
    assert rules.publication_problems(date(2027, 1, 1), date(2027, 12, 31), [REFORM, later]) == {}


def test_ruleset_publication_inside_a_version_runs_at_least_as_long():
    problems = rules.publication_problems(date(2026, 7, 1), date(2026, 9, 30), [REFORM])
    assert "minstens tot 31/12/2026" in problems["valid_until"]
    assert rules.publication_problems(date(2026, 7, 1), None, [REFORM]) == {}
    open_ended = _version("open", date(2019, 1, 1))
    assert (
        "onbepaald"
        in rules.publication_problems(date(2027, 1, 1), date(2027, 6, 1), [open_ended])[
            "valid_until"
        ]
    )


def test_ruleset_publication_until_before_from_is_refused():
    assert (
        "vóór" in rules.publication_problems(date(2027, 2, 1), date(2027, 1, 1), [])["valid_until"]
    )


starts = st.dates(min_value=date(2019, 1, 1), max_value=date(2032, 12, 31))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(starts, st.one_of(st.none(), st.integers(0, 2000))), max_size=8),
    st.lists(starts, min_size=1, max_size=15),
)
def test_ruleset_accepted_publications_leave_exactly_one_version_per_day(candidates, days):
    """Whatever is published, as long as `publication_problems` accepts it: every day is judged
    by the version whose effective period holds it, and by no other."""
    known = [_version("seed", date(2019, 1, 1), date(2024, 12, 31))]
    for i, (start, length) in enumerate(candidates):
        end = None if length is None else start + timedelta(days=length)
        if not rules.publication_problems(start, end, known):
            known.append(_version(f"v{i}", start, end))
    for day in days:
        holders = []
        for r in known:
            period = rules.effective_period(r, known)
            if period and period[0] <= day and (period[1] is None or day <= period[1]):
                holders.append(r)
        try:
            current = rules.in_force(day, known, "x")
        except LookupError:
            assert holders == []
        else:
            assert holders == [current]


@pytest.mark.parametrize(
    ("module", "cls"),
    [
        (voucher_ruleset, voucher_ruleset.Ruleset),
        (mediation_ruleset, mediation_ruleset.Ruleset),
        (intake_ruleset, intake_ruleset.Ruleset),
        (billing_ruleset, billing_ruleset.BillingRuleset),
    ],
    ids=["lbc", "med", "int", "bil"],
)
def test_ruleset_every_built_in_version_survives_storage_as_json(module, cls):
    for builtin in module.RULESETS:
        stored = rules.parameter_values(builtin)
        back = rules.ruleset_from_values(
            cls,
            version=builtin.version,
            valid_from=builtin.valid_from,
            valid_until=builtin.valid_until,
            values=stored,
        )
        assert back == builtin


@settings(max_examples=60, deadline=None)
@given(
    per_client=st.integers(1, 2),
    minutes=st.integers(1, 20).map(lambda n: n * 30),
    caps=st.tuples(st.integers(0, 300), st.integers(0, 300)),
)
def test_ruleset_lbc_01_lbc_04_derived_version_reads_back_the_same(per_client, minutes, caps):
    derived, errors = rules.derive(
        REFORM,
        version="2027-x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        changes={
            "vouchers_per_client": per_client,
            "voucher_minutes": minutes,
            "group_max_minutes": {"1": caps[0], "2": caps[1]},
        },
    )
    assert errors == {}
    assert derived.group_max_minutes == {1: caps[0], 2: caps[1]}
    back = rules.ruleset_from_values(
        LBC,
        version="2027-x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        values=rules.parameter_values(derived),
    )
    assert back == derived


def test_ruleset_derive_refuses_unknown_parameters_and_wrong_types_all_at_once():
    derived, errors = rules.derive(
        REFORM,
        version="2027-x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        changes={
            "vouchers_per_person": 1,
            "voucher_minutes": "240",
            "block_minutes": True,
            "aftercare_minutes": -30,
            "group_max_minutes": {"een": 90},
        },
    )
    assert derived is None
    assert errors == {
        "vouchers_per_person": "Deze regelset kent deze parameter niet.",
        "voucher_minutes": "Geef een geheel getal.",
        "block_minutes": "Geef een geheel getal.",
        "aftercare_minutes": "Geef 0 of meer.",
        "group_max_minutes": "‘een’ is geen nummer.",
    }


def test_ruleset_med_12_locked_parameters_are_not_changed_here():
    base = mediation_ruleset.RULESETS[0]
    locked = {"tenders", "passive_month_ends", "passive_codes"}
    _derived, errors = rules.derive(
        base,
        version="x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        changes={"passive_month_ends": 4},
        locked=locked,
    )
    assert errors == {"passive_month_ends": "Deze parameter wordt hier niet gewijzigd."}
    derived, errors = rules.derive(
        base,
        version="x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        changes={"letter_max_pages": 10},
        locked=locked,
    )
    assert errors == {} and derived.tenders == base.tenders and derived.letter_max_pages == 10
    assert {
        p.name for p in rules.parameters_of(mediation_ruleset.Ruleset, locked) if not p.editable
    } == locked


def test_ruleset_lbc_01_lbc_04_numbers_must_hang_together():
    ok = voucher_ruleset.parameter_problems(REFORM)
    assert ok == {}
    bad = replace(
        REFORM,
        vouchers_per_client=3,
        contact_min_minutes=45,
        contact_max_minutes=30,
        group_max_minutes={1: 90},
    )
    problems = voucher_ruleset.parameter_problems(bad)
    assert "LBC-01" in problems["vouchers_per_client"]
    assert "veelvoud" in problems["contact_min_minutes"]
    assert "korter" in problems["contact_max_minutes"]
    assert problems["group_max_minutes"] == "Geef een maximum voor cheque 2. (LBC-04)"
    too_much = replace(REFORM, group_max_minutes={1: 300, 2: 60})
    assert "LBC-04" in voucher_ruleset.parameter_problems(too_much)["group_max_minutes"]


def test_ruleset_lbc_04_group_caps_read_and_written_as_text():
    param = next(p for p in rules.parameters_of(LBC) if p.name == "group_max_minutes")
    assert rules.parameter_text(param, REFORM.group_max_minutes) == "1: 90, 2: 60"
    assert rules.parameter_from_text(param, "1: 60; 2 = 30") == {"1": 60, "2": 30}
    with pytest.raises(rules.ParameterError, match="nummer: waarde"):
        rules.parameter_from_text(param, "1 90")


# ---- how long the versions keep covering new trajectories (the warning before the cliff) ------


def _v(version, start, end):
    from koers.lib.rules import VersionedRuleset

    return VersionedRuleset(version=version, valid_from=start, valid_until=end)


def test_ruleset_covered_until_follows_consecutive_versions_to_their_end():
    from koers.lib.rules import covered_until

    versions = [
        _v("a", date(2019, 1, 1), date(2024, 12, 31)),
        _v("b", date(2025, 1, 1), date(2026, 12, 31)),
    ]
    assert covered_until(date(2020, 5, 1), versions) == date(2026, 12, 31)
    assert covered_until(date(2027, 1, 1), versions) == date(2026, 12, 31)  # already ended
    assert covered_until(date(2027, 3, 15), versions) == date(2026, 12, 31)
    assert covered_until(date(2026, 12, 31), versions) == date(2026, 12, 31)


def test_ruleset_covered_until_is_open_ended_with_an_open_version_and_stops_at_a_gap():
    from koers.lib.rules import covered_until

    open_ended = [_v("a", date(2025, 1, 1), date(2026, 12, 31)), _v("b", date(2027, 1, 1), None)]
    assert covered_until(date(2026, 6, 1), open_ended) is None
    gap = [_v("a", date(2025, 1, 1), date(2026, 12, 31)), _v("b", date(2027, 2, 1), None)]
    assert covered_until(date(2026, 6, 1), gap) == date(2026, 12, 31)


# ---- decimals: the billing rates and VAT percentages (BIL-04) --------------------------------

BIL = billing_ruleset.BillingRuleset
BIL_SEEDS = billing_ruleset.RULESETS[0]


def _param(name, cls=BIL):
    return next(p for p in rules.parameters_of(cls) if p.name == name)


def test_ruleset_bil_04_decimal_kinds_are_editable():
    assert _param("allowed_hourly_rates").kind == "decimal_list"
    assert _param("vat_standard_percent").kind == "decimal"
    assert _param("allowed_hourly_rates").editable and _param("vat_standard_percent").editable


def test_ruleset_bil_04_decimals_are_stored_as_exact_strings():
    stored = rules.parameter_values(BIL_SEEDS)
    assert stored["allowed_hourly_rates"] == ["90.00", "110.00"]
    assert stored["vat_standard_percent"] == "21"
    assert rules.to_json(Decimal("1E+2")) == "100"  # never an exponent


def test_ruleset_bil_04_decimals_read_and_written_with_a_decimal_comma():
    rates, percent = _param("allowed_hourly_rates"), _param("vat_standard_percent")
    assert rules.parameter_text(rates, BIL_SEEDS.allowed_hourly_rates) == "90,00; 110,00"
    assert rules.parameter_text(percent, Decimal("21")) == "21"
    assert rules.parameter_from_text(rates, "90,00; 110,5 ;€ 95") == ["90.00", "110.5", "95"]
    assert rules.parameter_from_text(percent, " 6,0 ") == "6.0"
    with pytest.raises(rules.ParameterError, match="geen getal"):
        rules.parameter_from_text(rates, "90,00, 110,00")
    with pytest.raises(rules.ParameterError, match="minstens één getal"):
        rules.parameter_from_text(rates, " ; ")
    with pytest.raises(rules.ParameterError, match="geen getal"):
        rules.parameter_from_text(percent, "twintig")


def test_ruleset_bil_04_derive_refuses_wrong_decimals_in_dutch():
    derived, errors = rules.derive(
        BIL_SEEDS,
        version="2027-x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        changes={
            "allowed_hourly_rates": ["90.00", "abc"],
            "vat_standard_percent": 21.0,
            "vat_exempt_percent": "-1",
            "deadline_warning_days": 4,
        },
    )
    assert derived is None
    assert errors == {
        "allowed_hourly_rates": "‘abc’ is geen getal.",
        "vat_standard_percent": "Geef een getal als tekst, bv. ‘90.00’.",
        "vat_exempt_percent": "Geef 0 of meer.",
    }
    _derived, errors = rules.derive(
        BIL_SEEDS,
        version="2027-x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        changes={"allowed_hourly_rates": [], "vat_standard_percent": "NaN"},
    )
    assert errors == {
        "allowed_hourly_rates": "Geef een lijst met minstens één getal.",
        "vat_standard_percent": "‘NaN’ is geen getal.",
    }


@settings(max_examples=80, deadline=None)
@given(
    rates=st.lists(
        st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False), min_size=1
    ),
    percent=st.decimals(min_value=0, max_value=100, places=1, allow_nan=False),
)
def test_ruleset_bil_04_derived_decimals_read_back_the_same(rates, percent):
    param = _param("allowed_hourly_rates")
    as_text = rules.parameter_text(param, tuple(rates))
    derived, errors = rules.derive(
        BIL_SEEDS,
        version="2027-x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        changes={
            "allowed_hourly_rates": rules.parameter_from_text(param, as_text),
            "vat_standard_percent": rules.to_json(percent),
        },
    )
    assert errors == {}
    assert derived.allowed_hourly_rates == tuple(rates)
    back = rules.ruleset_from_values(
        BIL,
        version="2027-x",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        values=rules.parameter_values(derived),
    )
    assert back == derived
