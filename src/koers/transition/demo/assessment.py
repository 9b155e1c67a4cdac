"""The demo's competence profile and assessment centre (TRN-04..06, TRN-16): the social-economy
company's profile seeded (with indicator rows for a few more competences), a second job coach
("jobcoach2"), and one session — two tasks over two days, three candidates, two assessors who
note facts, propose levels (disagreeing on two competences, one by two levels), agree on some,
and one report made. Everything through the services."""

from datetime import timedelta

from koers.core.data import StaffData
from koers.core.demo import DEMO_PASSWORD, Demo, register_demo
from koers.core.models import Role
from koers.core.services import staff_create
from koers.transition import models as m
from koers.transition.services import assessment as sessions
from koers.transition.services import assessment_levels as levels
from koers.transition.services import assessment_report as reports
from koers.transition.services import competences

# A few organisation-made indicator rows (the seed gives them for "Initiatief" only).
ROWS = {
    "nauwkeurigheid": (
        "Maakt veel fouten en merkt ze niet op.",
        "Maakt fouten en verbetert ze als iemand erop wijst.",
        "Werkt nauwkeurig en controleert zijn werk op vraag.",
        "Werkt nauwkeurig en controleert zijn werk uit zichzelf.",
    ),
    "samenwerken": (
        "Werkt alleen, ook als de taak om samenwerking vraagt.",
        "Werkt samen als het gevraagd wordt.",
        "Stemt zijn werk af met collega's.",
        "Stemt af en helpt collega's spontaan.",
    ),
}

# (candidate index, assessor index, competence, fact)
NOTES = (
    (0, 0, "initiatief", "Vraagt na het afwerken van de orderlijst zelf om een volgende lijst."),
    (
        0,
        0,
        "initiatief",
        "Meldt dat de voorraad van artikel 14 op is voor de verantwoordelijke het vraagt.",
    ),
    (0, 1, "initiatief", "Wacht 5 minuten bij de lege kar tot iemand zegt wat te doen."),
    (0, 1, "nauwkeurigheid", "Telt 3 van de 20 orderlijnen verkeerd."),
    (0, 0, "nauwkeurigheid", "Controleert de eerste lijst, de tweede niet."),
    (0, 0, "samenwerken", "Verdeelt de orderlijst met zijn collega voor ze beginnen."),
    (0, 1, "motivatie", "Vraagt twee keer wat een magazijnmedewerker verdient."),
    (
        1,
        0,
        "stressbestendigheid",
        "Laat de lijst vallen toen de tijd werd afgeroepen en begint opnieuw.",
    ),
    (
        1,
        1,
        "stressbestendigheid",
        "Werkt in hetzelfde tempo door na de aankondiging van 5 minuten.",
    ),
    (1, 1, "samenwerken", "Geeft zijn collega de scanner als die erom vraagt."),
    (2, 0, "", "Leest de receptkaart hardop voor aan de groep."),
    (2, 1, "discipline", "Zet de messen terug in de houder na gebruik, 4 van de 4 keer."),
)

# (candidate index, competence, level by assessor 1, by assessor 2, agreed level or None)
PROPOSALS = (
    (0, "initiatief", 2, 4, 3),  # two levels apart: aligned in the discussion
    (0, "nauwkeurigheid", 3, 2, 2),
    (0, "samenwerken", 3, 3, None),
    (0, "motivatie", 3, 3, None),
    (1, "stressbestendigheid", 2, 3, None),  # still to align
    (1, "samenwerken", 3, 3, None),
)


def _second_coach(demo: Demo):
    return staff_create(
        data=StaffData(
            username="jobcoach2",
            first_name="Sara",
            last_name="Claes",
            email="jobcoach2@horizon.example.be",
            organisation=demo.orgs["social"],
            roles=[Role.JOB_COACH],
            password=DEMO_PASSWORD,
        ),
        acting_user=demo.staff["beheerder"],
    )


def _profile(demo: Demo, coach) -> None:
    organisation = demo.orgs["social"]
    competences.profile_ensure(organisation, acting_user=coach)
    for code, texts in ROWS.items():
        competence = m.Competence.objects.get(organisation=organisation, code=code)
        competences.indicator_add(
            competence=competence, texts=competences.RowTexts(*texts), acting_user=coach
        )


def _session(demo: Demo, coach, coach2, files):
    session = sessions.session_create(
        data=sessions.SessionData(
            title="Assessment-center logistiek en keuken",
            job_target="Magazijnmedewerker in de logistiek",
            organisation=demo.orgs["social"],
            indicators_agreed_on=demo.today - timedelta(days=10),
        ),
        acting_user=coach,
    )
    for name, days_ago, purpose, observed in (
        ("Scenario Magazijn + stock", 7, "Orderpicking volgens een lijst, zoals in een magazijn", ["initiatief", "nauwkeurigheid", "samenwerken"]),
        ("Scenario Kookopdracht", 6, "Een recept in groep bereiden: afspraken en samenwerking", ["samenwerken", "discipline", "stressbestendigheid"]),
    ):  # fmt: skip
        sessions.task_add(
            session=session,
            data=sessions.TaskData(
                name, demo.today - timedelta(days=days_ago), purpose, True, observed
            ),
            acting_user=coach,
        )
    candidates = [
        sessions.candidate_add(session=session, file=f, acting_user=coach)[0] for f in files
    ]
    for assessor in (coach, coach2):
        sessions.assessor_add(session=session, user=assessor, acting_user=coach)
    return session, candidates


def build_assessment(demo: Demo) -> None:
    coach = demo.staff["jobcoach"]
    coach2 = _second_coach(demo)
    _profile(demo, coach)
    files = list(
        m.TransitionFile.objects.visible_to(coach)
        .filter(trajectory__organisation=demo.orgs["social"])
        # Workers past the first milestone (TRN-01): the intake said "start", both signed.
        .filter(intake__decision="start", intake__engagement_worker_signed_on__isnull=False)
        .order_by("pk")[:3]
    )
    if len(files) < 2:
        return
    session, candidates = _session(demo, coach, coach2, files)
    assessors = (coach, coach2)
    tasks = list(session.tasks.all())
    for i, (who, by, code, fact) in enumerate(NOTES):
        if who < len(candidates):
            levels.observation_add(
                session=session,
                candidate_id=candidates[who].pk,
                task_id=tasks[i % 2].pk,
                text=fact,
                competence=code,
                acting_user=assessors[by],
            )
    for who, code, first, second, agreed in PROPOSALS:
        for assessor, level in zip(assessors, (first, second), strict=True):
            levels.proposal_set(
                session=session, candidate_id=candidates[who].pk, competence=code,
                level=level, acting_user=assessor,
            )  # fmt: skip
        if agreed:
            levels.agreed_level_set(
                candidate=candidates[who], competence=code, level=agreed, acting_user=coach,
                note="Afgestemd na de bespreking van de waarnemingen.",
            )  # fmt: skip
    reports.report_save(
        candidate=candidates[0],
        texts=reports.ReportTexts(
            growth_points="Zelf controleren of de orderlijst klopt\nVragen stellen bij twijfel",
            attention_points="Wacht af wanneer de verantwoordelijke er niet is",
            compared_with_intake="De intake en de werkleider zagen initiatief; in het "
            "assessment was het wisselend (matig tot zeer goed), afgesproken: goed.",
            fed_back_on=demo.today - timedelta(days=2),
        ),
        acting_user=coach,
    )
    reports.report_make(candidate=candidates[0], acting_user=coach)


register_demo("transition_assessment", build_assessment, order=44)
