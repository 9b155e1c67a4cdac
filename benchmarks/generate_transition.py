"""Transition data for the benchmark database (issue 13 "Quality"): a social-economy company with
job coaches and `files` transition files, each with a year of events — activities, employer
contacts, measures, a placement with its follow-ups, a transition plan, coaching contacts — so
that the KPI page (TRN-13) is measured on real volumes. Called by `generate.py` after the rest;
bulk_create, bypassing the services (as generate.py does, and for the same reason), so it
forgets the KPI memos at its end (`koers.transition.signals`).

Login: `bench-jobcoach` (password as generate.py's) sees the company's KPIs."""

from datetime import date, datetime, timedelta

COMPANY = "Benchmaatwerk De Sprong"
JOB_COACHES = 5


def generate_transition(*, files: int, today: date, password: str, rng, names) -> dict[str, int]:
    from django.db import transaction
    from django.utils import timezone

    from koers.core.models import Client, Membership, Organisation, OrganisationKind, Role, User
    from koers.trajectories.models import (
        Contact,
        ContactOutcome,
        Plan,
        PlanKind,
        PlanVersion,
        Programme,
        Trajectory,
        TrajectoryStatus,
    )
    from koers.transition import models as m
    from koers.transition.services.kpi_stamps import kpi_memos_forget

    first_names, last_names = names
    tz = timezone.get_current_timezone()
    with transaction.atomic():
        company = Organisation.objects.create(name=COMPANY, kind=OrganisationKind.SOCIAL_ECONOMY)
        coaches = []
        for n in range(JOB_COACHES):
            coach = User.objects.create(
                username="bench-jobcoach" if n == 0 else f"bench-jobcoach-{n}",
                first_name=rng.choice(first_names),
                last_name=rng.choice(last_names),
                password=password if n == 0 else "!unusable",
            )
            Membership.objects.create(user=coach, organisation=company, role=Role.JOB_COACH)
            coaches.append(coach)
        clients = Client.objects.bulk_create(
            Client(
                organisation=company,
                first_name=rng.choice(first_names),
                last_name=rng.choice(last_names),
                birth_date=date(1975, 1, 1) + timedelta(days=i * 37 % 9000),
                consent_processing=True,
                search_name=f"werknemer {i}",
            )
            for i in range(files)
        )
        start = today - timedelta(days=400)
        trajectories = Trajectory.objects.bulk_create(
            Trajectory(
                client=c,
                programme=Programme.TRANSITION,
                responsible=coaches[i % JOB_COACHES],
                organisation=company,
                status=TrajectoryStatus.ACTIVE,
                start_date=start,
                phase="2.2",
            )
            for i, c in enumerate(clients)
        )
        tfiles = m.TransitionFile.objects.bulk_create(
            m.TransitionFile(
                trajectory=t,
                client=t.client,
                ruleset_version="2026-seeds",
                referral_state="intake",
                referred_on=start,
                proposed_by="coach",
                left_for_training_on=start + timedelta(days=200) if i % 25 == 0 else None,
            )
            for i, t in enumerate(trajectories)
        )
        employers = m.Employer.objects.bulk_create(
            m.Employer(organisation=company, name=f"Werkgever {n}") for n in range(40)
        )
        kinds = ["vacancy_discussed", "application", "job_interview", "training", "job_center_1"]
        contact_kinds = [
            "worker_company_visit",
            "phone_prospecting",
            "coach_prospecting_visit",
            "company_presentation",
            "job_day",
        ]
        activities, contacts, measures, placements, coaching, plans = [], [], [], [], [], []
        for i, f in enumerate(tfiles):
            coach = coaches[i % JOB_COACHES]
            for k in range(12):  # about one a month
                day = start + timedelta(days=30 * k + i % 28)
                activities.append(m.Activity(file=f, kind=kinds[(i + k) % 5], on=day, by=coach))
                coaching.append(
                    Contact(
                        trajectory=f.trajectory,
                        staff=coach,
                        starts_at=datetime(day.year, day.month, day.day, 9 + k % 6, tzinfo=tz),
                        duration_minutes=60,
                        outcome=ContactOutcome.HELD,
                    )
                )
            for k in range(4):
                contacts.append(
                    m.EmployerContact(
                        employer=employers[(i + k) % 40],
                        kind=contact_kinds[(i + k) % 5],
                        on=start + timedelta(days=90 * k + i % 60),
                        by=coach,
                    )
                )
            bvs_day = start + timedelta(days=150 + i % 90)
            measures.append(
                m.Measure(
                    file=f,
                    kind="bvs" if i % 3 else "tbs",
                    planned_start=bvs_day,
                    planned_end=bvs_day + timedelta(days=13),
                    started_on=bvs_day,
                    state="ended",
                )
            )
            if i % 4 == 0:
                placements.append(
                    m.Placement(file=f, destination="work", first_day=bvs_day + timedelta(days=30))
                )
            plans.append(Plan(trajectory=f.trajectory, kind=PlanKind.TRANSITION, title="PDP"))
        m.Activity.objects.bulk_create(activities, batch_size=5000)
        m.EmployerContact.objects.bulk_create(contacts, batch_size=5000)
        m.Measure.objects.bulk_create(measures, batch_size=5000)
        Contact.objects.bulk_create(coaching, batch_size=5000)
        placed = m.Placement.objects.bulk_create(placements, batch_size=5000)
        records = []
        for n, p in enumerate(placed):
            first_due = p.first_day + timedelta(weeks=2)
            if first_due <= today:
                records.append(
                    m.FollowupRecord(
                        placement=p,
                        day=first_due,
                        checkpoint="first",
                        status="in_work" if n % 5 else "stopped",
                        by=coaches[0],
                    )
                )
        m.FollowupRecord.objects.bulk_create(records, batch_size=5000)
        made = Plan.objects.bulk_create(plans, batch_size=5000)
        PlanVersion.objects.bulk_create(
            (PlanVersion(plan=p, number=1, content={}) for p in made), batch_size=5000
        )
        kpi_memos_forget()  # bulk_create passes no signal: no KPI memo may outlive it
    return {
        "transition files": len(tfiles),
        "activities": len(activities),
        "employer contacts": len(contacts),
        "measures": len(measures),
        "placements": len(placed),
        "follow-ups": len(records),
        "coaching contacts": len(coaching),
    }
