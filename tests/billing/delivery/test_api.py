"""BIL-01 API: dossiers to deliver, batches (list, create, set state), audits — the page's rules."""

import pytest

from koers.billing.services.delivery import batch_create
from tests.api.conftest import Api, fields

pytestmark = pytest.mark.django_db


def test_bil_01_api_lists_own_dossiers_to_deliver_and_staff_see_their_centre(
    fake_dossiers, coach, other_coach, centre_staff
):
    mine = fake_dossiers.dossier(coach)
    fake_dossiers.dossier(coach, name="Bart Claes", missing=("Kopie van het POP",))
    fake_dossiers.dossier(other_coach, name="Cor Dewit")
    body = Api(coach).get("/billing/dossiers").json()
    assert body["count"] == 1 and body["items"][0]["trajectory_id"] == mine.pk
    assert body["items"][0]["complete"] is True
    assert Api(centre_staff).get("/billing/dossiers").json()["count"] == 2


def test_bil_01_api_creates_a_batch_and_refuses_an_incomplete_dossier_naming_what_is_missing(
    fake_dossiers, coach
):
    done = fake_dossiers.dossier(coach)
    incomplete = fake_dossiers.dossier(coach, name="Bart Claes", missing=("Bewijs van de nazorg",))
    api = Api(coach)
    refused = api.post("/billing/batches", {"dossiers": [done.pk, incomplete.pk]})
    assert refused.status_code == 422 and fields(refused) == {"dossiers"}
    assert "er ontbreekt: Bewijs van de nazorg" in refused.content.decode()
    created = api.post("/billing/batches", {"dossiers": [done.pk]})
    assert created.status_code == 201
    batch = created.json()
    assert batch["state"] == "prepared" and batch["dossiers"][0]["trajectory_id"] == done.pk
    assert api.get("/billing/batches").json()["count"] == 1


def test_bil_01_api_batch_states_follow_the_page_permissions(
    fake_dossiers, coach, other_coach, centre_staff, outsider
):
    batch = batch_create(trajectory_ids=[fake_dossiers.dossier(coach).pk], acting_user=coach)
    path = f"/billing/batches/{batch.pk}"
    assert Api(other_coach).get(path).status_code == 404
    assert Api(outsider).get(path).status_code == 404
    assert Api(other_coach).post(path + "/state", {"state": "posted"}).status_code == 404
    assert Api(centre_staff).post(path + "/state", {"state": "received"}).status_code == 422
    posted = Api(coach).post(path + "/state", {"state": "posted"})
    assert posted.status_code == 200 and posted.json()["state_label"] == "Verstuurd per post"
    assert Api(coach).post(path + "/state", {"state": "received"}).status_code == 422
    received = Api(centre_staff).post(path + "/state", {"state": "received"})
    assert received.json()["state"] == "received"


def test_bil_01_api_audits_staff_set_coaches_see_outsiders_do_not(
    centre, coach, centre_staff, outsider
):
    created = Api(centre_staff).post(
        "/billing/audits", {"organisation": centre.pk, "deadline": "2026-04-30"}
    )
    assert created.status_code == 201
    assert Api(coach).get("/billing/audits").json()["count"] == 1
    assert Api(outsider).get("/billing/audits").json()["count"] == 0
    assert (
        Api(coach)
        .post("/billing/audits", {"organisation": centre.pk, "deadline": "2026-04-30"})
        .status_code
        == 404
    )
    past = Api(centre_staff).post(
        "/billing/audits", {"organisation": centre.pk, "deadline": "2026-01-01"}
    )
    assert past.status_code == 422 and fields(past) == {"deadline"}
