"""/vouchers: every endpoint walked as the owner coach, a colleague coach, centre staff of the same
centre and centre staff of another centre (200/201, 404, 200/201, 404); refusals answer 422 with
the field and the rule ID, and save nothing."""

import json
from datetime import date, timedelta

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    Plan,
    PlanVersion,
    Trajectory,
)
from koers.trajectories.services import ContactData
from koers.vouchers.models import AftercareEntry, Voucher
from koers.vouchers.services import (
    GroupMember,
    group_session_create,
    pop_save,
    voucher_contact_log,
    voucher_open,
)
from tests.api.conftest import Api, fields
from tests.factories import ClientFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("voucher_rules_in_force")]

QUESTION = "Ik wil hulp bij mijn burn-out en wil weten welke job nog bij mij past."
POP = {
    "style": "action",
    "sections": {
        "career_question": "Blijf ik in de boekhouding?",
        "reflections": "Ik haal energie uit mensen.",
    },
    "actions": [
        {
            "what": "Inschrijven voor de opleiding HR-assistent",
            "by_when": "2027-01-15",
            "by_whom": "cliënt",
        }
    ],
}


class VoucherApi(Api):
    def put(self, path: str, data: dict):
        return self.http.put(
            self.url(path),
            json.dumps(data, default=str),
            content_type="application/json",
            headers=self.headers,
        )


def _slot(days_ago: int, hour: int = 10):
    return (timezone.localtime() - timedelta(days=days_ago)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


def _iso(dt) -> str:
    return dt.replace(tzinfo=None).isoformat()  # local time without offset, as a coach sends it


def _open(client, coach, start=date(2024, 3, 1), question=QUESTION):
    return voucher_open(
        client=client,
        responsible=coach,
        organisation=client.organisation,
        start_date=start,
        career_question=question,
        acting_user=coach,
    )


def _log(voucher, coach, days_ago, minutes=60, form=ContactForm.INDIVIDUAL):
    return voucher_contact_log(
        voucher=voucher,
        data=ContactData(
            starts_at=_slot(days_ago),
            duration_minutes=minutes,
            form=form,
            outcome=ContactOutcome.HELD,
        ),
        acting_user=coach,
    ).contact


@pytest.fixture
def voucher(client_record, coach):
    """Voucher 1 of `coach`, started in 2024 (a second one is still allowed, LBC-01)."""
    return _open(client_record, coach)


@pytest.fixture
def dossier(voucher, coach):
    """A voucher with a held contact, a POP naming a training and a synthesis date."""
    _log(voucher, coach, 10)
    pop_save(voucher=voucher, content=POP, acting_user=coach)
    voucher.synthesis_date = timezone.localdate() - timedelta(days=5)
    voucher.save()
    return voucher


# ---- the access matrix -------------------------------------------------------------------------


@pytest.fixture(params=["owner", "colleague", "centre_staff", "outsider"])
def viewer(request, coach, other_coach, centre_staff, outsider):
    users = {
        "owner": coach,
        "colleague": other_coach,
        "centre_staff": centre_staff,
        "outsider": outsider,
    }
    return request.param, users[request.param]


def _allowed(who: str) -> bool:
    return who in {"owner", "centre_staff"}


READS = ["", "/contacts", "/checklist", "/pop", "/documents", "/aftercare"]


def _writes(v: Voucher) -> list[tuple[str, str, dict, int]]:
    base = f"/vouchers/{v.pk}"
    return [
        (
            "post",
            "/vouchers",
            {"client_id": v.client_id, "career_question": "Nieuwe richting"},
            201,
        ),
        (
            "post",
            f"{base}/contacts",
            {"starts_at": _iso(_slot(3)), "duration_minutes": 60, "outcome": "held"},
            201,
        ),
        (
            "put",
            f"{base}/intake",
            {"career_question": QUESTION, "topics": ["confidentiality"]},
            200,
        ),
        (
            "post",
            f"{base}/scope-resolution",
            {"resolution": "Het herstel is voorbij; de vraag gaat over een nieuwe richting."},
            200,
        ),
        ("post", f"{base}/phase", {"phase": "deepening"}, 200),
        ("post", f"{base}/pop/versions", {"content": {**POP, "style": "reflexive"}}, 201),
        ("post", f"{base}/pop/finalise", {}, 200),
        ("post", f"{base}/documents", {"kind": "contract"}, 201),
        ("post", f"{base}/aftercare", {"on": timezone.localdate(), "form": "phone"}, 201),
        ("post", f"{base}/aftercare-informed", {}, 200),
        (
            "post",
            f"{base}/interim-evaluations",
            {"held_on": timezone.localdate(), "going_as_wished": "Ja, het helpt."},
            201,
        ),
        ("post", f"{base}/close", {"reason": "client_stopped"}, 200),
        (
            "post",
            f"{base}/certificate",
            {"training": "opleiding HR-assistent", "benefit_academic_year_start": "2027-09-01"},
            200,
        ),
    ]


def _snapshot(voucher: Voucher) -> dict:
    counts = {
        model.__name__: model.objects.count()
        for model in (Voucher, Trajectory, Contact, Plan, PlanVersion, Document, AftercareEntry)
    }
    trajectory = Trajectory.objects.get(pk=voucher.trajectory_id)
    return {
        **counts,
        "voucher": model_to_dict(Voucher.objects.get(pk=voucher.pk)),
        "trajectory": (trajectory.status, trajectory.phase),
        "finalised": list(Plan.objects.values_list("finalised_at", flat=True)),
    }


@pytest.mark.parametrize("suffix", READS)
def test_reads(dossier, viewer, suffix):
    who, user = viewer
    response = Api(user).get(f"/vouchers/{dossier.pk}{suffix}")
    assert response.status_code == (200 if _allowed(who) else 404), response.content
    if not _allowed(who):
        assert response.json()["detail"]


@pytest.mark.parametrize("index", range(11))
def test_writes(dossier, viewer, index):
    who, user = viewer
    method, path, body, status = _writes(dossier)[index]
    before = _snapshot(dossier)
    response = getattr(VoucherApi(user), method)(path, body)
    if _allowed(who):
        assert response.status_code == status, (path, response.content)
    else:
        assert response.status_code == 404, (path, response.content)
        assert _snapshot(dossier) == before


def test_list_shows_only_visible_vouchers(dossier, viewer):
    who, user = viewer
    response = Api(user).get("/vouchers")
    assert response.status_code == 200
    assert response.json()["count"] == (1 if _allowed(who) else 0)


# ---- list and detail ---------------------------------------------------------------------------


def test_list_filters_by_client_and_status(voucher, centre, coach):
    other = _open(ClientFactory(organisation=centre), coach)
    api = Api(coach)
    by_client = api.get("/vouchers", {"client": voucher.client_id}).json()
    assert [v["id"] for v in by_client["items"]] == [voucher.pk]
    assert api.get("/vouchers", {"status": "active"}).json()["count"] == 2
    assert api.get("/vouchers", {"status": "closed"}).json()["count"] == 0
    assert api.post(f"/vouchers/{other.pk}/close", {"reason": "moved"}).status_code == 200
    closed = api.get("/vouchers", {"status": "closed"}).json()
    assert [v["id"] for v in closed["items"]] == [other.pk]
    response = api.get("/vouchers", {"status": "bestaat-niet"})
    assert response.status_code == 422
    assert fields(response) == {"status"}


def test_list_query_count_does_not_grow_with_rows(centre, coach, django_assert_max_num_queries):
    _open(ClientFactory(organisation=centre), coach)
    api = Api(coach)
    with CaptureQueriesContext(connection) as one_row:
        assert api.get("/vouchers").json()["count"] == 1
    for _ in range(5):
        _open(ClientFactory(organisation=centre), coach)
    with django_assert_max_num_queries(len(one_row.captured_queries)):
        assert api.get("/vouchers").json()["count"] == 6


def test_lbc_01_detail_shows_hours_intake_and_scope(voucher, coach):
    _log(voucher, coach, 20, minutes=120)
    _log(voucher, coach, 10, minutes=120)
    _log(voucher, coach, 5, minutes=60)
    body = Api(coach).get(f"/vouchers/{voucher.pk}").json()
    assert body["number"] == 1
    assert body["ruleset_version"] == "2019-seeds"
    assert (body["status"], body["phase"]) == ("active", "intake")
    assert body["hours"] == {
        "used_minutes": 300,
        "counted_minutes": 240,
        "group_minutes": 0,
        "individual_minutes": 240,
        "left_minutes": 0,
    }
    assert body["scope_warnings"][0]["rule"] == "LBC-19"
    assert "confidentiality" in body["intake_topics_missing"]


# ---- opening -----------------------------------------------------------------------------------


def test_lbc_01_third_voucher_is_422_on_client_id_and_nothing_saved(voucher, coach):
    api = Api(coach)
    second = api.post("/vouchers", {"client_id": voucher.client_id, "start_date": "2024-09-01"})
    assert second.status_code == 201, second.json()
    assert second.json()["number"] == 2
    response = api.post("/vouchers", {"client_id": voucher.client_id, "start_date": "2024-12-01"})
    assert response.status_code == 422
    assert fields(response) == {"client_id"}
    assert "LBC-01" in response.json()["errors"][0]["message"]
    assert Voucher.objects.count() == 2
    assert Trajectory.objects.count() == 2


def test_lbc_01_new_client_in_2026_gets_one_voucher_only(client_record, coach):
    first = _open(client_record, coach, start=date(2026, 3, 1))
    response = Api(coach).post("/vouchers", {"client_id": first.client_id})
    assert response.status_code == 422
    assert "LBC-01" in response.json()["errors"][0]["message"]
    assert Voucher.objects.count() == 1


def test_coach_opening_voucher_for_colleague_is_422(voucher, coach, other_coach):
    response = Api(coach).post(
        "/vouchers", {"client_id": voucher.client_id, "responsible_id": other_coach.pk}
    )
    assert response.status_code == 422
    assert fields(response) == {"responsible_id"}
    assert Voucher.objects.count() == 1


def test_centre_staff_open_voucher_for_a_coach(voucher, coach, centre_staff):
    response = Api(centre_staff).post(
        "/vouchers", {"client_id": voucher.client_id, "responsible_id": coach.pk}
    )
    assert response.status_code == 201, response.json()
    assert response.json()["responsible_id"] == coach.pk
    assert response.json()["hours"]["left_minutes"] == 240


# ---- contacts ----------------------------------------------------------------------------------


def _contact(api, voucher, **overrides):
    body = {"starts_at": _iso(_slot(3)), "duration_minutes": 60, "outcome": "held"} | overrides
    return api.post(f"/vouchers/{voucher.pk}/contacts", body)


def test_lbc_02_45_minute_contact_is_422_and_not_saved(voucher, coach):
    response = _contact(Api(coach), voucher, duration_minutes=45)
    assert response.status_code == 422
    assert fields(response) == {"duration_minutes"}
    assert "LBC-02" in response.json()["errors"][0]["message"]
    assert not Contact.objects.exists()


def test_future_held_contact_is_422_and_not_saved(voucher, coach):
    future = timezone.localtime() + timedelta(days=2)
    response = _contact(Api(coach), voucher, starts_at=_iso(future.replace(microsecond=0)))
    assert response.status_code == 422
    assert fields(response) == {"starts_at"}
    assert not Contact.objects.exists()


def test_overlapping_contact_is_422_and_not_saved(voucher, coach):
    api = Api(coach)
    assert _contact(api, voucher).status_code == 201
    response = _contact(api, voucher, starts_at=_iso(_slot(3).replace(minute=30)))
    assert response.status_code == 422
    assert fields(response) == {"starts_at"}
    assert Contact.objects.count() == 1


def test_lbc_02_new_contact_answers_with_its_decision(voucher, coach):
    response = _contact(Api(coach), voucher, duration_minutes=90)
    assert response.status_code == 201
    body = response.json()
    assert body["counted_minutes"] == 90
    assert body["reasons"][0]["rule"] == "LBC-02"
    assert body["is_introduction"] is False


def test_int_08_introduction_never_counts(voucher, coach):
    body = _contact(Api(coach), voucher, duration_minutes=30, is_introduction=True).json()
    assert body["is_introduction"] is True
    assert body["counted_minutes"] == 0
    assert body["reasons"][0]["rule"] == "INT-08"


def test_lbc_06_video_without_screenshot_shows_rule(voucher, coach):
    api = Api(coach)
    created = _contact(api, voucher, form="video")
    assert created.status_code == 201
    assert created.json()["reasons"][0]["rule"] == "LBC-06"
    listed = api.get(f"/vouchers/{voucher.pk}/contacts").json()
    assert listed["count"] == 1
    item = listed["items"][0]
    assert (item["counted_minutes"], item["screenshot"]) == (0, False)
    assert [r["rule"] for r in item["reasons"]] == ["LBC-06"]


def test_lbc_04_group_cap_cuts_a_group_session(centre, coach):
    a = _open(ClientFactory(organisation=centre), coach)
    b = _open(ClientFactory(organisation=centre), coach)
    session = group_session_create(
        organisation=centre,
        coach=coach,
        theme="Mijn talenten in beeld",
        starts_at=_slot(3),
        duration_minutes=120,
        members=[
            GroupMember(a, "Bakkerij Janssens", True, True, True),
            GroupMember(b, "Stad Gent", True, True, True),
        ],
        aims_at_reflection=True,
        outcome=ContactOutcome.HELD,
        acting_user=coach,
    )
    individual = _log(a, coach, 2)
    api = Api(coach)
    group_contact = session.participants.get(voucher=a).contact_id
    fed_back = api.post(
        f"/vouchers/{a.pk}/group-feedback",
        {"group_contact_id": group_contact, "feedback_contact_id": individual.pk},
    )
    assert fed_back.status_code == 200
    item = api.get(f"/vouchers/{a.pk}/contacts").json()["items"][0]
    assert item["form"] == "group"
    assert item["counted_minutes"] == 90
    assert "LBC-04" in [r["rule"] for r in item["reasons"]]
    assert api.get(f"/vouchers/{a.pk}").json()["hours"]["group_minutes"] == 90


# ---- checklist, intake, scope, phase -----------------------------------------------------------


def test_lbc_11_checklist_names_rules(voucher, coach):
    body = Api(coach).get(f"/vouchers/{voucher.pk}/checklist").json()
    assert body["complete"] is False
    items = {item["key"]: item for item in body["items"]}
    assert items["contract"]["rule"] == "LBC-11"
    assert items["intake"]["rule"] == "LBC-10"
    assert items["hours"]["ok"] is False


def test_lbc_10_intake_update_and_unknown_topic(voucher, coach):
    api = VoucherApi(coach)
    response = api.put(
        f"/vouchers/{voucher.pk}/intake",
        {"career_question": "Welke job past bij mij?", "topics": ["confidentiality"]},
    )
    assert response.status_code == 200
    assert response.json()["intake_topics"] == ["confidentiality"]
    assert response.json()["scope_warnings"] == []
    response = api.put(f"/vouchers/{voucher.pk}/intake", {"topics": ["onbekend"]})
    assert response.status_code == 422
    assert fields(response) == {"topics"}
    voucher.refresh_from_db()
    assert voucher.intake_topics == ["confidentiality"]


def test_lbc_19_scope_resolution_needs_a_reason(voucher, coach):
    api = Api(coach)
    response = api.post(f"/vouchers/{voucher.pk}/scope-resolution", {"resolution": "ok"})
    assert response.status_code == 422
    assert fields(response) == {"resolution"}
    response = api.post(
        f"/vouchers/{voucher.pk}/scope-resolution",
        {"resolution": "Het herstel is voorbij; de vraag gaat over een nieuwe richting."},
    )
    assert response.status_code == 200
    assert response.json()["scope_resolved_by_id"] == coach.pk


def test_lbc_21_phase_cannot_go_back(voucher, coach):
    api = Api(coach)
    assert api.post(f"/vouchers/{voucher.pk}/phase", {"phase": "synthesis"}).status_code == 200
    response = api.post(f"/vouchers/{voucher.pk}/phase", {"phase": "intake"})
    assert response.status_code == 422
    assert fields(response) == {"phase"}
    assert "LBC-21" in response.json()["errors"][0]["message"]
    assert Trajectory.objects.get(pk=voucher.trajectory_id).phase == "synthesis"
    assert fields(api.post(f"/vouchers/{voucher.pk}/phase", {"phase": "x"})) == {"phase"}


# ---- POP ---------------------------------------------------------------------------------------


def test_lbc_12_pop_versions_problems_and_finalising(voucher, coach):
    api = Api(coach)
    assert api.get(f"/vouchers/{voucher.pk}/pop").json()["versions"] == []
    thin = {"sections": {"career_question": "Blijf ik?"}}
    response = api.post(f"/vouchers/{voucher.pk}/pop/versions", {"content": thin})
    assert response.status_code == 201
    assert response.json()["title"] == "POP (loopbaancheque 1)"
    assert "LBC-12" in {p["rule"] for p in response.json()["problems"]}
    refused = api.post(f"/vouchers/{voucher.pk}/pop/finalise", {})
    assert refused.status_code == 422
    assert "LBC-12" in refused.json()["errors"][0]["message"]
    assert Plan.objects.get().finalised_at is None

    response = api.post(f"/vouchers/{voucher.pk}/pop/versions", {"content": POP})
    assert response.status_code == 201
    same = api.post(f"/vouchers/{voucher.pk}/pop/versions", {"content": POP})
    assert same.status_code == 200
    body = api.post(f"/vouchers/{voucher.pk}/pop/finalise", {"synthesis_date": "2026-01-10"}).json()
    assert body["finalised_at"]
    assert [v["number"] for v in body["versions"]] == [2, 1]
    assert body["problems"] == []
    assert api.get(f"/vouchers/{voucher.pk}").json()["synthesis_date"] == "2026-01-10"


def test_pop_action_without_text_is_422(voucher, coach):
    response = Api(coach).post(
        f"/vouchers/{voucher.pk}/pop/versions", {"content": {"actions": [{"by_whom": "x"}]}}
    )
    assert response.status_code == 422
    assert fields(response) == {"content.actions.0.what"}
    assert not Plan.objects.exists()


# ---- documents ---------------------------------------------------------------------------------


def test_documents_generated_and_listed_with_download_url(dossier, coach):
    api = Api(coach)
    response = api.post(f"/vouchers/{dossier.pk}/documents", {"kind": "pop"})
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["status"] == "generated"
    assert created["original_filename"] == "POP Ann Peeters cheque 1.pdf"
    listed = api.get(f"/vouchers/{dossier.pk}/documents").json()
    assert [d["id"] for d in listed["items"]] == [created["id"]]
    download = api.http.get(listed["items"][0]["download_url"], headers=api.headers)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"


def test_lbc_20_certificate_pdf_before_issuing_is_422(dossier, coach):
    response = Api(coach).post(f"/vouchers/{dossier.pk}/documents", {"kind": "certificate"})
    assert response.status_code == 422
    assert "LBC-20" in response.json()["errors"][0]["message"]
    assert not Document.objects.exists()
    assert fields(Api(coach).post(f"/vouchers/{dossier.pk}/documents", {"kind": "x"})) == {"kind"}


# ---- aftercare, close, certificate -------------------------------------------------------------


def test_lbc_18_aftercare_before_synthesis_is_422(voucher, coach):
    response = Api(coach).post(
        f"/vouchers/{voucher.pk}/aftercare", {"on": timezone.localdate(), "form": "email"}
    )
    assert response.status_code == 422
    assert fields(response) == {"minutes"}
    assert "LBC-18" in response.json()["errors"][0]["message"]
    assert not AftercareEntry.objects.exists()


def test_lbc_18_all_aftercare_is_registered_and_shown_against_the_right(dossier, coach):
    api = Api(coach)
    body = {"on": timezone.localdate(), "minutes": 30, "form": "phone", "note": "Vraag"}
    created = api.post(f"/vouchers/{dossier.pk}/aftercare", body)
    assert created.status_code == 201
    assert created.json()["recorded_by_id"] == coach.pk
    again = api.post(f"/vouchers/{dossier.pk}/aftercare", body | {"minutes": 60})
    assert again.status_code == 201
    assert AftercareEntry.objects.count() == 2
    odd = api.post(f"/vouchers/{dossier.pk}/aftercare", body | {"minutes": 45})
    assert odd.status_code == 422 and "LBC-18" in odd.json()["errors"][0]["message"]
    listing = api.get(f"/vouchers/{dossier.pk}/aftercare").json()
    assert (listing["registered_minutes"], listing["within_right_minutes"]) == (90, 30)
    assert listing["right_minutes"] == 30 and len(listing["items"]) == 2
    assert listing["deadline"] == (
        dossier.synthesis_date.replace(year=dossier.synthesis_date.year + 1).isoformat()
        if (dossier.synthesis_date.month, dossier.synthesis_date.day) != (2, 29)
        else date(dossier.synthesis_date.year + 1, 2, 28).isoformat()
    )
    detail = api.get(f"/vouchers/{dossier.pk}").json()
    assert detail["aftercare"]["registered_minutes"] == 90
    assert detail["aftercare"]["within_right_minutes"] == 30


def test_lbc_15_close_moves_to_evaluation(voucher, coach):
    body = Api(coach).post(f"/vouchers/{voucher.pk}/close", {"reason": "client_stopped"}).json()
    assert (body["status"], body["phase"]) == ("closed", "evaluation")


def test_closing_early_without_reason_is_422_on_reason_and_saves_nothing(voucher, coach):
    _log(voucher, coach, 10)
    before = _snapshot(voucher)
    response = Api(coach).post(f"/vouchers/{voucher.pk}/close")
    assert response.status_code == 422
    assert fields(response) == {"reason"}
    assert "LBC-01" in response.json()["errors"][0]["message"]
    assert _snapshot(voucher) == before


def test_closing_early_with_a_reason_shows_in_list_and_detail(voucher, coach):
    _log(voucher, coach, 10)
    api = Api(coach)
    response = api.post(
        f"/vouchers/{voucher.pk}/close", {"reason": "other", "note": "Vond werk als HR-assistent."}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["closed_incomplete"] is True
    assert (body["closing_reason"], body["closing_note"]) == (
        "other",
        "Vond werk als HR-assistent.",
    )
    assert "hours" in [p["key"] for p in body["closing_open_points"]]
    listed = api.get("/vouchers", {"status": "closed"}).json()["items"]
    assert [(v["id"], v["closed_incomplete"], v["closing_reason"]) for v in listed] == [
        (voucher.pk, True, "other")
    ]


def test_closing_with_an_unknown_reason_is_422(voucher, coach):
    response = Api(coach).post(f"/vouchers/{voucher.pk}/close", {"reason": "verveeld"})
    assert response.status_code == 422
    assert Trajectory.objects.get(pk=voucher.trajectory_id).status == "active"


def test_lbc_11_code_of_conduct_hand_over_through_the_api(voucher, coach):
    api = Api(coach)
    on = timezone.localdate()
    response = api.post(f"/vouchers/{voucher.pk}/code-of-conduct", {"how": "given", "on": on})
    assert response.status_code == 200, response.content
    assert (
        response.json()["code_of_conduct_handed_how"],
        response.json()["code_of_conduct_handed_on"],
    ) == (
        "given",
        on.isoformat(),
    )
    checklist = api.get(f"/vouchers/{voucher.pk}/checklist").json()["items"]
    assert next(i for i in checklist if i["key"] == "code_of_conduct")["ok"] is True
    future = api.post(
        f"/vouchers/{voucher.pk}/code-of-conduct", {"how": "given", "on": on + timedelta(days=1)}
    )
    assert future.status_code == 422 and fields(future) == {"on"}


def test_lbc_15_paper_invitation_through_the_api(centre, coach):
    voucher = _open(ClientFactory(organisation=centre, email=""), coach)
    api = Api(coach)
    api.post(f"/vouchers/{voucher.pk}/close", {"reason": "client_stopped"})
    response = api.post(f"/vouchers/{voucher.pk}/evaluation-letters")
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "correspondence" and response.json()["download_url"]
    assert api.get(f"/vouchers/{voucher.pk}").json()["evaluation_invited_on"] == (
        timezone.localdate().isoformat()
    )
    again = api.post(f"/vouchers/{voucher.pk}/evaluation-letters")
    assert again.status_code == 422 and "LBC-15" in again.json()["errors"][0]["message"]


def test_lbc_20_certificate_for_training_not_in_pop_is_422(dossier, coach):
    api = Api(coach)
    body = {"training": "Bachelor verpleegkunde", "benefit_academic_year_start": "2027-09-01"}
    response = api.post(f"/vouchers/{dossier.pk}/certificate", body)
    assert response.status_code == 422
    assert "LBC-20" in response.json()["errors"][0]["message"]
    dossier.refresh_from_db()
    assert dossier.certificate_issued_at is None
    body["training"] = "opleiding HR-assistent"
    issued = api.post(f"/vouchers/{dossier.pk}/certificate", body)
    assert issued.status_code == 200
    assert issued.json()["certificate_training"] == "opleiding HR-assistent"
    assert api.post(f"/vouchers/{dossier.pk}/documents", {"kind": "certificate"}).status_code == 201


def test_lbc_16_interim_evaluation_in_the_future_is_refused(voucher, coach):
    response = Api(coach).post(
        f"/vouchers/{voucher.pk}/interim-evaluations",
        {"held_on": timezone.localdate() + timedelta(days=2), "going_as_wished": "Ja"},
    )
    assert response.status_code == 422
    assert fields(response) == {"held_on"}
    assert not voucher.interim_evaluations.exists()


def test_lbc_18_aftercare_informed_is_recorded(voucher, coach):
    body = Api(coach).post(f"/vouchers/{voucher.pk}/aftercare-informed", {}).json()
    assert body["aftercare_informed_at"] is not None
