"""Every measures and follow-up URL with an id (TRN-09..12, TRN-17): its job coach opens it (405
for a POST-only action on GET); a job coach of another company and the company's other coach get
404, on GET and on POST."""

from datetime import date

import pytest
from django.urls import reverse

from koers.transition.services import followup as followup_services
from koers.transition.services import measures as measure_services
from tests.transition.conftest import TRN_TODAY

OBJECT_FOR_URL = {
    "transition_measure_new": "file",
    "transition_placement_new": "file",
    "transition_left_for_training": "file",
    "transition_measure": "measure",
    "transition_measure_documents": "measure",
    "transition_measure_start": "measure",
    "transition_measure_evaluate": "measure",
    "transition_measure_close": "measure",
    "transition_measure_cancel": "measure",
    "transition_measure_checklist": "measure",
    "transition_placement": "placement",
    "transition_followup_add": "placement",
}
GET_PAGES = {
    "transition_measure_new",
    "transition_placement_new",
    "transition_left_for_training",
    "transition_measure",
    "transition_placement",
}
# Read-only pages: a POST is not allowed for anyone.
GET_ONLY = {"transition_measure", "transition_placement"}


@pytest.fixture
def objects(transition_file, job_coach):
    measure, _ = measure_services.measure_plan(
        file=transition_file,
        data=measure_services.MeasureData(kind="bvs", planned_start=TRN_TODAY),
        acting_user=job_coach,
    )
    placement = followup_services.placement_record(
        file=transition_file,
        data=followup_services.PlacementData(
            destination="work", first_day=date(2026, 9, 1), new_employer_name="Logistiek Noord"
        ),
        acting_user=job_coach,
    )
    return {"file": transition_file, "measure": measure, "placement": placement}


def _url(name, objects):
    return reverse(name, kwargs={"pk": objects[OBJECT_FOR_URL[name]].pk})


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_trn_09_the_job_coach_opens_each_page(name, objects, job_coach, logged_in):
    response = logged_in(job_coach).get(_url(name, objects))
    assert response.status_code == (200 if name in GET_PAGES else 405)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
@pytest.mark.parametrize("who", ["outside_job_coach", "second_job_coach"])
def test_trn_09_another_job_coach_gets_404(name, who, objects, logged_in, request):
    client = logged_in(request.getfixturevalue(who))
    url = _url(name, objects)
    assert client.get(url).status_code == (404 if name in GET_PAGES else 405)
    assert client.post(url, {}).status_code == (405 if name in GET_ONLY else 404)


@pytest.mark.django_db
def test_trn_17_the_followup_list_shows_only_ones_own(
    objects, job_coach, outside_job_coach, logged_in
):
    url = reverse("transition_followups")
    assert "Karim" in logged_in(job_coach).get(url).content.decode()
    assert "Karim" not in logged_in(outside_job_coach).get(url).content.decode()
