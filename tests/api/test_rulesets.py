"""/api/v1/rulesets: the same service and permission as the page Centrum ▾ Regelsets."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from koers.trajectories.models import RulesetVersion

# These tests are about the end of the built-in voucher versions: no continuation (conftest).
pytestmark = pytest.mark.ruleset_cliff

AFTER_THE_END = datetime(2027, 3, 15, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_api_lists_and_publishes_for_administrators(
    api, administrator, coach, centre_staff
):
    for user in (coach, centre_staff):
        assert api(user).get("/rulesets").status_code == 403
        assert api(user).post("/rulesets", {}).status_code in (403, 422)
    listing = api(administrator).get("/rulesets").json()
    voucher = next(p for p in listing["items"] if p["programme"] == "voucher")
    assert voucher["in_force"] is None and voucher["versions"][0]["version"] == "2025-reform"
    answer = api(administrator).post(
        "/rulesets",
        {
            "programme": "voucher",
            "version": "2027-loopbaankrediet",
            "valid_from": "2027-01-01",
            "parameters": {"group_max_minutes": {"1": 60, "2": 60}},
            "reason": "Mededeling VDAB van 10/03/2027 over het loopbaankrediet.",
        },
    )
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["based_on"] == "2025-reform" and body["status"] == "in_force"
    caps = next(p for p in body["parameters"] if p["name"] == "group_max_minutes")
    assert caps["value"] == {"1": 60, "2": 60}


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_api_refusals_name_the_field(api, administrator):
    answer = api(administrator).post(
        "/rulesets",
        {
            "programme": "voucher",
            "version": "2027-x",
            "valid_from": "2027-01-01",
            "valid_until": "2026-12-01",
            "parameters": {"voucher_minutes": "240", "nope": 1},
            "reason": "kort",
        },
    )
    assert answer.status_code == 422
    fields = {e["field"] for e in answer.json()["errors"]}
    assert fields == {"reason", "valid_until", "parameters.voucher_minutes", "parameters.nope"}
    assert not RulesetVersion.objects.exists()


@pytest.mark.django_db
def test_ruleset_api_non_administrator_post_is_refused_403(api, coach):
    answer = api(coach).post(
        "/rulesets",
        {
            "programme": "voucher",
            "version": "x-1",
            "valid_from": "2027-01-01",
            "reason": "Waarom niet eens?",
        },
    )
    assert answer.status_code == 403
