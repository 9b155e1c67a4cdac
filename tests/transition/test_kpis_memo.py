"""TRN-13 (issue 14): the KPI figures are kept between requests (`selectors.kpi_memo`) and stay
exactly right: after every kind of write of what they count — whichever app makes it — the
next read counts anew and equals a count from scratch; until then a read is one query, and a
write in another organisation leaves the memo alone."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koers.core.models import Role, User
from koers.trajectories.models import Contact, ContactOutcome, Plan, PlanKind, PlanVersion
from koers.transition import models as m
from koers.transition import signals
from koers.transition.rules.kpis import Period
from koers.transition.selectors import kpi_memo
from koers.transition.selectors import kpis as sel
from koers.transition.services.activities import ActivityData, activity_add, activity_delete
from koers.transition.services.kpi_stamps import kpi_memos_forget
from tests.factories import ClientFactory, ContactFactory, TrajectoryFactory, staff_user
from tests.transition.conftest import open_file
from tests.transition.plan_helpers import signed

PERIOD = Period(date(2026, 1, 1), date(2026, 10, 5))
BASELINE = Period(date(2025, 1, 1), date(2025, 10, 5))
BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass
class World:
    company: object
    other_company: object
    coach: User
    second_coach: User
    file: m.TransitionFile
    employer: m.Employer


@pytest.fixture
def world(company, other_company, job_coach, second_job_coach, transition_file):
    employer = m.Employer.objects.create(organisation=company, name="Logistiek Noord")
    m.Activity.objects.create(
        file=transition_file, kind="application", on=date(2026, 2, 3), by=job_coach
    )
    return World(company, other_company, job_coach, second_job_coach, transition_file, employer)


def _figures(team) -> tuple:
    now, before = sel.kpi_figures_with_baseline(team, PERIOD, BASELINE)
    return now.counts, before.counts, now.series


def _afresh(team) -> tuple:
    kpi_memos_forget()
    return _figures(team)


def _team(w: World, coach: User | None = None):
    return sel.team_get(w.coach, coach_id=coach and coach.pk)


def _nothing(w):
    pass


def _activity_by_service(w):
    signed(w.file, w.coach)
    data = ActivityData(kind="job_search", on=date(2026, 10, 1))
    activity_add(file=w.file, data=data, acting_user=w.coach)


def _activity_kind_changed(w):
    activity = m.Activity.objects.get(file=w.file)
    activity.kind = "job_interview"
    activity.save()


def _activity_deleted_by_service(w):
    activity = m.Activity.objects.get(file=w.file)
    activity_delete(activity=activity, why="Dubbel", acting_user=w.coach)


def _employer_contact(w):
    m.EmployerContact.objects.create(
        employer=w.employer, kind="phone_prospecting", on=date(2026, 5, 1), by=w.coach
    )


def _employer_contact_deleted(w):
    m.EmployerContact.objects.get().delete()


def _candidate(w):
    session = m.AssessmentSession.objects.create(
        organisation=w.company, title="Assessment", job_target="Logistiek"
    )
    m.SessionCandidate.objects.create(session=session, file=w.file)


def _assessment_reported(w):
    candidate = m.SessionCandidate.objects.get()
    candidate.reported_on = date(2026, 6, 1)
    candidate.save()


def _placement(w):
    m.Placement.objects.create(
        file=w.file, destination="work", first_day=date(2026, 8, 1), created_by=w.coach
    )


def _still_in_place(w):
    m.FollowupRecord.objects.create(
        placement=m.Placement.objects.get(), day=date(2026, 8, 20), status="in_work", by=w.coach
    )


def _measure(w):
    m.Measure.objects.create(
        file=w.file,
        kind="bvs",
        planned_start=date(2026, 7, 1),
        planned_end=date(2026, 7, 14),
        created_by=w.coach,
    )


def _internship_started(w):
    measure = m.Measure.objects.get()
    measure.started_on = date(2026, 7, 1)
    measure.save()


def _left_for_training(w):
    w.file.left_for_training_on = date(2026, 9, 1)
    w.file.save()


def _pdp_written(w):
    plan = Plan.objects.create(trajectory=w.file.trajectory, kind=PlanKind.TRANSITION, title="PDP")
    PlanVersion.objects.create(plan=plan, number=1, author=w.coach)


def _coaching_held(w):
    Contact.objects.create(
        trajectory=w.file.trajectory,
        staff=w.coach,
        starts_at=datetime(2026, 4, 15, 10, tzinfo=BRUSSELS),
        duration_minutes=60,
        outcome=ContactOutcome.HELD,
    )


def _coaching_longer(w):
    contact = Contact.objects.get(trajectory=w.file.trajectory)
    contact.duration_minutes = 90
    contact.save()


def _trajectory_deleted(w):
    w.file.trajectory.delete()


def _trajectory_to_other_organisation(w):
    trajectory = w.file.trajectory
    trajectory.organisation = w.other_company
    trajectory.save()


# What is there before (kept in a memo), the write, and a KPI it changes.
WRITES = {
    "an activity, through its service": (_nothing, _activity_by_service, "application_actions"),
    "an activity's kind changed": (_nothing, _activity_kind_changed, "job_interviews"),
    "an activity deleted, through its service": (
        _nothing,
        _activity_deleted_by_service,
        "application_actions",
    ),
    "an employer contact": (_nothing, _employer_contact, "phone_prospecting"),
    "an employer contact deleted": (
        _employer_contact,
        _employer_contact_deleted,
        "phone_prospecting",
    ),
    "an assessment reported": (_candidate, _assessment_reported, "assessments"),
    "a placement": (_nothing, _placement, "transitions"),
    "a follow-up: still in place": (_placement, _still_in_place, "in_place_first"),
    "an internship started": (_measure, _internship_started, "internships"),
    "a file left for training": (_nothing, _left_for_training, "to_training"),
    "a PDP written (another app's model)": (_nothing, _pdp_written, "pdps"),
    "a coaching contact held (another app's model)": (_nothing, _coaching_held, "coaching_hours"),
    "a coaching contact made longer": (_coaching_held, _coaching_longer, "coaching_hours"),
    "the trajectory deleted, cascading": (_coaching_held, _trajectory_deleted, "coaching_hours"),
    "the trajectory moved to another organisation": (
        _nothing,
        _trajectory_to_other_organisation,
        "application_actions",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_trn_13_after_each_kind_of_write_the_figures_change_and_equal_a_fresh_count(world, write):
    prepare, do, kpi = WRITES[write]
    prepare(world)
    team = _team(world)
    kept = _figures(team)
    do(world)
    after = _figures(team)
    assert after[0][kpi] != kept[0][kpi]
    assert after == _afresh(team)


@pytest.mark.django_db
def test_trn_13_a_kept_read_is_one_query_and_equals_the_count(world):
    team = _team(world)
    counted = _figures(team)
    with CaptureQueriesContext(connection) as queries:
        assert _figures(team) == counted
    assert len(queries) == 1
    assert counted == _afresh(team)


@pytest.mark.django_db
def test_trn_13_a_new_coach_of_a_trajectory_moves_its_figures_between_coach_teams(world):
    mine, theirs = _team(world, world.coach), _team(world, world.second_coach)
    before = _figures(mine)[0]["application_actions"], _figures(theirs)[0]["application_actions"]
    trajectory = world.file.trajectory
    trajectory.responsible = world.second_coach
    trajectory.save()
    after = _figures(mine)[0]["application_actions"], _figures(theirs)[0]["application_actions"]
    assert (before, after) == ((1, 0), (0, 1))


@pytest.mark.django_db
def test_trn_13_a_write_elsewhere_keeps_the_memo(world, outside_job_coach):
    team = _team(world)
    kept = _figures(team)
    elsewhere = open_file(
        ClientFactory(organisation=world.other_company),
        outside_job_coach,
        world.other_company,
        proposed_by="coach",
    )
    m.Activity.objects.create(
        file=elsewhere, kind="application", on=date(2026, 2, 3), by=outside_job_coach
    )
    voucher = TrajectoryFactory(
        organisation=world.company, client=ClientFactory(organisation=world.company)
    )
    ContactFactory(trajectory=voucher)  # a career-voucher contact counts in no TRN KPI
    with CaptureQueriesContext(connection) as queries:
        assert _figures(team) == kept
    assert len(queries) == 1


@pytest.mark.django_db
def test_trn_13_a_write_while_the_figures_are_counted_is_not_hidden_by_the_memo(world, monkeypatch):
    """The stamp is read before the rows are counted: a write that lands between the count
    and the keeping leaves a memo that is already stale."""
    team = _team(world)
    count = kpi_memo._count

    def count_then_write(sql, params):
        rows = count(sql, params)
        m.Activity.objects.create(
            file=world.file, kind="application", on=date(2026, 2, 4), by=world.coach
        )
        return rows

    monkeypatch.setattr(kpi_memo, "_count", count_then_write)
    assert _figures(team)[0]["application_actions"] == 1
    monkeypatch.setattr(kpi_memo, "_count", count)
    assert _figures(team)[0]["application_actions"] == 2


@pytest.mark.django_db
def test_trn_13_memos_of_older_stamps_are_dropped(world):
    team = _team(world)
    _figures(team)
    sel.kpi_figures_with_baseline(team, BASELINE, PERIOD)
    assert m.KpiMemo.objects.count() == 2
    _employer_contact(world)
    _figures(team)
    assert m.KpiMemo.objects.count() == 1


@pytest.mark.django_db
def test_trn_13_a_job_coach_of_another_role_is_no_source(world):
    """Saving a person raises no stamp: only what the figures count does."""
    staff = staff_user(world.company, Role.CENTRE_STAFF, username="balie")
    stamps = m.KpiStamp.objects.count()
    staff.first_name = "Anna"
    staff.save()
    assert m.KpiStamp.objects.count() == stamps


@pytest.mark.django_db
def test_trn_13_a_migrate_forgets_the_memos(world):
    """A data migration writes past the signals."""
    _figures(_team(world))
    assert m.KpiMemo.objects.exists()
    transition = apps.get_app_config("transition")
    signals._forget_after_migrate(sender=transition, using="default")
    assert not m.KpiMemo.objects.exists()
