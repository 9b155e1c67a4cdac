"""A job coach's main path through the social-economy transition programme in a real browser:
referral → intake → assessment → PDP → BVS → transition → 2-week and 6-month follow-up
(TRN-01..03, TRN-06, TRN-07, TRN-09, TRN-15..17)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from koers.transition import models as m
from koers.transition.rules.measure_kinds import add_months
from tests.e2e.sign_in import sign_in
from tests.transition.conftest import (  # noqa: F401 (fixtures)
    company,
    job_coach,
    second_job_coach,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BRUSSELS = ZoneInfo("Europe/Brussels")
# Our own fixed day (a Monday), whatever day the suite runs on (KOERS_TEST_TODAY included).
DAY0 = date(2026, 10, 5)
PASSWORD = "secret-pass-123"


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _at(day: date, hour: int = 10):
    return datetime.combine(day, time(hour, 0), tzinfo=BRUSSELS)


def _fill(page, form: str, values: dict) -> None:
    """Text fields, selects (by value) and checkboxes (True) of one form."""
    for name, value in values.items():
        field = page.locator(f"{form} [name={name}]").first
        tag = field.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
        if tag.startswith("select"):
            field.select_option(str(value))
        elif tag.endswith("checkbox") or tag.endswith("radio"):
            page.locator(f"{form} [name={name}][value='{value}']").check() if not isinstance(
                value, bool
            ) else field.check()
        else:
            field.fill(str(value))


def _submit(page, form: str = "main form.form", button: str = "button[type=submit]") -> None:
    with page.expect_navigation():
        page.locator(f"{form} {button}").first.click()


def _phase(page) -> str:
    return page.locator("[aria-current=step] .steps__code").inner_text().strip()


def _section(page, heading_id: str) -> str:
    return page.locator(f"section[aria-labelledby={heading_id}]").inner_text()


def test_trn_job_coach_main_path_in_the_browser(
    live_server,
    browser_page,
    company,  # noqa: F811
    job_coach,  # noqa: F811
    second_job_coach,  # noqa: F811 (fixtures)
):
    page = browser_page
    base = live_server.url
    page.on("dialog", lambda d: d.accept())  # data-confirm buttons ask first

    with time_machine.travel(_at(DAY0), tick=True):
        file = _referral_and_intake(page, base, company, second_job_coach)
        file_url = f"{base}/doorstroom/dossier/{file.pk}/"
        _assessment(page, base, file, file_url, second_job_coach)
        _plan(page, base, file, file_url)
        _bvs(page, base, file, file_url)

    first_day = DAY0 + timedelta(days=14)  # the BVS ran its two weeks (TRN-09)
    # Each travel of the server clock ends the session (days of inactivity): log in again.
    with time_machine.travel(_at(first_day), tick=True):
        sign_in(page, base, "rudi", PASSWORD)
        placement_url = _transition(page, base, file, file_url, first_day)

    # TRN-17: the checkpoints, 14 days and 6 months after the first day, on their due day.
    with time_machine.travel(_at(first_day + timedelta(days=14)), tick=True):
        sign_in(page, base, "rudi", PASSWORD)
        _follow_up(page, placement_url, first_day + timedelta(days=14), "first")
    second = add_months(first_day, 6)
    with time_machine.travel(_at(second), tick=True):
        sign_in(page, base, "rudi", PASSWORD)
        _follow_up(page, placement_url, second, "second")
        page.goto(file_url)
        followup = _section(page, "h-followup")
        assert "geregistreerd nog aan het werk (02/11/2026)" in followup, followup
        assert "geregistreerd nog aan het werk (19/04/2027)" in followup, followup
        assert _phase(page) == "3"


def _referral_and_intake(page, base, organisation, second_coach):
    sign_in(page, base, "rudi", PASSWORD)

    # 1. TRN-02/15: the job coach proposes the worker (supervisor's proposal, why, job target).
    # A worker new to Koers: the company's workers without any trajectory are not in the
    # "Werknemer" list for a job coach (Client.visible_to goes through trajectories).
    page.goto(f"{base}/doorstroom/voorstellen/")
    _fill(
        page,
        "main form.form",
        {
            "organisation": organisation.pk,
            "first_name": "Karim",
            "last_name": "Benali",
            "referred_on": _d(DAY0),
            "proposed_by": "supervisor",
            "proposer_name": "Patrick Werkleider",
            "why": "Haalt al een jaar de normen en wil een vast contract.",
            "job_target": "Magazijnmedewerker",
            "supervisors": "Patrick Werkleider\nAn Instructeur",
        },
    )
    _submit(page)
    page.wait_for_url("**/doorstroom/dossier/*/")
    file = m.TransitionFile.objects.get(client__last_name="Benali")
    assert _phase(page) == "1.1"
    assert "Magazijnmedewerker" in _section(page, "h-referral")

    # The readiness dialogue on the seed's four points.
    page.click("section[aria-labelledby=h-referral] a:has-text('Doorstroomdialoog')")
    page.wait_for_url("**/dialoog/")
    _fill(
        page,
        "main form.form",
        {
            "held_on": _d(DAY0),
            "motivation": "Wil een vast contract in een gewoon bedrijf",
            "strengths": "Stipt en nauwkeurig; vraagt soms te laat hulp",
            "why_ready": "Haalt de normen al een jaar",
            "job_target": "Ja: magazijnmedewerker",
        },
    )
    _submit(page)
    referral = _section(page, "h-referral")
    assert "Wil een vast contract in een gewoon bedrijf" in referral
    assert _phase(page) == "1.1"

    # TRN-15 checks, then the official invitation to intake (data-confirm).
    page.click("section[aria-labelledby=h-referral] a:has-text('Controles en uitnodiging')")
    page.wait_for_url("**/uitnodigen/")
    _fill(
        page,
        "main form.form",
        {"basic_dutch_confirmed": True, "no_pretext_confirmed": True, "invited_on": _d(DAY0)},
    )
    _submit(page, button="button.btn--primary[type=submit]")
    referral = _section(page, "h-referral")
    assert f"Officieel uitgenodigd voor het intakegesprek op {_d(DAY0)}" in referral
    assert _phase(page) == "1.2"

    # 2. TRN-03: the intake with the second coach, a STARR example, "start", feedback, signatures.
    page.click("section[aria-labelledby=h-intake] a:has-text('Intake vastleggen')")
    page.wait_for_url("**/intake/")
    _fill(
        page,
        "main form.form",
        {
            "held_on": _d(DAY0),
            "second_coach": second_coach.pk,
            "second_coach_independent": True,
            "motivation": "Wil groeien naar een vaste job in logistiek.",
        },
    )
    _submit(page)
    assert "Sara Claes" in _section(page, "h-intake")

    page.goto(f"{base}/doorstroom/dossier/{file.pk}/intake/administratief/")
    _fill(page, "main form.form", {"by_worker": True, "completed": True})
    _submit(page)

    page.goto(f"{base}/doorstroom/dossier/{file.pk}/intake/starr/")
    _fill(
        page,
        "main form.form",
        {
            "competence": "initiatief",
            "situation": "Een collega viel uit",
            "task": "Zijn ploeg bijstaan",
            "action": "Nam de planning over",
            "result": "Alles tijdig klaar",
            "reflection": "Sneller hulp vragen",
        },
    )
    _submit(page)
    assert "volledig" in _section(page, "h-intake")

    page.click("section[aria-labelledby=h-intake] a:has-text('Beslissing')")
    page.wait_for_url("**/beslissing/")
    _fill(page, "main form.form", {"decision": "start", "decided_on": _d(DAY0)})
    _submit(page)
    assert "Start doorstroomtraject" in _section(page, "h-intake")

    page.click("section[aria-labelledby=h-intake] a:has-text('Feedback')")
    page.wait_for_url("**/feedback/")
    _fill(
        page,
        "main form.form",
        {
            "worker_on": _d(DAY0),
            "supervisors_on": _d(DAY0),
            "text": "Geselecteerd: start van het doorstroomtraject.",
        },
    )
    _submit(page)
    assert "Geselecteerd: start van het doorstroomtraject." in _section(page, "h-intake")

    page.click("section[aria-labelledby=h-intake] a:has-text('Handtekeningen registreren')")
    page.wait_for_url("**/engagement/")
    _fill(page, "main form.form", {"worker_on": _d(DAY0), "coach_on": _d(DAY0)})
    _submit(page)
    intake = _section(page, "h-intake")
    assert "eerste mijlpaal" in intake and f"jobcoach op {_d(DAY0)}" in intake
    # The signed engagement statement, the first milestone, moves the worker to 1.3.
    assert _phase(page) == "1.3"
    return file


def _assessment(page, base, file, file_url, second_coach):
    """3. TRN-06/16: a session, the worker as candidate, two assessors, one task, an observation,
    both assessors' proposals, the agreed level and the report."""
    page.goto(f"{base}/doorstroom/assessment/nieuw/")
    _fill(
        page,
        "main form.form",
        {
            "title": "Assessment magazijn",
            "job_target": "Magazijnmedewerker",
            "indicators_agreed_on": _d(DAY0),
        },
    )
    _submit(page)
    page.wait_for_url("**/doorstroom/assessment/*/")
    session_url = page.url

    page.click("summary:has-text('Proef toevoegen')")
    form = "form[action$='/proef/']"
    _fill(
        page,
        form,
        {
            "name": "Orderpicking",
            "day": _d(DAY0),
            "purpose": "Orderpicking volgens een lijst, zoals in het magazijn",
            "purpose_explained": True,
        },
    )
    _submit(page, form)
    assert "Orderpicking" in _section(page, "h-tasks")

    form = "form[action$='/kandidaat/']"
    _fill(page, form, {"file": file.pk})
    _submit(page, form)
    assert "Karim Benali" in _section(page, "h-candidates")

    form = "form[action$='/assessor/']"
    for name in ("Rudi Dewaele", second_coach.get_full_name()):
        option = page.locator(f"{form} select[name=user] option:has-text('{name}')")
        if option.count():  # the session's maker may be an assessor already
            _fill(page, form, {"user": option.get_attribute("value")})
            _submit(page, form)
    assessors = page.locator("section[aria-labelledby=h-assessors] ul").inner_text()
    assert "Rudi Dewaele" in assessors and "Sara Claes" in assessors

    form = "form[action$='/waarneming/']"
    _fill(
        page,
        form,
        {
            "competence": "initiatief",
            "text": "Haalde zonder vraag een transpallet toen de lijst klaar was.",
        },
    )
    _submit(page, form)
    assert "Haalde zonder vraag een transpallet" in _section(page, "h-notes")

    page.click("section[aria-labelledby=h-candidates] a:has-text('Karim Benali')")
    page.wait_for_url("**/doorstroom/kandidaat/*/")
    candidate_url = page.url
    _propose_level(page, "3")

    # The second assessor proposes as herself: log in as Sara in the same browser.
    sign_in(page, base, second_coach.username, PASSWORD)
    page.goto(candidate_url)
    _propose_level(page, "3")
    sign_in(page, base, "rudi", PASSWORD)
    page.goto(session_url)
    assert "eensgezind" in _section(page, "h-matrix")

    page.goto(candidate_url)
    form = "form[action$='/afgesproken/']"
    _fill(page, form, {"competence": "initiatief", "level": "3"})
    _submit(page, form)
    form = "form[action$='/rapport/opmaken/']"
    _submit(page, form)
    page.goto(file_url)
    assessment = _section(page, "h-assessment")
    assert "rapport" in assessment and "goed" in assessment.lower()
    assert _phase(page) == "2.1"


def _propose_level(page, level: str) -> None:
    form = "form[action$='/voorstel/']"
    _fill(page, form, {"competence": "initiatief", "level": level})
    _submit(page, form)


def _plan(page, base, file, file_url):
    """4. TRN-07: the PDP's first version with an action row."""
    page.goto(file_url)
    page.click("a:has-text('PDP opmaken')")
    page.wait_for_url("**/pdp/")
    form = "main form.form"
    first_answer = page.locator(f"{form} textarea[name^=answer_]").first
    first_answer.fill("Magazijnmedewerker in een logistiek bedrijf")
    _fill(
        page,
        form,
        {
            "a0_action": "CV opmaken",
            "a0_starts_on": _d(DAY0),
            "a0_ends_on": _d(DAY0 + timedelta(days=7)),
            "a0_who": "Karim",
        },
    )
    _submit(page, form)
    page.goto(file_url)
    assert "CV opmaken" in _section(page, "h-pdp") or "Versie 1" in _section(page, "h-pdp")
    assert _phase(page) == "2.2"


def _bvs(page, base, file, file_url):
    """5. TRN-09: a BVS planned with an employer, its documents ticked, started."""
    page.goto(file_url)
    page.click("a:has-text('BVS') >> nth=0")
    page.wait_for_url("**/maatregel/nieuw/**")
    form = "main form.form"
    _fill(
        page,
        form,
        {
            "new_employer_name": "Logistiek Vlaanderen nv",
            "mentor": "Joris Mentor",
            "task_description": "Meelopen in het magazijn: orders klaarzetten, geen productie.",
            "planned_start": _d(DAY0),
            "planned_end": _d(DAY0 + timedelta(days=13)),
        },
    )
    _submit(page, form)
    page.wait_for_url("**/doorstroom/maatregel/*/")
    form = "form[action$='/documenten/']"
    for box in page.locator(f"{form} input[type=checkbox]").all():
        box.check()
    _submit(page, form)
    _submit(page, "form[action$='/starten/']")
    page.goto(file_url)
    assert "Logistiek Vlaanderen nv" in _section(page, "h-measures")
    assert _phase(page) == "2.4"


def _transition(page, base, file, file_url, first_day) -> str:
    """6. TRN-17: the transition to regular work, its first day."""
    page.goto(file_url)
    page.click("a:has-text('Doorstroom registreren')")
    page.wait_for_url("**/doorstroom/nieuw/")
    form = "main form.form"
    _fill(
        page,
        form,
        {
            "destination": "work",
            "first_day": _d(first_day),
            "new_employer_name": "Logistiek Vlaanderen nv",
        },
    )
    _submit(page, form)
    page.goto(file_url)
    assert _phase(page) == "3"
    assert _d(first_day) in _section(page, "h-followup")
    page.click("a:has-text('Opvolging bekijken en registreren')")
    page.wait_for_url("**/doorstroom/doorstroom/*/")
    return page.url


def _follow_up(page, placement_url, day, checkpoint):
    """7. TRN-17: a checkpoint recorded, the worker still at work."""
    page.goto(placement_url)
    form = "form[action$='/opvolging/']"
    _fill(page, form, {"day": _d(day), "checkpoint": checkpoint, "status": "in_work"})
    _submit(page, form)
