"""TRN-01: the facts of one worker's trajectory, each the day it happened, for `rules.phases`."""

from django.db.models import Min

from koers.trajectories.models import PlanKind
from koers.transition import models as m
from koers.transition.rules.phases import TrajectoryFacts


def trajectory_facts(file: m.TransitionFile) -> TrajectoryFacts:
    """Read from the recorded rows (a few small aggregate queries, whatever the file holds)."""
    intake = m.Intake.objects.filter(file=file).first()
    activity = m.Activity.objects.filter(file=file).aggregate(
        first=Min("on"),
    )
    hunting = m.Activity.objects.filter(
        file=file,
        kind__in=[
            m.ActivityKind.VACANCY_DISCUSSED,
            m.ActivityKind.JOB_INTERVIEW,
            m.ActivityKind.JOB_SEARCH,
        ],
    ).aggregate(first=Min("on"))
    through = m.Measure.objects.filter(
        file=file, kind__in=[m.MeasureKind.BVS, m.MeasureKind.TBS], started_on__isnull=False
    ).aggregate(first=Min("started_on"))
    placed = m.Placement.objects.filter(file=file).aggregate(first=Min("first_day"))
    assessed = m.SessionCandidate.objects.filter(file=file, reported_on__isnull=False).aggregate(
        first=Min("reported_on")
    )
    plan = file.trajectory.plans.filter(kind=PlanKind.TRANSITION).aggregate(
        first=Min("versions__created_at")
    )
    kick_off = m.KickOffInvitee.objects.filter(file=file).aggregate(first=Min("kick_off__held_on"))
    engagement = None
    if intake and intake.engagement_worker_signed_on and intake.engagement_coach_signed_on:
        engagement = max(intake.engagement_worker_signed_on, intake.engagement_coach_signed_on)
    return TrajectoryFacts(
        referred_on=file.referred_on,
        invited_on=file.invited_on,
        intake_start=(intake.decision == m.Decision.START) if intake and intake.decision else None,
        engagement_signed_on=engagement,
        assessment_done_on=assessed["first"],
        plan_made_on=plan["first"].date() if plan["first"] else None,
        application_action_on=activity["first"],
        job_hunting_on=hunting["first"],
        through_measure_on=through["first"],
        transition_on=placed["first"],
        called_off_on=file.called_off_on,
        kick_off_on=kick_off["first"],
    )
