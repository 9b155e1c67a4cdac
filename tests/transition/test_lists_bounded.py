"""Issue 14: the transition API lists under one parent are bounded like every other list — a
page of at most 100 (`limit`, `offset`), the count beside it, a fixed number of queries however
many rows the parent has: a session's observations (TRN-06), a PDP's versions (TRN-07), an
intake's STARR notes (TRN-03)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koers.transition import models as m
from koers.transition.rules import plan as plan_rules
from koers.transition.services import plan as plan_services
from tests.api.conftest import Api
from tests.transition.assessment_helpers import add_candidates, make_session
from tests.transition.conftest import TRN_TODAY
from tests.transition.plan_helpers import first_pdp, signed
from tests.transition.steps_intake import FULL_STARR, invited

JSON = {"content_type": "application/json"}

pytestmark = pytest.mark.django_db


def _get(api, url: str):
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url)
    assert response.status_code == 200
    return len(captured), response.json()


def _observations(session, candidate, coach, n: int) -> None:
    m.Observation.objects.bulk_create(
        m.Observation(session=session, candidate=candidate, assessor=coach, text=f"Telt {i} dozen")
        for i in range(n)
    )


def test_trn_06_the_observations_are_paged(company, job_coach):
    session = make_session(company, job_coach)
    (candidate,) = add_candidates(session, company, job_coach, 1)
    api, url = Api(job_coach), f"/transition/assessment/sessions/{session.pk}/observations"
    _observations(session, candidate, job_coach, 3)
    few, first = _get(api, url)
    _observations(session, candidate, job_coach, 120)
    many, second = _get(api, url)
    assert few == many
    assert (first["count"], len(first["items"])) == (3, 3)
    assert (second["count"], len(second["items"])) == (123, 25)
    _, last = _get(api, f"{url}?limit=100&offset=100")
    assert len(last["items"]) == 23
    assert api.get(f"{url}?limit=101").status_code == 422


def _version(file, coach, n: int):
    action = plan_rules.Action(
        f"Actie {n}", TRN_TODAY - timedelta(days=10), TRN_TODAY - timedelta(days=2), "Karim"
    )
    return plan_services.pdp_save(
        file=file, answers={"jobdoelwit": f"Doel {n}"}, actions=[action], acting_user=coach
    )


def test_trn_07_the_pdp_versions_are_paged_newest_first(transition_file, job_coach):
    signed(transition_file, job_coach)
    first_pdp(transition_file, job_coach)
    api, url = Api(job_coach), f"/transition/files/{transition_file.pk}/pdp/versions"
    few, one = _get(api, url)
    for n in range(2, 8):
        _version(transition_file, job_coach, n)
    many, seven = _get(api, f"{url}?limit=3")
    assert few == many
    assert one["count"] == 1 and seven["count"] == 7
    assert [v["number"] for v in seven["items"]] == [7, 6, 5]
    _, rest = _get(api, f"{url}?limit=3&offset=6")
    assert [v["number"] for v in rest["items"]] == [1]


def test_trn_03_the_starr_notes_are_bounded(logged_in, transition_file, job_coach):
    invited(transition_file, job_coach)
    api = logged_in(job_coach)
    base = f"/api/v1/transition/files/{transition_file.pk}/intake"
    api.put(base, {"held_on": "2026-10-05"}, **JSON)
    for n in range(4):
        starr = FULL_STARR.__dict__ | {"situation": f"Situatie {n}"}
        assert api.post(f"{base}/starr-notes", starr, **JSON).status_code == 201
    _, all_notes = _get(api, f"{base}/starr-notes")
    _, two = _get(api, f"{base}/starr-notes?limit=2&offset=1")
    assert len(all_notes) == 4 and two == all_notes[1:3]
    assert api.get(f"{base}/starr-notes?limit=101").status_code == 422
