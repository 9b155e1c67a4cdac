"""Login, lock-out, logout, password change and the TOTP second factor."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.second_factor import totp_code as _code

pytestmark = pytest.mark.django_db

PASSWORD = "secret-pass-123"  # the factories' password


@pytest.fixture(autouse=True)
def _no_otp_throttle(settings):
    # django-otp slows down retries after a wrong code; the tests try again at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


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
    # Confirmed: the recovery codes are shown once (tests/security/test_mfa.py uses them).
    assert response.status_code == 200
    assert 'data-testid="recovery-codes"' in response.content.decode()
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


@pytest.mark.django_db
def test_forgotten_password_link_sets_a_new_password(
    client, coach, django_capture_on_commit_callbacks
):
    import re

    from django.core import mail
    from django.urls import reverse

    assert "Wachtwoord vergeten?" in client.get(reverse("login")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        client.post(reverse("password_reset"), {"email": coach.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"new_password1": "een-nieuw-Wachtwoord-42", "new_password2": "een-nieuw-Wachtwoord-42"},
    )
    assert response.status_code == 302
    coach.refresh_from_db()
    assert coach.check_password("een-nieuw-Wachtwoord-42")


@pytest.mark.django_db
def test_forgotten_password_for_unknown_address_sends_nothing(client):
    from django.core import mail
    from django.urls import reverse

    response = client.post(reverse("password_reset"), {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.django_db
def test_staff_created_without_password_can_choose_one_through_the_reset_link(
    client, centre, superuser, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.urls import reverse

    from koers.core.models import Role
    from koers.core.services import StaffData, staff_create

    staff_create(
        data=StaffData(
            username="nieuw",
            first_name="Nele",
            last_name="Nieuw",
            email="nele@example.org",
            organisation=centre,
            roles=[Role.COACH],
        ),
        acting_user=superuser,
    )
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        client.post(reverse("password_reset"), {"email": "nele@example.org"})
    assert len(mail.outbox) == 1
