"""A varied, seeded history of everything the KPIs count (TRN-13), for comparing ways of counting
it: random kinds and days over 2024–2027, month ends (the 29th–31st, leap days) for the
follow-up calendar, moments around local midnight and the clock change for the monthly
grouping, stops and in-place records before, on and after the checkpoints."""

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from koers.trajectories.models import Contact, ContactOutcome, Plan, PlanKind, PlanVersion
from koers.transition import models as m
from tests.factories import ClientFactory
from tests.transition.conftest import open_file

BRUSSELS = ZoneInfo("Europe/Brussels")
FIRST, LAST = date(2024, 1, 1), date(2027, 6, 30)
EDGE_DAYS = (
    date(2024, 2, 29),
    date(2024, 8, 31),
    date(2025, 1, 31),
    date(2025, 3, 31),
    date(2025, 6, 16),
    date(2025, 8, 29),
    date(2025, 8, 31),
    date(2025, 12, 31),
    date(2026, 1, 1),
    date(2026, 2, 28),
    date(2026, 3, 31),
)
ACTIVITY_KINDS = [k.value for k in m.ActivityKind]
CONTACT_KINDS = [k.value for k in m.EmployerContactKind]


def _day(rng: random.Random) -> date:
    if rng.random() < 0.3:
        return rng.choice(EDGE_DAYS)
    return FIRST + timedelta(days=rng.randrange((LAST - FIRST).days))


def _moment(rng: random.Random) -> datetime:
    """Often just before or after a local midnight at a month's turn or the clock change."""
    day = _day(rng)
    if rng.random() < 0.5:
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        hour, minute = rng.choice(((23, 30), (0, 15), (22, 59), (1, 0)))
        if hour < 12:
            day += timedelta(days=1)
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)
    return datetime(day.year, day.month, day.day, rng.randrange(24), tzinfo=BRUSSELS)


def _records(rng: random.Random, placement, coach) -> None:
    checkpoints = ["first", "second"]
    rng.shuffle(checkpoints)
    for _ in range(rng.randrange(4)):
        offset = rng.choice((0, 13, 14, 15, 40, 181, 182, 183, 184, 200, 400))
        status = rng.choice(("in_work", "in_work", "in_ibo", "stopped"))
        checkpoint = checkpoints.pop() if checkpoints and rng.random() < 0.5 else ""
        m.FollowupRecord.objects.create(
            placement=placement,
            day=placement.first_day + timedelta(days=offset),
            status=status,
            checkpoint=checkpoint,
            by=coach,
        )


def varied_file(rng: random.Random, company, coach, employer) -> m.TransitionFile:
    """One worker's file with a random history of every kind the KPIs count."""
    file = open_file(ClientFactory(organisation=company), coach, company, proposed_by="coach")
    for _ in range(rng.randrange(6)):
        kind = rng.choice(ACTIVITY_KINDS)
        m.Activity.objects.create(file=file, kind=kind, on=_day(rng), by=coach)
    for _ in range(rng.randrange(4)):
        kind = rng.choice(CONTACT_KINDS)
        m.EmployerContact.objects.create(employer=employer, kind=kind, on=_day(rng), by=coach)
    for _ in range(rng.randrange(3)):
        started = _day(rng) if rng.random() < 0.8 else None
        planned = started or _day(rng)
        m.Measure.objects.create(
            file=file,
            kind=rng.choice(("bvs", "tbs", "ibo", "activa")),
            planned_start=planned,
            planned_end=planned,
            started_on=started,
            created_by=coach,
        )
    session = m.AssessmentSession.objects.create(
        organisation=company, title="Assessment", job_target="Logistiek"
    )
    reported = _day(rng) if rng.random() < 0.7 else None
    m.SessionCandidate.objects.create(session=session, file=file, reported_on=reported)
    plan = Plan.objects.create(trajectory=file.trajectory, kind=PlanKind.TRANSITION, title="PDP")
    for number in range(1, rng.randrange(1, 3) + 1):
        version = PlanVersion.objects.create(plan=plan, number=number, author=coach)
        PlanVersion.objects.filter(pk=version.pk).update(created_at=_moment(rng))
    for _ in range(rng.randrange(4)):
        Contact.objects.create(
            trajectory=file.trajectory,
            staff=coach,
            starts_at=_moment(rng),
            duration_minutes=rng.choice((15, 30, 60, 90)),
            outcome=rng.choice((ContactOutcome.HELD, ContactOutcome.HELD, ContactOutcome.ABSENT)),
        )
    if rng.random() < 0.3:
        m.TransitionFile.objects.filter(pk=file.pk).update(left_for_training_on=_day(rng))
    for _ in range(rng.randrange(3)):
        placement = m.Placement.objects.create(
            file=file,
            destination=rng.choice(("work", "ibo")),
            first_day=_day(rng),
            employer=employer,
            created_by=coach,
        )
        _records(rng, placement, coach)
    return file


def varied_history(seed: int, files: int, company, coaches, employer) -> None:
    rng = random.Random(seed)
    for _ in range(files):
        varied_file(rng, company, rng.choice(coaches), employer)
