"""Every URL of the plan, activities and employers areas with an id: the owner opens it (200, or
405 for a POST-only action on GET), a job coach of another company gets 404 (GET and POST)."""

import pytest
from django.urls import reverse

from koers.transition.services import activities as activity_services
from koers.transition.services import employers as employer_services
from tests.transition.conftest import TRN_TODAY
from tests.transition.plan_helpers import first_pdp, signed

OBJECT_FOR_URL = {
    "transition_plan": "file",
    "transition_plan_version": "version",
    "transition_plan_review": "file",
    "transition_plan_pdf": "file",
    "transition_plan_questions": "organisation",
    "transition_activity_add": "file",
    "transition_activity_log": "file",
    "transition_portfolio": "file",
    "transition_activity_delete": "activity",
    "transition_employer": "employer",
    "transition_employer_edit": "employer",
    "transition_employer_contact_add": "employer",
}
GET_PAGES = {
    "transition_plan",
    "transition_plan_version",
    "transition_plan_questions",
    "transition_activity_log",
    "transition_employer",
    "transition_employer_edit",
}
# Read-only pages: a POST is not allowed for anyone (nothing to change there).
GET_ONLY = {"transition_plan_version", "transition_activity_log", "transition_employer"}


@pytest.fixture
def objects(transition_file, job_coach, company):
    signed(transition_file, job_coach)
    first_pdp(transition_file, job_coach)
    activity = activity_services.activity_add(
        file=transition_file,
        data=activity_services.ActivityData(kind="job_search", on=TRN_TODAY),
        acting_user=job_coach,
    )
    employer = employer_services.employer_create(
        organisation=company, data={"name": "Haven NV"}, acting_user=job_coach
    )
    return {
        "file": transition_file,
        "organisation": company,
        "activity": activity,
        "employer": employer,
    }


def _url(name, objects):
    target = OBJECT_FOR_URL[name]
    if target == "version":
        return reverse(name, kwargs={"pk": objects["file"].pk, "number": 1})
    return reverse(name, kwargs={"pk": objects[target].pk})


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_owner_can_open(name, objects, job_coach, logged_in):
    response = logged_in(job_coach).get(_url(name, objects))
    assert response.status_code == (200 if name in GET_PAGES else 405)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_job_coach_of_another_company_gets_404(name, objects, outside_job_coach, logged_in):
    client = logged_in(outside_job_coach)
    url = _url(name, objects)
    assert client.get(url).status_code == (404 if name in GET_PAGES else 405)
    assert client.post(url, {}).status_code == (405 if name in GET_ONLY else 404)
