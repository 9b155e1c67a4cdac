"""The demo's PDPs, application actions and employers (TRN-07, TRN-08, TRN-13), for the job
coach `jobcoach`: two PDP versions for the workers with a signed engagement statement (demo
clients 22–24), eight employers with typed contacts and a year of actions, so that the KPI page
shows real figures. Everything goes through the services."""

from datetime import timedelta

from koers.core.demo import Demo, register_demo
from koers.trajectories.models import Contact, ContactOutcome
from koers.transition import models as m
from koers.transition.rules import plan as rules
from koers.transition.services import activities as activity_services
from koers.transition.services import employers as employer_services
from koers.transition.services import plan as plan_services

EMPLOYERS = (
    ("Logistiek Noord", "Logistiek", "Antwerpen", "Els Janssens", True),
    ("Groen & Co", "Groenaanleg", "Mortsel", "Tom Peeters", False),
    ("Voeding Vandamme", "Voeding", "Boom", "Sofie Vandamme", True),
    ("Schoonmaak Zorgzaam", "Schoonmaak", "Wilrijk", "Nadia El Idrissi", None),
    ("Koeriers Express", "Transport", "Kontich", "Jan Wouters", False),
    ("Brico Planit Zuid", "Retail", "Edegem", "Lotte Claes", True),
    ("Haven Stouwerij", "Haven", "Antwerpen", "Marc De Smet", True),
    ("Kinopolis Antwerpen", "Vrije tijd", "Antwerpen", "Ilse Maes", None),
)
# (days ago, kind) of the employer contacts, spread over the last twelve months.
CONTACTS = (
    (350, "phone_prospecting"),
    (320, "coach_prospecting_visit"),
    (290, "phone_prospecting"),
    (260, "company_presentation"),
    (230, "worker_company_visit"),
    (200, "job_day"),
    (170, "phone_prospecting"),
    (140, "coach_prospecting_visit"),
    (110, "job_fair"),
    (80, "phone_prospecting"),
    (50, "worker_company_visit"),
    (20, "company_presentation"),
)
# (days ago, kind, training, form) of each worker's actions; the employer follows the index.
ACTIONS = (
    (330, "training", "application_training", "collective"),
    (300, "training", "cv", "collective"),
    (270, "job_center_1", "", ""),
    (240, "training", "stoefboek", "collective"),
    (200, "job_center_2", "", ""),
    (160, "vacancy_discussed", "", ""),
    (120, "application", "", ""),
    (90, "training", "motivation_letter", "individual"),
    (60, "job_search", "", ""),
    (40, "vacancy_discussed", "", ""),
    (25, "job_interview", "", ""),
)
ANSWERS_1 = {
    "jobdoelwit": "Een vaste job in de logistiek, liefst dichtbij huis.",
    "nodig": "Een heftruckattest en ervaring met scanners.",
    "belemmeringen": "Geen rijbewijs; de eerste bus is pas om 6u.",
    "hulpbronnen": "Broer kan 's morgens rijden; VDAB-opleiding heftruck.",
}
ANSWERS_2 = ANSWERS_1 | {
    "zelf": "Fiets proberen voor vroege shiften; zelf vacatures zoeken in job center.",
    "competenties": "Stiptheid en om hulp vragen (groeipunten uit het assessment).",
}


def _signed(file: m.TransitionFile, coach, on) -> None:
    """The intake demo signs the engagement statement; when it did not run, a minimal intake
    row (decision start, both signatures) stands in for it."""
    if m.Intake.objects.filter(file=file).exists():
        return
    m.Intake.objects.create(
        file=file,
        coach=coach,
        held_on=on,
        decision=m.Decision.START,
        decided_on=on,
        engagement_worker_signed_on=on,
        engagement_coach_signed_on=on,
    )


def _plan(file, coach, today) -> None:
    actions = [
        rules.Action(
            "Heftruckopleiding VDAB inplannen",
            today - timedelta(days=20),
            today - timedelta(days=5),
            "Jobcoach",
        ),
        rules.Action(
            "CV bijwerken met de stage",
            today - timedelta(days=14),
            today + timedelta(days=7),
            "Werknemer",
        ),
    ]
    plan_services.pdp_save(file=file, answers=ANSWERS_1, actions=actions, acting_user=coach)
    actions = [
        rules.Action(
            actions[0].action,
            actions[0].starts_on,
            actions[0].ends_on,
            "Jobcoach",
            "+/-",
            "Start volgende maand",
        ),
        rules.Action(actions[1].action, actions[1].starts_on, actions[1].ends_on, "Werknemer", "+"),
        rules.Action(
            "Drie vacatures per week bespreken",
            today,
            today + timedelta(days=30),
            "Werknemer en jobcoach",
        ),
    ]
    plan_services.pdp_save(file=file, answers=ANSWERS_2, actions=actions, acting_user=coach)
    held = (
        Contact.objects.filter(trajectory=file.trajectory, outcome=ContactOutcome.HELD)
        .order_by("-starts_at")
        .first()
    )
    plan_services.pdp_review(
        file=file, contact=held, reviewed_on=today - timedelta(days=2), acting_user=coach
    )


def _activities(file, coach, employers, today, offset: int) -> None:
    for k, (days, kind, training, form) in enumerate(ACTIONS):
        employer = employers[(k + offset) % len(employers)]
        hunting = kind in {"vacancy_discussed", "job_interview", "application"}
        activity_services.activity_add(
            file=file,
            data=activity_services.ActivityData(
                kind=kind,
                on=today - timedelta(days=days - offset * 3),
                training=training,
                training_form=form,
                employer=employer if hunting else None,
                vacancy="Orderpicker" if kind == "vacancy_discussed" else "",
            ),
            acting_user=coach,
        )


def build_plan(demo: Demo) -> None:
    social, coach, today = demo.orgs["social"], demo.staff["jobcoach"], demo.today
    employers = [
        employer_services.employer_create(
            organisation=social,
            data={
                "name": name,
                "sector": sector,
                "municipality": town,
                "contact_name": person,
                "has_union_delegation": union,
            },
            acting_user=coach,
        )
        for name, sector, town, person, union in EMPLOYERS
    ]
    files = list(
        m.TransitionFile.objects.filter(
            trajectory__organisation=social, client__in=demo.clients[22:25]
        )
        .select_related("trajectory", "client")
        .order_by("client_id")
    )
    for k, (days, kind) in enumerate(CONTACTS):
        employer_services.employer_contact_add(
            employer=employers[k % len(employers)],
            data=employer_services.ContactData(
                kind=kind,
                on=today - timedelta(days=days),
                by=coach,
                files=files[: 1 + k % 3]
                if kind in {"worker_company_visit", "job_day", "job_fair"}
                else [],
                note="Gesprek met de personeelsverantwoordelijke.",
            ),
            acting_user=coach,
        )
    for offset, file in enumerate(files):
        _signed(file, coach, file.trajectory.start_date or today - timedelta(days=60))
        _plan(file, coach, today)
        _activities(file, coach, employers, today, offset)
        if offset < 2:
            activity_services.portfolio_set(
                file=file,
                pieces=["cv", "motivation_letter", "stoefboek"][: 2 + offset],
                vdab_status="working_and_seeking" if offset else "working",
                acting_user=coach,
            )


register_demo("transition_plan", build_plan, order=45)
