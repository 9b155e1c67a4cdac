"""/group-sessions and the LBC-05/LBC-06 records through the API: the same service as the page
(`vouchers/views_group.py`), the same refusals, only vouchers the caller may see."""

from datetime import date

import pytest

from koers.trajectories.models import Contact
from koers.vouchers.models import GroupParticipant, GroupSession
from tests.api.conftest import Api, fields
from tests.api.test_vouchers import _iso, _log, _open, _slot
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(centre, coach):
    return [_open(ClientFactory(organisation=centre), coach, start=date(2024, 3, 1)) for _ in "ab"]


@pytest.fixture
def voucher(client_record, coach):
    return _open(client_record, coach, start=date(2024, 3, 1))


def _body(a, b, **changes):
    participant = {"free_choice": True, "linked_to_question": True, "may_stop_and_switch": True}
    body = {
        "theme": "Mijn waarden en mijn werk",
        "method": "Waardenkaarten in duo's",
        "starts_at": _iso(_slot(3, hour=14)),
        "duration_minutes": 120,
        "outcome": "held",
        "aims_at_reflection": True,
        "participants": [
            participant | {"voucher_id": a.pk, "employer": "Bakkerij Janssens"},
            participant | {"voucher_id": b.pk, "employer": "Stad Gent"},
        ],
    }
    return body | changes


def test_lbc_05_group_session_with_participants_employers_and_conditions_via_the_api(pair, coach):
    a, b = pair
    api = Api(coach)
    response = api.post("/group-sessions", _body(a, b))
    assert response.status_code == 201
    body = response.json()
    assert body["theme"] == "Mijn waarden en mijn werk" and body["coach_id"] == coach.pk
    participants = {p["voucher_id"]: p for p in body["participants"]}
    assert participants[a.pk]["employer"] == "Bakkerij Janssens"
    assert participants[b.pk]["may_stop_and_switch"] is True
    assert participants[a.pk]["feedback_contact_id"] is None
    assert api.get(f"/group-sessions/{body['id']}").json() == body
    assert [s["id"] for s in api.get("/group-sessions").json()["items"]] == [body["id"]]

    # LBC-05: it counts once its insights are fed back in an individual session.
    group_contact = participants[a.pk]["contact_id"]
    item = api.get(f"/vouchers/{a.pk}/contacts").json()["items"][0]
    assert (item["counted_minutes"], item["reasons"][0]["rule"]) == (0, "LBC-05")
    individual = _log(a, coach, 2)
    fed_back = api.post(
        f"/vouchers/{a.pk}/group-feedback",
        {"group_contact_id": group_contact, "feedback_contact_id": individual.pk},
    )
    assert fed_back.status_code == 200
    assert fed_back.json()["counted_minutes"] == 90  # LBC-04: 1.5 h on voucher 1
    detail = api.get(f"/group-sessions/{body['id']}").json()
    fed = {p["voucher_id"]: p["feedback_contact_id"] for p in detail["participants"]}
    assert fed == {a.pk: individual.pk, b.pk: None}


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"aims_at_reflection": False}, "aims_at_reflection", "reflectie"),
        ({"part_of_other_service": True}, "part_of_other_service", "andere dienstverlening"),
        ("same_employer", "participants", "dezelfde organisatie"),
        ("may_not_stop", "participants", "altijd kan stoppen"),
        ("not_free", "participants", "vrij"),
    ],
)
def test_lbc_05_api_refuses_what_the_page_refuses_and_saves_nothing(
    pair, coach, change, field, text
):
    a, b = pair
    body = _body(a, b)
    if change == "same_employer":
        body["participants"][1]["employer"] = "bakkerij  janssens"
    elif change == "may_not_stop":
        body["participants"][1]["may_stop_and_switch"] = False
    elif change == "not_free":
        body["participants"][0]["free_choice"] = False
    else:
        body |= change
    response = Api(coach).post("/group-sessions", body)
    assert response.status_code == 422
    assert field in fields(response)
    assert any(text in e["message"] for e in response.json()["errors"])
    assert not GroupSession.objects.exists() and not Contact.objects.exists()


def test_lbc_05_api_group_session_with_a_voucher_you_may_not_see_is_404(pair, coach, outsider):
    a, b = pair
    response = Api(outsider).post("/group-sessions", _body(a, b))
    assert response.status_code == 404
    assert not GroupSession.objects.exists()


def test_lbc_05_api_lists_only_visible_participants(pair, coach, other_coach, centre):
    a, _b = pair
    theirs = _open(ClientFactory(organisation=centre), other_coach, start=date(2024, 3, 1))
    body = _body(a, theirs)
    # The other coach's voucher is not visible to `coach`: they cannot enrol it.
    assert Api(coach).post("/group-sessions", body).status_code == 404
    created = Api(other_coach).post(
        "/group-sessions",
        _body(
            theirs, _open(ClientFactory(organisation=centre), other_coach, start=date(2024, 3, 1))
        ),
    )
    assert created.status_code == 201
    assert Api(coach).get("/group-sessions").json()["count"] == 0
    assert Api(coach).get(f"/group-sessions/{created.json()['id']}").status_code == 404
    assert GroupParticipant.objects.count() == 2


def test_lbc_05_feedback_must_be_an_individual_session_after_the_group(pair, coach):
    a, b = pair
    api = Api(coach)
    body = api.post("/group-sessions", _body(a, b)).json()
    group_contact = next(p["contact_id"] for p in body["participants"] if p["voucher_id"] == a.pk)
    earlier = _log(a, coach, 10)
    response = api.post(
        f"/vouchers/{a.pk}/group-feedback",
        {"group_contact_id": group_contact, "feedback_contact_id": earlier.pk},
    )
    assert response.status_code == 422
    assert fields(response) == {"feedback_contact_id"}


def test_lbc_06_video_consent_through_the_api_makes_a_video_call_count(voucher, coach):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from koers.trajectories.models import ContactForm, DocumentKind
    from koers.trajectories.services import document_add

    api = Api(coach)
    contact = _log(voucher, coach, 4, form=ContactForm.VIDEO)
    document_add(
        trajectory=voucher.trajectory,
        kind=DocumentKind.SCREENSHOT,
        title="Screenshot",
        upload=SimpleUploadedFile("shot.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        contact=contact,
        acting_user=coach,
    )
    assert api.get(f"/vouchers/{voucher.pk}").json()["hours"]["counted_minutes"] == 0
    response = api.post(f"/vouchers/{voucher.pk}/video-consent", {"video_consent": "request"})
    assert response.status_code == 200
    body = response.json()
    assert body["video_consent"] == "request" and body["video_consent_on"]
    assert body["hours"]["counted_minutes"] == 60
    bad = api.post(f"/vouchers/{voucher.pk}/video-consent", {"video_consent": "misschien"})
    assert bad.status_code == 422


def test_group_session_list_answers_in_the_same_queries_for_one_or_three_sessions(centre, coach):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api = Api(coach)

    def listed_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get("/group-sessions").status_code == 200
        return len(captured)

    def another_session(days_ago):
        a, b = (
            _open(ClientFactory(organisation=centre), coach, start=date(2024, 3, 1)) for _ in "ab"
        )
        body = _body(a, b, starts_at=_iso(_slot(days_ago, hour=14)))
        assert api.post("/group-sessions", body).status_code == 201

    another_session(3)
    one = listed_queries()
    another_session(5)
    another_session(7)
    assert listed_queries() == one
