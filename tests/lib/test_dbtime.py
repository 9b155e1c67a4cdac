"""Issue 14: the database computes local months and elapsed times exactly as Python does, without
a Python function per row on SQLite."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koers.intake.models import Lead
from koers.lib.dbtime import Elapsed, LocalMonth, month_starts

BRUSSELS = ZoneInfo("Europe/Brussels")


def test_month_starts_are_local_midnights_in_utc():
    starts = month_starts(
        BRUSSELS, datetime(2026, 3, 15, tzinfo=UTC), datetime(2026, 4, 2, tzinfo=UTC)
    )
    assert starts == [
        ("2026-03", datetime(2026, 2, 28, 23, tzinfo=UTC)),  # CET
        ("2026-04", datetime(2026, 3, 31, 22, tzinfo=UTC)),  # CEST
        ("2026-05", datetime(2026, 4, 30, 22, tzinfo=UTC)),
    ]


def _lead(centre, arrived_at, contacted_at=None):
    return Lead(
        organisation=centre,
        first_name="Lotte",
        last_name="Janssens",
        email="lotte@example.org",
        phone="+32470123456",
        career_question="?",
        channel="website",
        arrived_at=arrived_at,
        clock_started_at=arrived_at,
        contacted_at=contacted_at,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("window", [(2026, 2027), (2026, 2026), (2030, 2031)])
def test_local_month_equals_localtime_around_every_month_end(centre, window):
    """Every 20 minutes (and a microsecond either side of the hour) from 21:00 UTC on each last
    day of 2026 to 01:00 UTC the next day, and on both DST-change nights; windows that cover all,
    part and none of them (outside the window the month comes from Django's own function)."""
    instants = []
    for month in range(1, 13):
        first = datetime(2026 + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        instants += [first + timedelta(minutes=m) for m in range(-180, 61, 20)]
        instants += [first - timedelta(hours=h, microseconds=1) for h in (0, 1, 2)]
    for night in (datetime(2026, 3, 29, 1, tzinfo=UTC), datetime(2026, 10, 25, 1, tzinfo=UTC)):
        instants += [
            night + timedelta(minutes=m, microseconds=u) for m in (-30, 0, 30) for u in (-1, 0)
        ]
    Lead.objects.bulk_create(_lead(centre, at) for at in instants)
    start, end = (datetime(year, 6, 1, tzinfo=UTC) for year in window)
    rows = Lead.objects.annotate(
        month=LocalMonth("arrived_at", tzinfo=BRUSSELS, start=start, end=end)
    ).values_list("arrived_at", "month")
    assert len(rows) == len(instants)
    for arrived_at, month in rows:
        assert month == f"{timezone.localtime(arrived_at, BRUSSELS):%Y-%m}", arrived_at


@pytest.mark.django_db
def test_local_month_needs_no_python_per_row_inside_the_window(centre):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    expression = LocalMonth("arrived_at", tzinfo=BRUSSELS, start=start, end=start)
    with CaptureQueriesContext(connection) as captured:
        list(Lead.objects.annotate(month=expression).values("month"))
    sql = captured[0]["sql"]
    assert "AT TIME ZONE" in sql if connection.vendor == "postgresql" else "CASE WHEN" in sql


@pytest.mark.django_db
def test_elapsed_is_exact_to_the_microsecond_and_sorts(centre):
    arrived = datetime(2026, 10, 24, 8, tzinfo=UTC)
    late = timedelta(microseconds=7)
    waits = [
        timedelta(hours=25),
        timedelta(hours=24, microseconds=1),
        timedelta(hours=24),
        timedelta(microseconds=999999),
        timedelta(seconds=1),
        -timedelta(minutes=5, microseconds=3),
    ]
    Lead.objects.bulk_create(
        [_lead(centre, arrived + timedelta(microseconds=n * 250001), None) for n in range(2)]
        + [_lead(centre, arrived + late, arrived + late + w) for w in waits]
    )
    got = list(
        Lead.objects.annotate(wait=Elapsed("contacted_at", "arrived_at"))
        .order_by("wait", "id")
        .values_list("wait", flat=True)
    )
    nulls_first = connection.vendor == "sqlite"  # PostgreSQL sorts NULL last
    assert got == ([None, None] if nulls_first else []) + sorted(waits) + (
        [] if nulls_first else [None, None]
    )
    within = Lead.objects.filter(contacted_at__isnull=False).alias(
        wait=Elapsed("contacted_at", "arrived_at")
    )
    assert within.filter(wait__lte=timedelta(hours=24)).count() == 4
