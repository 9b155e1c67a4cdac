"""A known year of recorded events for one worker's file (TRN-13), written straight to the tables
the KPIs count (the services that record them belong to other areas and are tested there).

`year_of_events(file, coach, employer, year)` records, in `year`, what `PER_YEAR` lists: the
expected KPIs of that year for one file (the follow-ups of its placement aside: see the test).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from koers.trajectories.models import Contact, ContactOutcome, Plan, PlanKind, PlanVersion
from koers.transition import models as m

BRUSSELS = ZoneInfo("Europe/Brussels")

# What one call records in its year, KPI by KPI (coaching in minutes).
PER_YEAR = {
    "assessments": 1,
    "vacancies_discussed": 2,
    "application_actions": 3,  # an application, a job center I, a job-search
    "job_interviews": 1,
    "trainings": 2,
    "transitions": 1,
    "internships": 2,  # a BVS and a TBS (the IBO is no internship)
    "pdps": 1,  # the second version of the plan is the same PDP
    "coaching_hours": 90,  # 60 + 30 held; the absent contact does not count
    "worker_company_visits": 1,
    "phone_prospecting": 2,
    "coach_prospecting_visits": 1,
    "company_presentations": 1,
}


def _at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=BRUSSELS)


def year_of_events(file, coach, employer, year: int) -> m.Placement:
    """One file's year; returns its placement (first day 1 September) for follow-ups."""
    d = lambda month, day: date(year, month, day)  # noqa: E731
    for kind, day in (
        ("vacancy_discussed", d(2, 10)),
        ("vacancy_discussed", d(3, 5)),
        ("application", d(2, 11)),
        ("job_center_1", d(4, 1)),
        ("job_search", d(5, 2)),
        ("job_interview", d(5, 20)),
        ("training", d(3, 1)),
        ("training", d(3, 15)),
    ):
        m.Activity.objects.create(file=file, kind=kind, on=day, by=coach)
    for kind, day in (
        ("worker_company_visit", d(4, 10)),
        ("phone_prospecting", d(1, 15)),
        ("phone_prospecting", d(6, 1)),
        ("coach_prospecting_visit", d(6, 10)),
        ("company_presentation", d(7, 1)),
        ("job_day", d(7, 2)),  # market development that no KPI counts
    ):
        m.EmployerContact.objects.create(employer=employer, kind=kind, on=day, by=coach)
    for kind, start in (("bvs", d(8, 1)), ("tbs", d(8, 20)), ("ibo", d(9, 1)), ("bvs", None)):
        planned = start or d(11, 1)
        m.Measure.objects.create(
            file=file,
            kind=kind,
            planned_start=planned,
            planned_end=planned,
            started_on=start,
            created_by=coach,
        )
    session = m.AssessmentSession.objects.create(
        organisation=file.trajectory.organisation,
        title=f"Assessment {year}",
        job_target="Logistiek",
    )
    m.SessionCandidate.objects.create(session=session, file=file, reported_on=d(2, 20))
    unreported = m.AssessmentSession.objects.create(
        organisation=file.trajectory.organisation, title=f"Later {year}", job_target="Logistiek"
    )
    m.SessionCandidate.objects.create(session=unreported, file=file)  # no report yet
    plan = Plan.objects.create(trajectory=file.trajectory, kind=PlanKind.TRANSITION, title="PDP")
    for number, day in ((1, d(3, 10)), (2, d(6, 10))):
        version = PlanVersion.objects.create(plan=plan, number=number, author=coach)
        PlanVersion.objects.filter(pk=version.pk).update(created_at=_at(day))
    for day, minutes, outcome in (
        (d(4, 15), 60, ContactOutcome.HELD),
        (d(5, 15), 30, ContactOutcome.HELD),
        (d(5, 22), 45, ContactOutcome.ABSENT),
    ):
        Contact.objects.create(
            trajectory=file.trajectory,
            staff=coach,
            starts_at=_at(day),
            duration_minutes=minutes,
            outcome=outcome,
        )
    return m.Placement.objects.create(
        file=file, destination="work", first_day=d(9, 1), employer=employer, created_by=coach
    )


def follow_up(placement, coach, day: date, status: str = "in_work", checkpoint: str = ""):
    return m.FollowupRecord.objects.create(
        placement=placement, day=day, status=status, checkpoint=checkpoint, by=coach
    )
