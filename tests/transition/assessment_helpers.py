"""Set-up shared by the assessment tests: a session of the company with tasks, candidates and
the two job coaches as assessors, made through the services."""

from datetime import date

from koers.transition.services import assessment as services
from tests.factories import ClientFactory
from tests.transition.conftest import open_file


def make_session(company, coach, *, title="Assessment magazijn", tasks=2, days=2):
    session = services.session_create(
        data=services.SessionData(
            title=title, job_target="Magazijnmedewerker", organisation=company
        ),
        acting_user=coach,
    )
    for i in range(tasks):
        services.task_add(
            session=session,
            data=services.TaskData(
                name=f"Proef {i + 1}",
                day=date(2026, 10, 6 + (i % days)),
                purpose="Orderpicking volgens een lijst",
                purpose_explained=True,
                competences=["initiatief", "nauwkeurigheid"],
            ),
            acting_user=coach,
        )
    return session


def add_candidates(session, company, coach, n, *, first=None):
    """`n` candidates (the first one the given file, when there is one)."""
    made = []
    files = [first] if first is not None else []
    while len(files) < n:
        worker = ClientFactory(organisation=company, last_name=f"Kandidaat{len(files)}")
        files.append(open_file(worker, coach, company))
    for file in files[:n]:
        candidate, _w = services.candidate_add(session=session, file=file, acting_user=coach)
        made.append(candidate)
    return made


def add_assessors(session, *coaches):
    for coach in coaches:
        services.assessor_add(session=session, user=coach, acting_user=coaches[0])
