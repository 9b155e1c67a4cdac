"""Which version judges a day (rulesets/registry.py): after the last voucher version the service,
the page and the API say so and who can fix it; a published version opens vouchers again.

The clock is frozen where it matters: 2027-03-15 is after the last built-in voucher version
(2025-reform, until 2026-12-31)."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.trajectories.rulesets import (
    ruleset_by_version,
    ruleset_in_force,
)
from tests.api.conftest import Api
from tests.factories import TrajectoryFactory
from tests.trajectories.rulesets.cliff import (
    AFTER_THE_END,
    BEFORE_THE_END,
    NO_RULESET,
    open_voucher,
    publish,
)

pytestmark = pytest.mark.ruleset_cliff


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_lbc_01_voucher_after_the_last_version_is_refused_saying_who_can_fix_it(
    client_record, coach
):
    with pytest.raises(ValidationError) as refused:
        open_voucher(client_record, coach, date(2027, 3, 15))
    assert refused.value.message_dict == {"start_date": [NO_RULESET]}
    assert not client_record.trajectories.exists()


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_lbc_01_voucher_page_after_the_last_version_explains_and_keeps_the_form(
    client_record, coach, logged_in
):
    TrajectoryFactory(
        client=client_record, responsible=coach, organisation=client_record.organisation
    )
    web = logged_in(coach)
    url = reverse("voucher_create") + f"?client={client_record.pk}"
    page = web.get(url)
    assert page.status_code == 200 and NO_RULESET in page.content.decode()
    response = web.post(url, {"start_date": "15/03/2027", "career_question": "Welke job?"})
    assert response.status_code == 200
    assert NO_RULESET in response.content.decode() and "Welke job?" in response.content.decode()
    # A voucher that started while the 2025 reform was in force can still be entered.
    response = web.post(url, {"start_date": "20/12/2026", "career_question": ""})
    assert response.status_code == 302
    assert client_record.vouchers.get().ruleset_version == "2025-reform"


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_lbc_01_api_voucher_after_the_last_version_answers_422_with_the_message(
    client_record, coach
):
    TrajectoryFactory(
        client=client_record, responsible=coach, organisation=client_record.organisation
    )
    response = Api(coach).post(
        "/vouchers", {"client_id": client_record.pk, "start_date": "2027-03-15"}
    )
    assert response.status_code == 422
    assert {"field": "start_date", "message": NO_RULESET} in response.json()["errors"]


@pytest.mark.django_db
def test_ruleset_pages_of_a_voucher_under_an_expired_version_keep_working(
    client_record, coach, logged_in
):
    with time_machine.travel(BEFORE_THE_END, tick=False):
        voucher = open_voucher(client_record, coach, date(2026, 6, 1))
    with time_machine.travel(AFTER_THE_END, tick=False):
        web = logged_in(coach)
        detail = web.get(reverse("voucher_detail", args=[voucher.pk]))
        assert detail.status_code == 200 and "Loopbaancheque 1" in detail.content.decode()
        assert (
            web.get(reverse("trajectory_detail", args=[voucher.trajectory_id])).status_code == 200
        )
        assert web.get(reverse("client_detail", args=[client_record.pk])).status_code == 200
        answer = Api(coach).get(f"/vouchers/{voucher.pk}")
        assert answer.status_code == 200 and answer.json()["ruleset_version"] == "2025-reform"


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_lbc_01_published_version_opens_vouchers_again(client_record, coach, administrator):
    row = publish(administrator)
    assert row.published_by == administrator and row.based_on == "2025-reform"
    voucher = open_voucher(client_record, coach, date(2027, 3, 15))
    assert voucher.ruleset_version == "2027-loopbaankrediet"
    ruleset = ruleset_by_version("voucher", "2027-loopbaankrediet")
    assert ruleset.own_contribution_cents == 5000 and ruleset.vouchers_per_client == 1
    assert ruleset_in_force("voucher", date(2026, 12, 31)).version == "2025-reform"
