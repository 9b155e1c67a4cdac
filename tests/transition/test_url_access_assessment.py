"""Every URL with an id of the competence profile (TRN-04/05) and the assessment centre
(TRN-06/16): the owner opens it (200, or 405 for a POST-only URL on GET); a job coach of another
company gets 404 on GET and POST."""

import pytest
from django.urls import reverse

from koers.transition.services import assessment_levels as levels
from koers.transition.services import competences
from tests.transition.assessment_helpers import add_assessors, add_candidates, make_session

OBJECT_FOR_URL = {
    "transition_profile": "organisation",
    "transition_profile_competence_add": "organisation",
    "transition_observation_form": "organisation",
    "transition_competence": "competence",
    "transition_competence_toggle": "competence",
    "transition_competence_edit": "competence",
    "transition_indicator_add": "competence",
    "transition_indicator_edit": "indicator",
    "transition_session": "session",
    "transition_session_task_add": "session",
    "transition_session_candidate_add": "session",
    "transition_session_assessor_add": "session",
    "transition_session_observation_add": "session",
    "transition_observation_classify": "observation",
    "transition_candidate": "candidate",
    "transition_candidate_proposal": "candidate",
    "transition_candidate_agreed": "candidate",
    "transition_candidate_report": "candidate",
    "transition_candidate_report_make": "candidate",
}
GET_PAGES = {
    "transition_profile",
    "transition_observation_form",
    "transition_competence",
    "transition_session",
    "transition_candidate",
}


@pytest.fixture
def objects(company, job_coach, second_job_coach, transition_file):
    competences.profile_ensure(company, acting_user=job_coach)
    session = make_session(company, job_coach)
    add_assessors(session, job_coach, second_job_coach)
    candidate = add_candidates(session, company, job_coach, 1, first=transition_file)[0]
    observation, _w = levels.observation_add(
        session=session, candidate_id=candidate.pk, text="Begint meteen.", acting_user=job_coach
    )
    competence = company.competences.get(code="initiatief")
    return {
        "organisation": company,
        "competence": competence,
        "indicator": competence.indicators.first(),
        "session": session,
        "candidate": candidate,
        "observation": observation,
    }


def _url(name, objects):
    return reverse(name, kwargs={"pk": objects[OBJECT_FOR_URL[name]].pk})


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_trn_06_the_owner_opens_every_url(name, objects, job_coach, logged_in):
    response = logged_in(job_coach).get(_url(name, objects))
    assert response.status_code == (200 if name in GET_PAGES else 405)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_trn_06_a_job_coach_of_another_company_gets_404(
    name, objects, outside_job_coach, logged_in
):
    client = logged_in(outside_job_coach)
    url = _url(name, objects)
    assert client.get(url).status_code == (404 if name in GET_PAGES else 405)
    # A GET page answers POST with 405 before it looks anything up; every action with 404.
    assert client.post(url, {}).status_code == (405 if name in GET_PAGES else 404)
