"""Every referral and intake URL with an id: the owner opens it (405 on GET for a POST-only
action), a job coach of another company and the company's other coach get 404 (GET and POST)."""

import pytest
from django.urls import reverse

from koers.transition import models as m
from koers.transition.services import engagement
from tests.transition.conftest import TRN_TODAY
from tests.transition.steps_intake import FULL_STARR, signed

OBJECT_FOR_URL = {
    "transition_referral_edit": "file",
    "transition_dialogue": "file",
    "transition_invite": "file",
    "transition_invitation_pdf": "file",
    "transition_call_off": "file",
    "transition_intake": "file",
    "transition_intake_administrative": "file",
    "transition_starr_new": "file",
    "transition_starr_edit": "note",
    "transition_intake_decision": "file",
    "transition_intake_feedback": "file",
    "transition_engagement": "file",
    "transition_engagement_pdf": "file",
    "transition_kick_off": "kick_off",
}
POST_ONLY = {"transition_invitation_pdf", "transition_engagement_pdf"}
GET_ONLY = {"transition_kick_off"}  # a POST there is 405 for everyone


@pytest.fixture
def objects(transition_file, job_coach, company):
    from koers.transition.services import intake

    done = signed(transition_file, job_coach)
    note = intake.starr_note_add(intake=done, starr=FULL_STARR, acting_user=job_coach)
    kick_off, _w = engagement.kick_off_create(
        organisation=company,
        held_on=TRN_TODAY,
        place="",
        note="",
        invitations=[engagement.Invitation(file=transition_file)],
        acting_user=job_coach,
    )
    return {"file": transition_file, "note": note, "kick_off": kick_off}


def _url(name, objects):
    return reverse(name, kwargs={"pk": objects[OBJECT_FOR_URL[name]].pk})


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_trn_02_03_the_owner_opens_it(name, objects, job_coach, logged_in):
    response = logged_in(job_coach).get(_url(name, objects))
    assert response.status_code == (405 if name in POST_ONLY else 200)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_trn_02_03_another_companys_coach_gets_404(name, objects, outside_job_coach, logged_in):
    client = logged_in(outside_job_coach)
    url = _url(name, objects)
    assert client.get(url).status_code == (405 if name in POST_ONLY else 404)
    assert client.post(url, {}).status_code == (405 if name in GET_ONLY else 404)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(set(OBJECT_FOR_URL) - {"transition_kick_off"}))
def test_trn_02_03_the_companys_other_coach_gets_404(name, objects, second_job_coach, logged_in):
    client = logged_in(second_job_coach)
    assert client.post(_url(name, objects), {}).status_code == 404
    assert m.TransitionFile.objects.get(pk=objects["file"].pk).referral_state == "intake"
