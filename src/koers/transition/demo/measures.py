"""The demo's work measures and transition (TRN-09..12, TRN-17), for the job coach `jobcoach`:
a BVS under way (documents complete, an interim evaluation by phone), a worker who moved to
regular work after a BVS (the 2-week follow-up recorded, the 6-month one due now), and an IBO
planned with one permission still missing. Built through the services, on the demo's day.

The intake slice normally signs the engagement statements; where its rows are missing this part
records a minimal intake (decision "start", engagement signed) so the phases read right."""

from datetime import date, timedelta

from koers.core.demo import Demo, register_demo
from koers.core.history import save_with_user
from koers.transition import models as m
from koers.transition.rules.measure_kinds import add_months
from koers.transition.selectors.measures import competences_of
from koers.transition.services import followup as followup_services
from koers.transition.services import measures as services
from koers.transition.services.phase import phase_refresh

BVS_DOCS = frozenset(
    {
        "bvs_agreement",
        "social_inspection_permission",
        "task_description",
        "insurance_broker_check",
        "mentor_named",
    }
)
IBO_DOCS_BUT_RVA = frozenset(
    {"vdab_ibo_permission", "ibo_agreement", "training_plan", "sample_contract"}
)


def _employer(organisation, name: str, sector: str, municipality: str) -> m.Employer:
    found = m.Employer.objects.filter(organisation=organisation, name=name).first()
    return found or m.Employer.objects.create(
        organisation=organisation, name=name, sector=sector, municipality=municipality
    )


def _engaged(file: m.TransitionFile, coach, day: date) -> None:
    """A minimal signed engagement statement when the intake slice made none (see above)."""
    intake = m.Intake.objects.filter(file=file).first()
    if intake and intake.engagement_worker_signed_on and intake.engagement_coach_signed_on:
        return
    intake = intake or m.Intake(file=file, coach=coach, held_on=day)
    intake.decision = m.Decision.START
    intake.decided_on = intake.decided_on or day
    intake.engagement_worker_signed_on = intake.engagement_worker_signed_on or day
    intake.engagement_coach_signed_on = intake.engagement_coach_signed_on or day
    save_with_user(intake, coach)
    phase_refresh(file, acting_user=coach)


def _levels(organisation, *values: int) -> dict[str, int]:
    codes = [c.code for c in competences_of(organisation)]
    return dict(zip(codes, values, strict=False))


def _bvs(file, coach, employer, start: date, **extra) -> m.Measure:
    data = services.MeasureData(
        kind="bvs",
        planned_start=start,
        employer=employer,
        mentor=extra.pop("mentor"),
        task_description=extra.pop("task"),
    )
    measure, _ = services.measure_plan(file=file, data=data, acting_user=coach)
    services.measure_documents_update(
        measure=measure, data=services.DocumentsData(present=BVS_DOCS), acting_user=coach
    )
    services.measure_start(measure=measure, acting_user=coach, on=start)
    return measure


def _running_bvs(file, coach, employer, today: date) -> None:
    start = today - timedelta(days=6)
    _engaged(file, coach, start - timedelta(days=40))
    measure = _bvs(
        file,
        coach,
        employer,
        start,
        mentor="Ingrid Maes (teamleider magazijn)",
        task="Orderpicking met handscanner, aanvullen van de rekken, meehelpen bij inventaris.",
    )
    services.measure_evaluate(
        measure=measure,
        kind="interim",
        on=start + timedelta(days=3),
        by_phone=True,
        levels=_levels(file.trajectory.organisation, 3, 3, 2, 3, 4, 3),
        remarks="Telefonisch met de meter: stipt, vraagt zelf om uitleg; tempo nog wat laag.",
        acting_user=coach,
    )


def _placed(file, coach, employer, today: date) -> None:
    first_day = add_months(today, -6) - timedelta(days=2)  # the 6-month checkpoint is due now
    bvs_start = first_day - timedelta(days=35)
    _engaged(file, coach, bvs_start - timedelta(days=60))
    measure = _bvs(
        file,
        coach,
        employer,
        bvs_start,
        mentor="Koen Verhaeghe",
        task="Groenonderhoud: maaien, snoeien, opruimen van de werven.",
    )
    organisation = file.trajectory.organisation
    for kind, offset in (("interim", 4), ("final", 12)):
        services.measure_evaluate(
            measure=measure,
            kind=kind,
            on=bvs_start + timedelta(days=offset),
            by_phone=kind == "interim",
            levels=_levels(organisation, 3, 4, 3, 3, 3, 4),
            acting_user=coach,
        )
    services.measure_close(measure=measure, acting_user=coach, on=bvs_start + timedelta(days=13))
    placement = followup_services.placement_record(
        file=file,
        data=followup_services.PlacementData(
            destination="work", first_day=first_day, employer=employer, measure=measure
        ),
        acting_user=coach,
    )
    followup_services.followup_add(
        placement=placement,
        data=followup_services.FollowupData(
            day=first_day + timedelta(days=15),
            status="in_work",
            checkpoint="first",
            note="Goed gestart; de ploegbaas is tevreden.",
        ),
        acting_user=coach,
    )


def _planned_ibo(file, coach, employer, today: date) -> None:
    _engaged(file, coach, today - timedelta(days=90))
    start = today + timedelta(days=14)
    data = services.MeasureData(
        kind="ibo",
        planned_start=start,
        planned_end=add_months(start, 3) - timedelta(days=1),
        employer=employer,
        mentor="Els De Smet",
        task_description="Productiemedewerker voeding: opleidingsplan van 3 maanden.",
        sample_contract_on=today - timedelta(days=5),
    )
    measure, _ = services.measure_plan(file=file, data=data, acting_user=coach)
    services.measure_documents_update(
        measure=measure,
        data=services.DocumentsData(
            present=IBO_DOCS_BUT_RVA, sample_contract_on=today - timedelta(days=5)
        ),
        acting_user=coach,
    )


def build(demo: Demo) -> None:
    organisation = demo.orgs["social"]
    coach = demo.staff["jobcoach"]
    files = list(
        m.TransitionFile.objects.filter(trajectory__organisation=organisation)
        .select_related("trajectory__organisation")
        .order_by("client_id")
    )
    if len(files) < 5:
        return
    logistics = _employer(organisation, "Logistiek Noord", "Logistiek", "Gent")
    green = _employer(organisation, "Groendienst Vercruysse", "Groenonderhoud", "Deinze")
    food = _employer(organisation, "Bakkerij De Gouden Aar", "Voeding", "Eeklo")
    _running_bvs(files[2], coach, logistics, demo.today)  # client 22
    _placed(files[3], coach, green, demo.today)  # client 23
    _planned_ibo(files[4], coach, food, demo.today)  # client 24


register_demo("transition_measures", build, order=46)
