"""Login, lock-out, logout, password change and the TOTP second factor."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "secret-pass-123"  # the factories' password


@pytest.fixture(autouse=True)
def _no_otp_throttle(settings):
    # django-otp slows down retries after a wrong code; the tests try again at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits, t0=device.t0):06d}"


def test_login_page_renders_in_dutch(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Aanmelden" in response.content.decode()


def test_login_and_land_on_dashboard(client, coach):
    response = client.post(reverse("login"), {"username": "coach", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_wrong_password_shows_dutch_message(client, coach):
    response = client.post(reverse("login"), {"username": "coach", "password": "fout"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord is niet juist" in response.content.decode()


def test_lockout_after_five_failures(client, coach):
    for _ in range(5):
        client.post(reverse("login"), {"username": "coach", "password": "fout"})
    response = client.post(reverse("login"), {"username": "coach", "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "Account tijdelijk vergrendeld" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(logged_in, coach):
    web = logged_in(coach)
    assert web.get(reverse("logout")).status_code == 405
    response = web.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in web.session


def test_password_change(logged_in, coach):
    web = logged_in(coach)
    assert web.get(reverse("password_change")).status_code == 200
    response = web.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Een-nieuw-wachtwoord-42",
            "new_password2": "Een-nieuw-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    coach.refresh_from_db()
    assert coach.check_password("Een-nieuw-wachtwoord-42")


def test_otp_setup_shows_qr_and_confirms_device(logged_in, coach):
    web = logged_in(coach)
    response = web.get(reverse("otp_setup"))
    assert response.status_code == 200
    assert "data:image/svg+xml" in response.content.decode()
    device = TOTPDevice.objects.get(user=coach)
    assert not device.confirmed
    response = web.post(
        reverse("otp_setup"), {"code": "000000" if _code(device) != "000000" else "111111"}
    )
    assert "Deze code klopt niet" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    response = web.post(reverse("otp_setup"), {"code": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed


def test_otp_verify_after_login(client, coach):
    device = TOTPDevice.objects.create(user=coach, name="Koers", confirmed=True)
    client.post(reverse("login"), {"username": "coach", "password": PASSWORD})
    response = client.get(reverse("client_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_verify"))
    bad = client.post(reverse("otp_verify"), {"code": "12", "next": "/clienten/"})
    assert "Deze code klopt niet" in bad.content.decode()
    assert client.get(reverse("client_list")).status_code == 302
    response = client.post(reverse("otp_verify"), {"code": _code(device), "next": "/clienten/"})
    assert response.status_code == 302
    assert response["Location"] == "/clienten/"
    assert client.get(reverse("client_list")).status_code == 200


def test_otp_verify_refuses_foreign_next(client, coach):
    device = TOTPDevice.objects.create(user=coach, name="Koers", confirmed=True)
    client.post(reverse("login"), {"username": "coach", "password": PASSWORD})
    response = client.post(
        reverse("otp_verify"), {"code": _code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("dashboard")
