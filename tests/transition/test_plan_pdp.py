"""TRN-07: the worker's PDP — made only after the signed engagement statement, every save a new
version (earlier ones unchanged), compared with the previous, reviewed in coaching contacts."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from koers.trajectories.models import Plan, PlanKind, PlanVersion
from koers.transition.rules import plan as rules
from koers.transition.services import plan as services
from tests.factories import ClientFactory, ContactFactory
from tests.transition.conftest import TRN_TODAY, open_file
from tests.transition.plan_helpers import first_pdp, signed

pytestmark = pytest.mark.django_db


def test_trn_07_no_pdp_before_the_signed_engagement_statement(transition_file, job_coach):
    with pytest.raises(ValidationError, match="engagementsverklaring"):
        first_pdp(transition_file, job_coach)
    assert not Plan.objects.exists()


def test_trn_07_the_core_plan_api_cannot_make_a_pdp_before_the_engagement(
    transition_file, job_coach, logged_in
):
    response = logged_in(job_coach).post(
        "/api/v1/plans",
        {
            "trajectory_id": transition_file.trajectory_id,
            "kind": PlanKind.TRANSITION,
            "title": "PDP",
            "content": {},
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "TRN-01" in response.content.decode()
    assert not Plan.objects.exists()


def test_trn_07_every_save_adds_a_version_and_earlier_ones_stay(transition_file, job_coach):
    signed(transition_file, job_coach)
    first = first_pdp(transition_file, job_coach)
    transition_file.trajectory.refresh_from_db()
    # phase_refresh after the first version: the plan made, its actions under way (TRN-01)
    assert transition_file.trajectory.phase == "2.2"
    second = services.pdp_save(
        file=transition_file,
        answers={"jobdoelwit": "Heftruckchauffeur"},
        actions=[rules.Action("CV opmaken", done="+"), rules.Action("Heftruckattest halen")],
        acting_user=job_coach,
    )
    assert (first.number, second.number) == (1, 2)
    first.refresh_from_db()
    assert first.content["answers"] == {"jobdoelwit": "Magazijnmedewerker"}
    assert second.content["actions"][1]["action"] == "Heftruckattest halen"
    assert Plan.objects.get().kind == PlanKind.TRANSITION


@pytest.mark.parametrize(
    "action",
    [
        {"action": "", "who": "Karim"},
        {"action": "Bellen", "starts_on": "2026-10-10", "ends_on": "2026-10-01"},
        {"action": "Bellen", "done": "++"},
    ],
)
def test_trn_07_a_bad_action_row_is_refused_and_nothing_changes(
    transition_file, job_coach, logged_in, action
):
    signed(transition_file, job_coach)
    first_pdp(transition_file, job_coach)
    response = logged_in(job_coach).post(
        f"/api/v1/transition/files/{transition_file.pk}/pdp/versions",
        {"answers": {}, "actions": [action]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert PlanVersion.objects.count() == 1


def test_trn_07_answers_to_unknown_questions_are_refused(transition_file, job_coach, logged_in):
    signed(transition_file, job_coach)
    response = logged_in(job_coach).post(
        f"/api/v1/transition/files/{transition_file.pk}/pdp/versions",
        {"answers": {"verzonnen": "x"}, "actions": []},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "TRN-07" in response.json()["errors"][0]["message"]
    assert not Plan.objects.exists()


def test_trn_07_the_page_makes_a_version_and_keeps_bad_input(transition_file, job_coach, logged_in):
    signed(transition_file, job_coach)
    web = logged_in(job_coach)
    url = reverse("transition_plan", args=[transition_file.pk])
    assert web.get(url).status_code == 200
    bad = web.post(
        url,
        {
            "answer_jobdoelwit": "Logistiek",
            "a0_action": "Bellen",
            "a0_starts_on": "10/10/2026",
            "a0_ends_on": "01/10/2026",
        },
    )
    assert bad.status_code == 422
    body = bad.content.decode()
    assert "De tijdspanne eindigt niet vóór ze begint." in body
    assert "Logistiek" in body
    assert not Plan.objects.exists()
    good = web.post(url, {"answer_jobdoelwit": "Logistiek", "a0_action": "Bellen"})
    assert good.status_code == 302
    assert PlanVersion.objects.get().content["answers"] == {"jobdoelwit": "Logistiek"}


def test_trn_07_the_page_refuses_before_the_engagement(transition_file, job_coach, logged_in):
    web = logged_in(job_coach)
    url = reverse("transition_plan", args=[transition_file.pk])
    assert "engagementsverklaring" in web.get(url).content.decode()
    assert web.post(url, {"answer_jobdoelwit": "x"}).status_code == 422
    assert not Plan.objects.exists()


def test_trn_07_a_version_is_compared_with_the_previous(transition_file, job_coach, logged_in):
    signed(transition_file, job_coach)
    first_pdp(transition_file, job_coach)
    services.pdp_save(
        file=transition_file,
        answers={"jobdoelwit": "Heftruckchauffeur"},
        actions=[rules.Action("CV opmaken", done="+"), rules.Action("Attest halen")],
        acting_user=job_coach,
    )
    body = (
        logged_in(job_coach)
        .get(reverse("transition_plan_version", args=[transition_file.pk, 2]))
        .content.decode()
    )
    assert "Heftruckchauffeur" in body and "<del>Magazijnmedewerker</del>" in body
    assert "nieuw" in body and "gewijzigd" in body
    assert (
        logged_in(job_coach)
        .get(reverse("transition_plan_version", args=[transition_file.pk, 9]))
        .status_code
        == 404
    )


def test_trn_07_overdue_actions_are_shown_on_the_file(transition_file, job_coach, logged_in):
    signed(transition_file, job_coach)
    first_pdp(transition_file, job_coach)  # ends two days ago, not done
    body = logged_in(job_coach).get(reverse("transition_file", args=[transition_file.pk]))
    assert "over tijd" in body.content.decode()
    api = logged_in(job_coach).get(f"/api/v1/transition/files/{transition_file.pk}/pdp").json()
    assert api["latest"]["overdue"] == [1]


def test_trn_07_reviewed_in_a_coaching_contact(transition_file, job_coach, logged_in):
    signed(transition_file, job_coach)
    first_pdp(transition_file, job_coach)
    contact = ContactFactory(
        trajectory=transition_file.trajectory, starts_at=timezone.now() - timedelta(days=1)
    )
    web = logged_in(job_coach)
    response = web.post(
        reverse("transition_plan_review", args=[transition_file.pk]), {"contact": contact.pk}
    )
    assert response.status_code == 302
    latest = PlanVersion.objects.order_by("-number").first()
    assert latest.number == 2
    assert latest.content["reviewed_in_contact"] == contact.pk
    assert latest.content["reviewed_version"] == 1
    assert latest.content["reviewed_on"] == (TRN_TODAY - timedelta(days=1)).isoformat()
    page = web.get(reverse("transition_file", args=[transition_file.pk])).content.decode()
    assert "laatst besproken op" in page
    api = web.get(f"/api/v1/transition/files/{transition_file.pk}/pdp").json()
    assert api["latest_review_on"] == (TRN_TODAY - timedelta(days=1)).isoformat()


def test_trn_07_a_review_needs_a_contact_of_this_trajectory_or_a_past_day(
    transition_file, job_coach, company, logged_in
):
    signed(transition_file, job_coach)
    first_pdp(transition_file, job_coach)
    other = open_file(ClientFactory(organisation=company), job_coach, company)
    foreign = ContactFactory(trajectory=other.trajectory)
    web = logged_in(job_coach)
    url = reverse("transition_plan_review", args=[transition_file.pk])
    assert web.post(url, {"contact": foreign.pk}).status_code == 422
    assert web.post(url, {}).status_code == 422
    future = (TRN_TODAY + timedelta(days=3)).strftime("%d/%m/%Y")
    assert web.post(url, {"reviewed_on": future}).status_code == 422
    api = web.post(
        f"/api/v1/transition/files/{transition_file.pk}/pdp/review",
        {"contact_id": foreign.pk},
        content_type="application/json",
    )
    assert api.status_code == 404
    assert PlanVersion.objects.count() == 1


def test_trn_07_api_versions_and_access(transition_file, job_coach, outside_job_coach, logged_in):
    signed(transition_file, job_coach)
    api = logged_in(job_coach)
    url = f"/api/v1/transition/files/{transition_file.pk}/pdp"
    assert api.get(url).json()["latest"] is None
    made = api.post(
        f"{url}/versions",
        {"answers": {"jobdoelwit": "Koerier"}, "actions": [{"action": "Rijbewijs C"}]},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()["number"] == 1
    assert len(api.get(f"{url}/versions").json()["items"]) == 1
    other = logged_in(outside_job_coach)
    assert other.get(url).status_code == 404
    assert other.post(f"{url}/versions", {}, content_type="application/json").status_code == 404
