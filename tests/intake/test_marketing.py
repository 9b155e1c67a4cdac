"""INT-07 marketing figures, aggregated in the database (issue 14): the same figures, in the same
order, as the Python implementation they replace (kept below as the oracle), in a fixed number of
queries; the page and `/api/v1/lead-marketing` show them."""

from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from koers.intake.models import Lead, LeadChannel, LeadState
from koers.intake.selectors import MarketingFigures, marketing_figures
from koers.trajectories.models import Programme
from koers.vouchers.services import voucher_open
from tests.api.conftest import Api
from tests.factories import ClientFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db

NOW = "2026-11-15T10:00:00+01:00"


def old_marketing_figures(*, organisations, since=None, until=None) -> MarketingFigures:
    """The implementation before issue 14: every lead loaded into Python (the oracle)."""
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
    within = sum(1 for r in rows if r[2] and r[2] - r[1] <= timedelta(hours=24))
    matched = sum(1 for r in rows if r[3] in (LeadState.MATCHED, LeadState.CLIENT))
    vouchers = sum(1 for r in rows if r[4])
    labels = dict(LeadChannel.choices)

    def share(part):
        return round(100 * part / len(rows), 1) if rows else None

    return MarketingFigures(
        total=len(rows),
        per_channel=[(k, str(labels.get(k, k)), n) for k, n in channels.most_common()],
        per_month=sorted(months.items()),
        median_hours_to_contact=median,
        contacted_within_24h=share(within),
        to_first_session=share(matched),
        to_voucher=share(vouchers),
    )


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def lead(centre, channel, arrived_at, *, wait=None, state=LeadState.NEW, trajectory=None):
    return Lead(
        organisation=centre,
        first_name="Lotte",
        last_name="Janssens",
        email="lotte@example.org",
        phone="+32470123456",
        career_question="Wat wil ik na twaalf jaar in de zorg?",
        channel=channel,
        consent=True,
        arrived_at=arrived_at,
        clock_started_at=arrived_at,
        state=state,
        contacted_at=None if wait is None else arrived_at + wait,
        trajectory=trajectory,
    )


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def with_voucher(centre, coach, voucher_rules_in_force):
    client = ClientFactory(organisation=centre)
    opened = voucher_open(
        client=client,
        responsible=coach,
        organisation=centre,
        start_date=timezone.localdate(),
        acting_user=coach,
    )
    return opened.trajectory


@pytest.fixture
def without_voucher(centre, coach):
    return TrajectoryFactory(
        client=ClientFactory(organisation=centre), responsible=coach, programme=Programme.MEDIATION
    )


H = timedelta(hours=1)
US = timedelta(microseconds=1)


@pytest.fixture
def known(centre, with_voucher, without_voucher, clock):
    """Twelve leads around the month ends and the DST changes of 2026 (Brussels: CET = UTC+1,
    CEST = UTC+2; summer time from 29 March 01:00 UTC to 25 October 01:00 UTC)."""
    rows = [
        # 31 January 23:00 UTC is 1 February 00:00 in Brussels: February; a microsecond before
        # is still January.
        lead(centre, "website", utc(2026, 1, 31, 23), wait=2 * H, state=LeadState.MATCHED),
        lead(centre, "website", utc(2026, 1, 31, 23) - US, wait=24 * H),  # exactly 24 h: within
        # 31 March 21:30 UTC is 23:30 CEST (March); 22:30 UTC is 00:30 on 1 April (April).
        lead(centre, "social", utc(2026, 3, 31, 21, 30), wait=24 * H + US),  # a microsecond late
        lead(centre, "social", utc(2026, 3, 31, 22, 30), wait=30 * H, state=LeadState.NO_MATCH),
        # Saturday 24 October 10:00 CEST; Sunday 10:00 CET is 25 hours later (the clocks went
        # back): not within 24 hours, although it is "the same time the next day".
        lead(centre, "vdab", utc(2026, 10, 24, 8), wait=25 * H, state=LeadState.CLIENT),
        lead(centre, "vdab", utc(2026, 10, 24, 8, 0, 0, 500000), wait=24 * H),  # 09:00:00.5 CET
        # 31 October 22:30 UTC is 23:30 CET (October); 23:30 UTC is 1 November.
        lead(centre, "website", utc(2026, 10, 31, 22, 30), wait=H / 2, state=LeadState.CLIENT),
        lead(centre, "event", utc(2026, 10, 31, 23, 30), trajectory=None),
        # Sunday 29 March 00:30 UTC (01:30 CET) and 01:30 UTC (03:30 CEST): both March.
        lead(centre, "social", utc(2026, 3, 29, 0, 30), wait=3 * H, trajectory=without_voucher),
        lead(centre, "coach", utc(2026, 3, 29, 1, 30), wait=H, state=LeadState.MATCHED),
        lead(
            centre,
            "website",
            utc(2026, 11, 14, 9),
            wait=72 * H,
            state=LeadState.CLIENT,
            trajectory=with_voucher,
        ),
        lead(centre, "vdab", utc(2026, 11, 14, 9), trajectory=with_voucher),  # same instant
    ]
    Lead.objects.bulk_create(rows)
    return rows


def test_int_07_figures_on_a_known_data_set(centre, known):
    figures = marketing_figures(organisations=[centre])
    assert figures == MarketingFigures(
        total=12,
        # website 4; social and vdab 3 each: vdab's latest lead (14 November) is the more recent;
        # coach and event 1 each: event's (31 October) before coach's (29 March).
        per_channel=[
            ("website", "Website", 4),
            ("vdab", "VDAB", 3),
            ("social", "Sociale media", 3),
            ("event", "Infosessie of beurs", 1),
            ("coach", "Zelf aangebracht door de coach", 1),
        ],
        per_month=[
            ("2026-01", 1),
            ("2026-02", 1),
            ("2026-03", 3),
            ("2026-04", 1),
            ("2026-10", 3),
            ("2026-11", 3),
        ],
        # waits (hours) 0.5, 1, 2, 3, 24, 24, 24.0000…, 25, 30, 72: the middle two 24 and 24
        median_hours_to_contact=24.0,
        contacted_within_24h=50.0,  # 0.5, 1, 2, 3 and the two of exactly 24 hours
        to_first_session=41.7,  # two matched, three clients
        to_voucher=16.7,
    )
    assert figures == old_marketing_figures(organisations=[centre])


def test_int_07_since_and_until_select_by_arrival(centre, known):
    figures = marketing_figures(
        organisations=[centre], since=utc(2026, 3, 31, 22, 30), until=utc(2026, 10, 31, 23, 30)
    )
    assert figures.total == 4
    assert figures.per_month == [("2026-04", 1), ("2026-10", 3)]
    assert figures == old_marketing_figures(
        organisations=[centre], since=utc(2026, 3, 31, 22, 30), until=utc(2026, 10, 31, 23, 30)
    )


def test_int_07_no_leads_no_figures(centre, clock):
    assert marketing_figures(organisations=[centre]) == MarketingFigures(
        total=0,
        per_channel=[],
        per_month=[],
        median_hours_to_contact=None,
        contacted_within_24h=None,
        to_first_session=None,
        to_voucher=None,
    )


def test_int_07_months_outside_the_fast_window_are_still_local(centre, clock):
    """Leads ten years back and in the future fall outside the months the database compares
    with, and are still counted in their Brussels month."""
    Lead.objects.bulk_create(
        [
            lead(centre, "website", utc(2012, 3, 31, 22, 30)),  # 1 April 2012, 00:30 CEST
            lead(centre, "website", utc(2030, 12, 31, 23, 30)),  # 1 January 2031, 00:30 CET
            lead(centre, "website", utc(2026, 6, 30, 21, 59)),
        ]
    )
    assert marketing_figures(organisations=[centre]).per_month == [
        ("2012-04", 1),
        ("2026-06", 1),
        ("2031-01", 1),
    ]


def test_int_07_only_the_given_centres(centre, clock):
    from tests.factories import OrganisationFactory

    other = OrganisationFactory()
    Lead.objects.bulk_create(
        [lead(centre, "website", utc(2026, 5, 1, 10)), lead(other, "social", utc(2026, 5, 1, 11))]
    )
    assert marketing_figures(organisations=[centre]).per_channel == [("website", "Website", 1)]
    assert marketing_figures(organisations=[]).total == 0


# ---- old vs new on random leads -----------------------------------------------------------------

# Instants where the month or the clock changes in Brussels, so that examples hit them often.
EDGES = [
    utc(2025, 12, 31, 23),
    utc(2026, 1, 31, 23),
    utc(2026, 3, 29, 1),
    utc(2026, 3, 31, 22),
    utc(2026, 10, 25, 1),
    utc(2026, 10, 31, 23),
]
instants = st.one_of(
    st.sampled_from(EDGES).flatmap(
        lambda edge: st.integers(-3 * 3600 * 10**6, 3 * 3600 * 10**6).map(
            lambda us: edge + timedelta(microseconds=us)
        )
    ),
    st.sampled_from(EDGES),
    st.datetimes(datetime(2025, 11, 1), datetime(2027, 1, 31), timezones=st.just(UTC)),
)
waits = st.one_of(
    st.none(),
    st.sampled_from([timedelta(hours=24), timedelta(hours=24, microseconds=1), timedelta(0)]),
    st.integers(-3600 * 10**6, 80 * 3600 * 10**6).map(lambda us: timedelta(microseconds=us)),
)
lead_rows = st.lists(
    st.tuples(
        st.sampled_from(LeadChannel.values),
        instants,
        waits,
        st.sampled_from(LeadState.values),
        st.sampled_from([None, "with", "without"]),
    ),
    max_size=25,
)
bounds = st.one_of(st.none(), st.sampled_from(EDGES), instants)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=lead_rows, since=bounds, until=bounds)
def test_int_07_figures_equal_the_python_implementation(
    centre, with_voucher, without_voucher, clock, rows, since, until
):
    Lead.objects.all().delete()
    trajectories = {None: None, "with": with_voucher, "without": without_voucher}
    Lead.objects.bulk_create(
        lead(centre, channel, arrived, wait=wait, state=state, trajectory=trajectories[which])
        for channel, arrived, wait, state, which in rows
    )
    expected = old_marketing_figures(organisations=[centre], since=since, until=until)
    assert marketing_figures(organisations=[centre], since=since, until=until) == expected


# ---- queries ------------------------------------------------------------------------------------


def _leads(centre, trajectory, n):
    start = utc(2026, 1, 1, 9)
    Lead.objects.bulk_create(
        lead(
            centre,
            LeadChannel.values[i % len(LeadChannel.values)],
            start + timedelta(hours=37 * i),
            wait=timedelta(minutes=50 * i) if i % 4 else None,
            state=LeadState.values[i % len(LeadState.values)],
            trajectory=trajectory if i % 3 == 0 else None,
        )
        for i in range(n)
    )


def test_int_07_query_count_is_constant(centre, with_voucher, clock):
    _leads(centre, with_voucher, 5)
    with CaptureQueriesContext(connection) as few:
        small = marketing_figures(organisations=[centre])
    Lead.objects.all().delete()
    _leads(centre, with_voucher, 200)
    with CaptureQueriesContext(connection) as many:
        large = marketing_figures(organisations=[centre])
    assert (small.total, large.total) == (5, 200)
    assert len(few) == len(many) == 3  # the groups, the order of tied channels, the median


def test_int_07_api_twin_gives_the_same_figures_in_constant_queries(
    centre, centre_staff, with_voucher, known
):
    api = Api(centre_staff)
    body = api.get("/lead-marketing").json()
    figures = marketing_figures(organisations=[centre])
    assert body == {
        "total": figures.total,
        "per_channel": [
            {"channel": k, "label": label, "count": n} for k, label, n in figures.per_channel
        ],
        "per_month": [{"month": m, "count": n} for m, n in figures.per_month],
        "median_hours_to_contact": figures.median_hours_to_contact,
        "contacted_within_24h_percent": figures.contacted_within_24h,
        "to_first_session_percent": figures.to_first_session,
        "to_voucher_percent": figures.to_voucher,
    }
    since = "2026-03-31T22:30:00Z"
    assert api.get(f"/lead-marketing?since={since}").json()["total"] == 7
    with CaptureQueriesContext(connection) as few:
        api.get("/lead-marketing")
    _leads(centre, with_voucher, 100)
    with CaptureQueriesContext(connection) as many:
        assert api.get("/lead-marketing").json()["total"] == 112
    assert len(few) == len(many)


def test_int_07_api_twin_shows_the_last_twelve_months_as_the_page_unless_asked(
    centre, centre_staff, known
):
    """A lead of two years ago is history: the API, like the page, counts the last year unless
    `months` or `since` asks for a longer window."""
    Lead.objects.bulk_create([lead(centre, "website", utc(2024, 11, 1, 9))])
    api = Api(centre_staff)
    assert api.get("/lead-marketing").json()["total"] == len(known)
    assert api.get("/lead-marketing?months=36").json()["total"] == len(known) + 1
    assert api.get("/lead-marketing?since=2024-01-01T00:00:00Z").json()["total"] == len(known) + 1
    assert api.get("/lead-marketing?months=61").status_code == 422


def test_int_07_page_shows_the_figures_in_constant_queries(
    logged_in, centre, centre_staff, with_voucher, known
):
    client = logged_in(centre_staff)
    with CaptureQueriesContext(connection) as few:
        body = client.get(reverse("intake_marketing")).content.decode()
    assert "VDAB" in body and "11/2026" in body and "24.0 u" in body.replace(",", ".")
    _leads(centre, with_voucher, 100)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("intake_marketing")).status_code == 200
    assert len(few) == len(many)
