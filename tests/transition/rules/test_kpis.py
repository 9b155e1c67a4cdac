"""rules/kpis.py: the 16 KPIs counted from events (TRN-13)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.actions import EmployerContactKind
from koers.transition.rules.followup import (
    Checkpoint,
    Destination,
    FollowupRecord,
    FollowupStatus,
    TransitionFacts,
)
from koers.transition.rules.kpis import (
    CONTACT_KPI,
    KPI_LABELS,
    KPI_NUMBER,
    KPIS,
    EventKind,
    Kpi,
    KpiCounts,
    KpiEvent,
    Period,
    compare,
    count,
    event_problems,
    kpi_of,
    monthly_series,
    months_between,
    period_refusal,
    rows,
    series_of,
    shown_value,
    transition_events,
)

YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
SEED_ORDER = [
    "Assessments",
    "Besproken vacatures",
    "Sollicitatieacties",
    "Sollicitatiegesprekken",
    "Trainingen",
    "Doorstromingen",
    "Doorstroom na 2 weken",
    "Doorstroom na 6 maanden",
    "Bedrijfsstages",
    "Persoonlijke Doorstroom Plannen (PDP)",
    "Doorstroom naar Opleiding",
    "Coachinguren",
    "Bedrijfsbezoeken - voorstelling aan doelgroep medewerker",
    "Telefonische prospecties",
    "Bedrijfsbezoeken - voorstel project en prospectie",
    "Bedrijfsvoorstellingen",
]


def ev(kind, day=date(2026, 3, 2), **kw):
    return KpiEvent(EventKind(kind), day, **kw)


# ---- the list ----------------------------------------------------------------------------------------


def test_trn_13_sixteen_kpis_in_the_seeds_order_with_its_labels():
    assert len(KPIS) == 16
    assert [str(KPI_LABELS[k]) for k in KPIS] == SEED_ORDER
    assert [KPI_NUMBER[k] for k in KPIS] == list(range(1, 17))


def test_trn_13_employer_contacts_are_typed_13_to_16():
    assert KPI_NUMBER[CONTACT_KPI[EmployerContactKind.WORKER_COMPANY_VISIT]] == 13
    assert KPI_NUMBER[CONTACT_KPI[EmployerContactKind.PHONE_PROSPECTING]] == 14
    assert KPI_NUMBER[CONTACT_KPI[EmployerContactKind.COACH_PROSPECTING_VISIT]] == 15
    assert KPI_NUMBER[CONTACT_KPI[EmployerContactKind.COMPANY_PRESENTATION]] == 16


@pytest.mark.parametrize("contact", [EmployerContactKind.JOB_DAY, EmployerContactKind.JOB_FAIR])
def test_trn_13_job_days_and_fairs_count_under_no_kpi(contact):
    assert kpi_of(ev("employer_contact", contact=contact)) is None


# ---- what each event counts for --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "kpi"),
    [
        (ev("assessment"), Kpi.ASSESSMENTS),
        (ev("vacancy_discussed"), Kpi.VACANCIES_DISCUSSED),
        (ev("application_action"), Kpi.APPLICATION_ACTIONS),
        (ev("job_interview"), Kpi.JOB_INTERVIEWS),
        (ev("training"), Kpi.TRAININGS),
        (ev("transition"), Kpi.TRANSITIONS),
        (ev("followup", checkpoint=Checkpoint.FIRST), Kpi.IN_PLACE_FIRST),
        (ev("followup", checkpoint=Checkpoint.SECOND), Kpi.IN_PLACE_SECOND),
        (ev("internship", measure="bvs"), Kpi.INTERNSHIPS),
        (ev("internship", measure="tbs"), Kpi.INTERNSHIPS),
        (ev("pdp"), Kpi.PDPS),
        (ev("to_training"), Kpi.TO_TRAINING),
        (ev("coaching", minutes=60), Kpi.COACHING_HOURS),
        (
            ev("employer_contact", contact=EmployerContactKind.PHONE_PROSPECTING),
            Kpi.PHONE_PROSPECTING,
        ),
    ],
)
def test_trn_13_each_event_counts_for_its_kpi(event, kpi):
    assert kpi_of(event) == kpi
    counts = count([event], YEAR)
    assert counts[kpi] == (60 if kpi == Kpi.COACHING_HOURS else 1)
    assert sum(counts.values) == counts[kpi]


@pytest.mark.parametrize(
    "event",
    [
        ev("coaching"),
        ev("coaching", minutes=-5),
        ev("internship"),
        ev("internship", measure="ibo"),
        ev("followup"),
        ev("employer_contact"),
    ],
)
def test_trn_13_uncountable_events_are_named_and_not_counted(event):
    assert event_problems(event)[0].rule == "TRN-13"
    assert kpi_of(event) is None
    assert count([event], YEAR) == KpiCounts()


def test_trn_13_an_ibo_is_a_transition_and_no_internship():
    assert kpi_of(ev("internship", measure="ibo")) is None
    assert kpi_of(ev("transition")) == Kpi.TRANSITIONS


def test_trn_13_a_transition_to_training_is_not_a_transition():
    counts = count([ev("to_training")], YEAR)
    assert counts[Kpi.TO_TRAINING] == 1 and counts[Kpi.TRANSITIONS] == 0


# ---- periods and organisations ---------------------------------------------------------------------


def test_trn_13_period_includes_both_days():
    period = Period(date(2026, 3, 1), date(2026, 3, 31))
    events = [
        ev("pdp", date(2026, 2, 28)),
        ev("pdp", date(2026, 3, 1)),
        ev("pdp", date(2026, 3, 31)),
        ev("pdp", date(2026, 4, 1)),
    ]
    assert count(events, period)[Kpi.PDPS] == 2


def test_trn_13_a_period_ending_before_it_starts_is_refused():
    assert period_refusal(Period(date(2026, 3, 2), date(2026, 3, 1))).rule == "TRN-13"
    assert period_refusal(Period(date(2026, 3, 1), date(2026, 3, 1))) is None


def test_trn_13_counted_per_organisation():
    events = [ev("pdp", organisation="Werkhaven"), ev("pdp", organisation="Sense"), ev("pdp")]
    assert count(events, YEAR, "Werkhaven")[Kpi.PDPS] == 1
    assert count(events, YEAR)[Kpi.PDPS] == 3


# ---- additivity (hypothesis) -----------------------------------------------------------------------

event_kinds = st.sampled_from(
    [
        ("assessment", {}),
        ("vacancy_discussed", {}),
        ("application_action", {}),
        ("job_interview", {}),
        ("training", {}),
        ("transition", {}),
        ("followup", {"checkpoint": Checkpoint.FIRST}),
        ("followup", {"checkpoint": Checkpoint.SECOND}),
        ("internship", {"measure": "bvs"}),
        ("internship", {"measure": "tbs"}),
        ("pdp", {}),
        ("to_training", {}),
        ("coaching", {"minutes": 45}),
        ("coaching", {"minutes": 0}),
        ("employer_contact", {"contact": EmployerContactKind.WORKER_COMPANY_VISIT}),
        ("employer_contact", {"contact": EmployerContactKind.COMPANY_PRESENTATION}),
        ("employer_contact", {"contact": EmployerContactKind.JOB_FAIR}),
    ]
)
event_days = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
events_strategy = st.lists(
    st.builds(
        lambda kind, day, org: ev(kind[0], day, organisation=org, **kind[1]),
        event_kinds,
        event_days,
        st.sampled_from(["Werkhaven", "Sense", None]),
    ),
    max_size=60,
)


@given(
    events=events_strategy, start=event_days, split=st.integers(0, 400), length=st.integers(0, 400)
)
def test_trn_13_counts_are_additive_over_disjoint_periods(events, start, split, length):
    middle = start + timedelta(days=split)
    end = middle + timedelta(days=length)
    whole = count(events, Period(start, end))
    first = count(events, Period(start, middle))
    second = count(events, Period(middle + timedelta(days=1), end))
    assert first + second == whole


@given(events=events_strategy, more=events_strategy)
def test_trn_13_counts_are_additive_over_event_lists(events, more):
    period = Period(date(2025, 6, 1), date(2027, 6, 30))
    assert count(events, period) + count(more, period) == count(events + more, period)


@given(events=events_strategy)
def test_trn_13_organisations_add_up_to_the_events_of_organisations(events):
    period = Period(date(2025, 1, 1), date(2027, 12, 31))
    by_org = count(events, period, "Werkhaven") + count(events, period, "Sense")
    assert by_org == count([e for e in events if e.organisation], period)


@given(events=events_strategy)
def test_trn_13_monthly_series_adds_up_to_the_period(events):
    period = Period(date(2025, 3, 15), date(2026, 2, 10))
    series = monthly_series(events, period)
    assert [m for m, _ in series] == list(months_between(period.start, period.end))
    total = KpiCounts()
    for _, counts in series:
        total = total + counts
    assert total == count(events, period)


@given(events=events_strategy)
def test_trn_13_counts_never_negative_and_ignore_order(events):
    counts = count(events, YEAR)
    assert all(v >= 0 for v in counts.values)
    assert count(list(reversed(events)), YEAR) == counts


# ---- month series, rows, comparison ------------------------------------------------------------------


def test_trn_13_monthly_series_for_a_chart():
    events = [ev("pdp", date(2026, 1, 5)), ev("pdp", date(2026, 3, 5)), ev("pdp", date(2026, 3, 6))]
    series = monthly_series(events, Period(date(2026, 1, 1), date(2026, 3, 31)))
    assert [m for m, _ in series] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert series_of(Kpi.PDPS, series) == (1, 0, 2)


def test_trn_13_months_between_crosses_the_year():
    assert months_between(date(2025, 11, 30), date(2026, 2, 1)) == (
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    )


def test_trn_13_coaching_counted_in_minutes_shown_in_hours():
    counts = count([ev("coaching", minutes=90), ev("coaching", minutes=45)], YEAR)
    assert counts[Kpi.COACHING_HOURS] == 135
    assert shown_value(Kpi.COACHING_HOURS, 135) == "2,3"
    assert shown_value(Kpi.COACHING_HOURS, 0) == "0,0"
    assert shown_value(Kpi.PDPS, 3) == "3"


def test_trn_13_rows_for_the_spreadsheet():
    table = rows(count([ev("coaching", minutes=30), ev("assessment")], YEAR))
    assert len(table) == 16
    assert (table[0][0], str(table[0][1]), table[0][2]) == (1, "Assessments", "1")
    assert (table[11][0], str(table[11][1]), table[11][2]) == (12, "Coachinguren", "0,5")


def test_trn_13_comparison_with_the_baseline():
    baseline = count([ev("pdp"), ev("pdp"), ev("assessment")], YEAR)
    current = count([ev("pdp")] * 3 + [ev("transition")], YEAR)
    by_kpi = {c.kpi: c for c in compare(baseline, current)}
    assert [c.kpi for c in compare(baseline, current)] == list(KPIS)
    assert (by_kpi[Kpi.PDPS].difference, by_kpi[Kpi.PDPS].ratio) == (1, Decimal("1.50"))
    assert (by_kpi[Kpi.ASSESSMENTS].difference, by_kpi[Kpi.ASSESSMENTS].ratio) == (
        -1,
        Decimal("0.00"),
    )
    assert (by_kpi[Kpi.TRANSITIONS].difference, by_kpi[Kpi.TRANSITIONS].ratio) == (1, None)


@given(a=events_strategy, b=events_strategy)
def test_trn_13_comparison_difference_is_current_minus_baseline(a, b):
    baseline, current = count(a, YEAR), count(b, YEAR)
    for c in compare(baseline, current):
        assert c.difference == current[c.kpi] - baseline[c.kpi]
        assert (c.ratio is None) == (baseline[c.kpi] == 0)


def test_trn_13_counts_as_dict():
    assert count([ev("pdp")], YEAR).as_dict()[Kpi.PDPS] == 1


# ---- a transition's events (with TRN-17) -------------------------------------------------------------


def test_trn_13_a_transition_counts_on_its_first_day_and_in_place_on_the_checkpoints():
    transition = TransitionFacts(
        date(2026, 3, 2),
        Destination.WORK,
        "Brico",
        (FollowupRecord(date(2026, 9, 20), FollowupStatus.IN_WORK, checkpoint=Checkpoint.SECOND),),
    )
    events = transition_events(transition, worker="w1", organisation="Sense")
    assert [(e.kind, e.day) for e in events] == [
        (EventKind.TRANSITION, date(2026, 3, 2)),
        (EventKind.FOLLOWUP, date(2026, 3, 16)),
        (EventKind.FOLLOWUP, date(2026, 9, 2)),
    ]
    assert all(e.worker == "w1" and e.organisation == "Sense" for e in events)
    march = count(events, Period(date(2026, 3, 1), date(2026, 3, 31)))
    assert (march[Kpi.TRANSITIONS], march[Kpi.IN_PLACE_FIRST], march[Kpi.IN_PLACE_SECOND]) == (
        1,
        1,
        0,
    )
    september = count(events, Period(date(2026, 9, 1), date(2026, 9, 30)))
    assert september[Kpi.IN_PLACE_SECOND] == 1


def test_trn_13_a_stopped_transition_is_not_in_place():
    transition = TransitionFacts(
        date(2026, 3, 2),
        Destination.IBO,
        records=(FollowupRecord(date(2026, 3, 10), FollowupStatus.STOPPED),),
    )
    assert [e.kind for e in transition_events(transition)] == [EventKind.TRANSITION]


def test_trn_13_an_unrecorded_checkpoint_is_not_in_place():
    transition = TransitionFacts(date(2026, 3, 2), Destination.IBO)
    assert len(transition_events(transition)) == 1
