"""MED-12: the maximum duration and the passive CATWZ codes are not in the seed. Per partner and
tender its administrator confirms them; until then they show "niet bevestigd" and no automatic
closing ("ter afsluiting" on maximum duration, passive by code, MED-16) rests on them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from koers.core.models import Role
from koers.mediation import jobs, selectors, services
from koers.mediation import models as m
from koers.mediation.rules.closing import month_end, previous_month_ends
from tests.api.conftest import Api
from tests.factories import staff_user

from .conftest import confirm_settings
from .steps import _passive_three, _started

pytestmark = pytest.mark.django_db


@pytest.fixture
def unconfirmed(partner):
    m.TenderSetting.objects.filter(organisation=partner).delete()
    return partner


@pytest.fixture
def partner_admin(partner):
    return staff_user(partner, Role.ADMINISTRATOR, username="beheerder-werkkracht")


def test_med_12_unconfirmed_maximum_never_raises_ter_afsluiting(
    unconfirmed, service, mediator, logged_in
):
    _started(service, mediator, months_ago_days=400)
    assert jobs.mediation_closing_signal(timezone.now()) == 0
    service.refresh_from_db()
    assert service.state == m.ServiceState.MEDIATING
    due = selectors.closing_facts(service, timezone.localdate())
    assert due.reason is None and any("niet bevestigd" in r.message for r in due.reasons)
    page = logged_in(mediator).get(reverse("mediation_detail", kwargs={"pk": service.pk}))
    html = page.content.decode()
    assert 'data-testid="tender-setting"' in html and "niet bevestigd" in html


def test_med_12_confirmed_maximum_is_the_partners_value(partner, service, mediator):
    confirm_settings(partner, maximum_months=24)
    _started(service, mediator, months_ago_days=400)  # 13 months: under the confirmed 24
    assert jobs.mediation_closing_signal(timezone.now()) == 0
    m.MediationService.objects.filter(pk=service.pk).update(
        mediation_started_on=timezone.localdate() - timedelta(days=740)
    )
    assert jobs.mediation_closing_signal(timezone.now()) == 1
    service.refresh_from_db()
    assert service.closing_reason == "max_duration"


def test_med_12_passive_by_unconfirmed_code_does_not_count_an_explicit_flag_does(
    unconfirmed, service, mediator
):
    _started(service, mediator)
    _passive_three(service, mediator)  # CATWZ 52, a default passive code, not confirmed
    assert service.state == m.ServiceState.MEDIATING
    for end in previous_month_ends(timezone.localdate(), 3):
        services.month_end_record(
            service=service, month_end=end, category="", passive=True, acting_user=mediator
        )
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE and service.closing_reason == "passive"


def test_med_12_confirmed_codes_decide_what_is_passive(partner, service, mediator):
    confirm_settings(partner, codes=("55",))
    _started(service, mediator)
    _passive_three(service, mediator)  # 52 is not among the partner's confirmed codes
    assert service.state == m.ServiceState.MEDIATING
    assert not service.month_ends.filter(passive=True).exists()


def test_med_16_no_automatic_close_on_an_unconfirmed_setting(partner, service, mediator):
    _started(service, mediator, months_ago_days=400)
    jobs.mediation_closing_signal(timezone.now())
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE
    m.TenderSetting.objects.filter(organisation=partner).delete()
    later = timezone.now() + timedelta(days=40)
    assert jobs.mediation_auto_close(later) == 0
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE
    assert "niet automatisch" in selectors.auto_close_hold(service).message


def test_med_12_month_end_before_the_start_of_mediation_refused(service, mediator):
    _started(service, mediator)
    start = service.mediation_started_on
    before_start = month_end(start.year, start.month) - timedelta(days=31)
    before_start = month_end(before_start.year, before_start.month)
    with pytest.raises(ValidationError, match="vóór de start") as exc:
        services.month_end_record(
            service=service, month_end=before_start, category="52", acting_user=mediator
        )
    assert "month_end" in exc.value.message_dict
    assert not service.month_ends.exists()


def test_med_12_month_end_before_the_start_refused_also_when_not_started(service, mediator):
    with pytest.raises(ValidationError, match="nog niet gestart"):
        services.month_end_record(
            service=service,
            month_end=previous_month_ends(timezone.localdate(), 1)[0],
            category="52",
            acting_user=mediator,
        )


@pytest.mark.parametrize("category", ["abc", "5", "520", "5a", "passief"])
def test_med_12_catwz_takes_a_two_digit_code_only(service, mediator, category):
    _started(service, mediator)
    with pytest.raises(ValidationError, match="twee cijfers") as exc:
        services.month_end_record(
            service=service,
            month_end=previous_month_ends(timezone.localdate(), 1)[0],
            category=category,
            acting_user=mediator,
        )
    assert "category" in exc.value.message_dict
    assert not service.month_ends.exists()


def test_med_12_blank_category_needs_an_explicit_flag(service, mediator):
    _started(service, mediator)
    with pytest.raises(ValidationError, match="CATWZ"):
        services.month_end_record(
            service=service,
            month_end=previous_month_ends(timezone.localdate(), 1)[0],
            category="",
            acting_user=mediator,
        )


def test_med_12_month_end_api_refuses_text_as_catwz(service, mediator):
    _started(service, mediator)
    response = Api(mediator).post(
        f"/mediation/services/{service.pk}/month-ends",
        [{"month_end": str(previous_month_ends(timezone.localdate(), 1)[0]), "category": "xx"}],
    )
    assert response.status_code == 422
    assert "MED-12" in " ".join(e["message"] for e in response.json()["errors"])
    assert not service.month_ends.exists()


# ---- the page under the partner's administration ------------------------------------------------


def test_med_12_settings_page_shows_defaults_niet_bevestigd(unconfirmed, partner_admin, logged_in):
    page = logged_in(partner_admin).get(
        reverse("mediation_settings", kwargs={"pk": unconfirmed.pk})
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("niet bevestigd") >= 4
    assert 'value="12"' in html and "50, 51, 52, 53, 54, 55, 56, 57" in html
    assert "volgt uit de handleiding" in html  # WIJ3


def test_med_12_administrator_confirms_on_the_page(unconfirmed, partner_admin, logged_in):
    client = logged_in(partner_admin)
    url = reverse("mediation_settings", kwargs={"pk": unconfirmed.pk})
    response = client.post(
        url,
        {
            "tender": "SCRABA",
            "SCRABA-maximum_months": "18",
            "SCRABA-passive_codes": "52, 50 57",
            "SCRABA-confirm": "on",
        },
    )
    assert response.status_code == 302
    setting = m.TenderSetting.objects.get(organisation=unconfirmed, tender="SCRABA")
    assert (setting.maximum_months, setting.passive_codes) == (18, ["50", "52", "57"])
    assert setting.confirmed_by == partner_admin and setting.confirmed
    html = client.get(url).content.decode()
    section = html.split('data-testid="setting-SCRABA"')[1].split("</section>")[0]
    assert "bevestigd" in section and "niet bevestigd" not in section


def test_med_12_invalid_values_keep_the_input_with_the_error_next_to_the_field(
    unconfirmed, partner_admin, logged_in
):
    client = logged_in(partner_admin)
    url = reverse("mediation_settings", kwargs={"pk": unconfirmed.pk})
    response = client.post(
        url,
        {
            "tender": "SAB3",
            "SAB3-maximum_months": "3",
            "SAB3-passive_codes": "52, x9",
            "SAB3-confirm": "on",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    section = html.split('data-testid="setting-SAB3"')[1].split("</section>")[0]
    assert 'value="3"' in section and "52, x9" in section
    assert 'id="id_SAB3-maximum_months_errors"' in section
    assert not m.TenderSetting.objects.filter(organisation=unconfirmed).exists()


def test_med_12_without_confirmation_box_nothing_is_confirmed(
    unconfirmed, partner_admin, logged_in
):
    response = logged_in(partner_admin).post(
        reverse("mediation_settings", kwargs={"pk": unconfirmed.pk}),
        {"tender": "TIBB4", "TIBB4-maximum_months": "12", "TIBB4-passive_codes": "50"},
    )
    assert response.status_code == 200
    assert not m.TenderSetting.objects.filter(organisation=unconfirmed).exists()


def test_med_12_only_the_partners_administrator_reaches_the_page(
    partner, other_partner, mediator, partner_staff, partner_admin, logged_in
):
    url = reverse("mediation_settings", kwargs={"pk": partner.pk})
    for user in (mediator, partner_staff, staff_user(other_partner, Role.ADMINISTRATOR)):
        client = logged_in(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"tender": "TIBB4"}).status_code == 404
    assert logged_in(partner_admin).get(url).status_code == 200
    dashboard = logged_in(partner_admin).get(reverse("mediation_dashboard")).content.decode()
    assert 'data-testid="settings-link"' in dashboard


# ---- the API ---------------------------------------------------------------------------------


def test_med_12_api_reads_and_the_administrator_confirms(
    unconfirmed, mediator, partner_admin, other_partner
):
    read = Api(mediator).get(f"/mediation/settings/{unconfirmed.pk}")
    assert read.status_code == 200
    tibb4 = next(s for s in read.json() if s["tender"] == "TIBB4")
    assert tibb4["confirmed"] is False and tibb4["maximum_months"] == 12
    denied = Api(mediator).post(
        f"/mediation/settings/{unconfirmed.pk}/TIBB4",
        {"maximum_months": 12, "passive_codes": ["50"]},
    )
    assert denied.status_code == 403
    outsider = Api(staff_user(other_partner, Role.CENTRE_STAFF))
    assert outsider.get(f"/mediation/settings/{unconfirmed.pk}").status_code == 404
    bad = Api(partner_admin).post(
        f"/mediation/settings/{unconfirmed.pk}/TIBB4",
        {"maximum_months": 12, "passive_codes": ["passief"]},
    )
    assert bad.status_code == 422 and not m.TenderSetting.objects.exists()
    ok = Api(partner_admin).post(
        f"/mediation/settings/{unconfirmed.pk}/TIBB4",
        {"maximum_months": 15, "passive_codes": ["50", "51"]},
    )
    assert ok.status_code == 200, ok.json()
    assert ok.json()["confirmed"] is True and ok.json()["confirmed_by_id"] == partner_admin.pk
    wij3 = Api(partner_admin).post(
        f"/mediation/settings/{unconfirmed.pk}/WIJ3",
        {"maximum_months": 15, "passive_codes": ["50"]},
    )
    assert wij3.status_code == 422


def test_med_12_rule_closing_due_skips_an_unconfirmed_maximum():
    from datetime import date

    from koers.mediation.rules.closing import closing_due
    from koers.mediation.rules.ruleset import RULESETS

    kwargs = {
        "tender": "TIBB4",
        "started_on": date(2020, 1, 6),
        "month_ends": [],
        "today": date(2022, 1, 6),
        "ruleset": RULESETS[0],
    }
    assert closing_due(**kwargs).reason == "max_duration"
    held = closing_due(**kwargs, maximum_confirmed=False)
    assert held.reason is None and "niet bevestigd" in held.reasons[-1].message
    longer = closing_due(**kwargs, maximum_months=30)
    assert longer.reason is None
