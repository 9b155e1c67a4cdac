"""Rule sets as data: publishing a version (service), the page Centrum ▾ Regelsets and the API.

The clock is frozen where it matters: 2027-03-15 is after the last built-in voucher version
(2025-reform, until 2026-12-31)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from koers.trajectories.models import RulesetVersion
from koers.trajectories.rulesets import (
    ruleset_by_version,
    ruleset_in_force,
    ruleset_overview,
    ruleset_publish,
)
from koers.vouchers.services import voucher_open
from tests.api.conftest import Api
from tests.factories import TrajectoryFactory

BRUSSELS = ZoneInfo("Europe/Brussels")
# These tests are about the end of the built-in voucher versions: no continuation (conftest).
pytestmark = pytest.mark.ruleset_cliff

AFTER_THE_END = datetime(2027, 3, 15, 10, 0, tzinfo=BRUSSELS)
BEFORE_THE_END = datetime(2026, 6, 1, 10, 0, tzinfo=BRUSSELS)
NO_RULESET = (
    "Er is geen regelset voor loopbaancheques geldig op 15/03/2027 (de laatste liep tot "
    "31/12/2026). Een beheerder van het centrum publiceert een nieuwe versie onder Centrum ▾ "
    "Regelsets."
)


def _publish(user, **overrides):
    data = {
        "programme": "voucher",
        "version": "2027-loopbaankrediet",
        "valid_from": date(2027, 1, 1),
        "valid_until": None,
        "based_on": "2025-reform",
        "changes": {"own_contribution_cents": 5000},
        "reason": "Mededeling VDAB van 10/03/2027 over het loopbaankrediet.",
        "acting_user": user,
    }
    return ruleset_publish(**{**data, **overrides})


def _open(client_record, coach, day):
    return voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=day,
        acting_user=coach,
    )


# ---- the refusal until someone publishes ------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_lbc_01_voucher_after_the_last_version_is_refused_saying_who_can_fix_it(
    client_record, coach
):
    with pytest.raises(ValidationError) as refused:
        _open(client_record, coach, date(2027, 3, 15))
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
        voucher = _open(client_record, coach, date(2026, 6, 1))
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


# ---- the service --------------------------------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_lbc_01_published_version_opens_vouchers_again(client_record, coach, administrator):
    row = _publish(administrator)
    assert row.published_by == administrator and row.based_on == "2025-reform"
    voucher = _open(client_record, coach, date(2027, 3, 15))
    assert voucher.ruleset_version == "2027-loopbaankrediet"
    ruleset = ruleset_by_version("voucher", "2027-loopbaankrediet")
    assert ruleset.own_contribution_cents == 5000 and ruleset.vouchers_per_client == 1
    assert ruleset_in_force("voucher", date(2026, 12, 31)).version == "2025-reform"


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_publication_is_audited_and_never_changed_afterwards(administrator):
    row = _publish(administrator)
    history = row.history.get()
    assert history.history_type == "+" and history.history_user == administrator
    assert history.reason.startswith("Mededeling VDAB")
    row.valid_until = date(2027, 12, 31)
    with pytest.raises(ValueError, match="never changed"):
        row.save()
    with pytest.raises(ValueError, match="never deleted"):
        row.delete()
    assert RulesetVersion.objects.get().valid_until is None


@pytest.mark.django_db
@time_machine.travel(BEFORE_THE_END, tick=False)
def test_ruleset_lbc_01_version_may_not_cover_a_day_a_trajectory_was_already_judged(
    client_record, coach, administrator
):
    """Publishing from 2026-05-01 would judge the voucher that started on 2026-06-01 (and the
    client's entitlement) by other numbers than the 2025-reform it was opened under."""
    _open(client_record, coach, date(2026, 6, 1))
    with pytest.raises(ValidationError) as refused:
        _publish(administrator, version="2026-correctie", valid_from=date(2026, 5, 1))
    assert "Op 01/06/2026 is nog een traject gestart" in refused.value.message_dict["valid_from"][0]
    _publish(administrator, version="2026-tweede-helft", valid_from=date(2026, 6, 2))
    assert ruleset_in_force("voucher", date(2026, 6, 2)).version == "2026-tweede-helft"
    assert ruleset_in_force("voucher", date(2026, 6, 1)).version == "2025-reform"


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_version_used_by_a_trajectory_is_never_replaced(
    client_record, coach, administrator
):
    _publish(administrator)
    _open(client_record, coach, date(2027, 3, 1))
    with pytest.raises(ValidationError) as refused:
        _publish(administrator, version="2027-correctie")
    assert "Op 01/03/2027 is nog een traject gestart" in refused.value.message_dict["valid_from"][0]
    assert ruleset_in_force("voucher", date(2027, 3, 1)).version == "2027-loopbaankrediet"


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_unused_version_is_corrected_by_a_new_one_with_the_same_start(administrator):
    _publish(administrator)
    _publish(
        administrator,
        version="2027-correctie",
        based_on="2027-loopbaankrediet",
        changes={"own_contribution_cents": 4500},
    )
    assert ruleset_in_force("voucher", date(2027, 3, 15)).own_contribution_cents == 4500
    statuses = {v.version: v.status for v in ruleset_overview(today=date(2027, 3, 15))[0].versions}
    assert statuses == {
        "2027-correctie": "in_force",
        "2027-loopbaankrediet": "replaced",
        "2025-reform": "expired",
        "2019-seeds": "expired",
    }


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_publication_reports_every_problem_at_once_and_saves_nothing(administrator):
    with pytest.raises(ValidationError) as refused:
        _publish(
            administrator,
            version="2025-reform",
            reason="  ",
            changes={"vouchers_per_client": 3, "voucher_minutes": "veel"},
        )
    errors = refused.value.message_dict
    assert set(errors) == {"version", "reason", "parameters.voucher_minutes"}
    with pytest.raises(ValidationError) as refused:
        _publish(administrator, changes={"vouchers_per_client": 3, "unknown": 1})
    assert set(refused.value.message_dict) == {"parameters.unknown"}
    with pytest.raises(ValidationError) as refused:
        _publish(administrator, changes={"vouchers_per_client": 3})
    assert refused.value.message_dict == {
        "parameters.vouchers_per_client": [
            "Koers kent loopbaancheque 1 en 2: kies 1 of 2. (LBC-01)"
        ]
    }
    assert not RulesetVersion.objects.exists()


@pytest.mark.django_db
def test_ruleset_only_an_administrator_publishes(coach, centre_staff):
    for user in (coach, centre_staff):
        with pytest.raises(PermissionDenied):
            _publish(user)
    assert not RulesetVersion.objects.exists()


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_med_12_numbers_are_not_changed_here_but_others_are(administrator):
    with pytest.raises(ValidationError) as refused:
        _publish(
            administrator,
            programme="mediation",
            version="2027-med",
            based_on="2019-seed-004",
            changes={"passive_month_ends": 4},
        )
    assert set(refused.value.message_dict) == {"parameters.passive_month_ends"}
    _publish(
        administrator,
        programme="mediation",
        version="2027-med",
        based_on="2019-seed-004",
        changes={"letter_max_pages": 10},
    )
    published = ruleset_in_force("mediation", date(2027, 3, 15))
    assert published.letter_max_pages == 10 and published.passive_month_ends == 3


@pytest.mark.django_db
def test_ruleset_intake_is_listed_but_not_published_as_data(administrator):
    with pytest.raises(ValidationError) as refused:
        _publish(administrator, programme="intake", based_on="2019-seeds", changes={})
    assert "programme" in refused.value.message_dict
    keys = [item.key for item in ruleset_overview(today=date(2027, 3, 15))]
    assert set(keys) == {"voucher", "mediation", "intake"}


# ---- the page -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["ruleset_list", "ruleset_new"])
def test_ruleset_pages_are_for_administrators_only(name, coach, centre_staff, logged_in, client):
    url = reverse(name, args=["voucher"] if name == "ruleset_new" else [])
    for user in (coach, centre_staff):
        assert logged_in(user).get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_list_shows_versions_status_and_use(client_record, coach, administrator, logged_in):
    with time_machine.travel(BEFORE_THE_END, tick=False):
        _open(client_record, coach, date(2026, 6, 1))
    web = logged_in(administrator)
    assert reverse("ruleset_list") in web.get(reverse("dashboard")).content.decode()
    page = web.get(reverse("ruleset_list")).content.decode()
    assert "Vandaag is geen enkele versie van kracht" in page
    assert "2025-reform" in page and "verlopen" in page and "1 traject" in page
    assert reverse("ruleset_new", args=["voucher"]) in page
    assert (
        reverse("ruleset_list") not in logged_in(coach).get(reverse("dashboard")).content.decode()
    )


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_new_version_page_prefills_checks_confirms_then_publishes(administrator, logged_in):
    web = logged_in(administrator)
    url = reverse("ruleset_new", args=["voucher"])
    form = web.get(url).content.decode()
    # Prefilled from the last version, each parameter with its current value.
    assert 'name="p_vouchers_per_client"' in form and 'value="1: 90, 2: 60"' in form
    assert "In 2025-reform: 240." in form
    data = {
        "based_on": "2025-reform",
        "version": "2027-loopbaankrediet",
        "valid_from": "01/01/2027",
        "valid_until": "",
        "reason": "Mededeling VDAB van 10/03/2027 over het loopbaankrediet.",
    }
    params = {
        "p_vouchers_per_client": "1",
        "p_voucher_minutes": "240",
        "p_block_minutes": "30",
        "p_contact_min_minutes": "30",
        "p_contact_max_minutes": "120",
        "p_group_max_minutes": "1: 90, 2: 60",
        "p_own_contribution_cents": "5000",
        "p_subsidy_at_risk_cents": "102000",
        "p_aftercare_minutes": "30",
        "p_aftercare_window_years": "1",
        "p_evaluation_reminders": "2",
        "p_evaluation_reminder_interval_days": "7",
    }
    # A wrong value: the message stands next to the field, the input is kept, nothing is saved.
    wrong = web.post(url, {**data, **params, "p_group_max_minutes": "1: 90"})
    body = wrong.content.decode()
    assert wrong.status_code == 200 and "Geef een maximum voor cheque 2. (LBC-04)" in body
    assert 'id="id_p_group_max_minutes_errors"' in body and 'value="1: 90"' in body
    # Right: a confirmation page with what changes, still nothing saved.
    confirm = web.post(url, {**data, **params})
    body = confirm.content.decode()
    assert confirm.status_code == 200 and 'data-testid="ruleset-confirm"' in body
    assert "4000" in body and "5000" in body
    assert not RulesetVersion.objects.exists()
    done = web.post(url, {**data, **params, "confirm": "1"})
    assert done.status_code == 302 and done["Location"] == reverse("ruleset_list")
    row = RulesetVersion.objects.get()
    assert (
        row.version == "2027-loopbaankrediet" and row.parameters["own_contribution_cents"] == 5000
    )
    assert row.published_by == administrator


@pytest.mark.django_db
@time_machine.travel(datetime(2027, 6, 1, 9, 0, tzinfo=BRUSSELS), tick=False)
def test_ruleset_lbc_01_demo_after_the_last_voucher_version_publishes_a_demo_version():
    from io import StringIO

    from django.core.management import call_command

    from koers.vouchers.models import Voucher

    call_command("demo", stdout=StringIO())
    row = RulesetVersion.objects.get()
    assert (row.version, row.valid_from, row.based_on) == (
        "demo-2027",
        date(2027, 1, 1),
        "2025-reform",
    )
    assert Voucher.objects.filter(ruleset_version="demo-2027").exists()


@pytest.mark.django_db
def test_ruleset_new_version_page_for_intake_says_why_not_and_unknown_programme_is_404(
    administrator, logged_in
):
    web = logged_in(administrator)
    response = web.get(reverse("ruleset_new", args=["intake"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("ruleset_list")
    assert "komt met een nieuwe release" in response.content.decode()
    assert web.get(reverse("ruleset_new", args=["onbekend"])).status_code == 404
