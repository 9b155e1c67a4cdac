"""The second factor: who must enrol, enrolment at login with recovery codes, and no way around it."""

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.core.models import Organisation, RecoveryCode
from tests.factories import OrganisationFactory
from tests.second_factor import totp_code as _code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mfa_required_no_throttle")]

PASSWORD = "secret-pass-123"  # the factories' password


def _sign_in(client, username: str):
    """Through the login form, as a person does (not force_login)."""
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:300]
    return client


def _shown_codes(html: str) -> list[str]:
    """The recovery codes on the page (the database keeps only their digests)."""
    listing = re.search(r'data-testid="recovery-codes">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r"<code>([^<]+)</code>", listing)


def _enrol(client) -> list[str]:
    """Scan (read the device) and confirm with a code; return the recovery codes shown."""
    client.get(reverse("otp_setup"))
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("otp_setup"), {"code": _code(device), "next": "/clienten/"})
    assert response.status_code == 200
    return _shown_codes(response.content.decode())


@pytest.mark.parametrize("username", ["beheerder", "backoffice"])
def test_administrator_and_centre_staff_are_sent_to_enrol_before_any_page(
    client, administrator, centre_staff, username
):
    # Both see full national numbers (core.view_national_number); administrators always must.
    _sign_in(client, username)
    response = client.get(reverse("client_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_setup"))
    assert "next=%2Fclienten%2F" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "tweestapsverificatie verplicht" in page


def test_an_organisation_that_asks_it_makes_its_coaches_enrol_from_their_next_login(
    client, logged_in, administrator, coach, centre
):
    _sign_in(client, "coach")
    assert client.get(reverse("client_list")).status_code == 200  # not asked yet
    admin_web = logged_in(administrator)
    admin_web.post(reverse("organisation_mfa", args=[centre.pk]), {"staff_mfa_required": "on"})
    centre.refresh_from_db()
    assert centre.staff_mfa_required
    assert centre.history.first().history_user == administrator
    client.post(reverse("logout"))
    _sign_in(client, "coach")
    response = client.get(reverse("client_list"))
    assert response["Location"].startswith(reverse("otp_setup"))


def test_only_an_administrator_asks_a_second_factor_of_an_organisations_staff(
    logged_in, centre_staff, centre
):
    response = logged_in(centre_staff).post(
        reverse("organisation_mfa", args=[centre.pk]), {"staff_mfa_required": "on"}
    )
    assert response.status_code == 403
    assert not Organisation.objects.get(pk=centre.pk).staff_mfa_required


def test_the_administrator_sees_the_choice_on_the_organisation_page(logged_in, administrator):
    other = OrganisationFactory(name="Elders", staff_mfa_required=True)
    page = logged_in(administrator).get(reverse("organisation_detail", args=[other.pk]))
    html = page.content.decode()
    assert reverse("organisation_mfa", args=[other.pk]) in html
    assert 'name="staff_mfa_required" checked' in html


def test_enrolment_shows_ten_recovery_codes_once_and_then_opens_the_asked_page(
    client, administrator
):
    _sign_in(client, "beheerder")
    client.get(reverse("otp_setup"))
    device = TOTPDevice.objects.get(user=administrator, confirmed=False)
    response = client.post(reverse("otp_setup"), {"code": _code(device), "next": "/clienten/"})
    html = response.content.decode()
    codes = _shown_codes(html)
    assert len(set(codes)) == 10
    assert RecoveryCode.objects.filter(device__user=administrator).count() == 10
    assert all(code in html for code in codes)
    assert 'href="/clienten/"' in html
    assert response.headers["Cache-Control"].startswith("max-age=0")
    assert client.get(reverse("client_list")).status_code == 200
    # Shown once: the set-up page now only counts them.
    again = client.get(reverse("otp_setup")).content.decode()
    assert not any(code in again for code in codes)
    assert "nog 10 ongebruikte herstelcodes" in again


def test_a_recovery_code_signs_in_once_and_never_again(client, administrator):
    _sign_in(client, "beheerder")
    code = _enrol(client)[0]
    for attempt in range(2):
        client.post(reverse("logout"))
        _sign_in(client, "beheerder")
        assert client.get(reverse("client_list"))["Location"].startswith(reverse("otp_verify"))
        client.post(reverse("otp_verify"), {"code": code.upper(), "next": "/clienten/"})
        expected = 200 if attempt == 0 else 302  # the second time: still asked for a code
        assert client.get(reverse("client_list")).status_code == expected
    assert RecoveryCode.objects.filter(device__user=administrator).count() == 9


def test_new_recovery_codes_replace_the_old_ones(client, administrator):
    _sign_in(client, "beheerder")
    old = set(_enrol(client))
    response = client.post(reverse("otp_recovery_codes"))
    new = set(_shown_codes(response.content.decode()))
    assert len(new) == 10
    assert not old & new
    assert RecoveryCode.objects.filter(device__user=administrator).count() == 10


def test_password_change_asks_the_code_of_a_user_who_has_a_device(client, coach):
    device = TOTPDevice.objects.create(user=coach, name="Koers", confirmed=True)
    _sign_in(client, "coach")
    response = client.get(reverse("password_change"))
    assert response["Location"].startswith(reverse("otp_verify"))
    client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Een-nieuw-wachtwoord-42",
            "new_password2": "Een-nieuw-wachtwoord-42",
        },
    )
    coach.refresh_from_db()
    assert coach.check_password(PASSWORD)
    client.post(reverse("otp_verify"), {"code": _code(device), "next": "/accounts/wachtwoord/"})
    assert client.get(reverse("password_change")).status_code == 200


def test_the_session_api_refuses_an_administrator_who_has_not_enrolled(client, administrator):
    _sign_in(client, "beheerder")
    assert client.get("/api/v1/clients").status_code == 401
