"""Lock-out per username across addresses, its Dutch page, the administrators' unlock, and the
rate-limited password-reset form whose completion lifts a lock-out."""

import logging
import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.urls import reverse

from koers.core.models import OrganisationKind, Role
from tests.factories import OrganisationFactory, staff_user

pytestmark = pytest.mark.django_db

PASSWORD = "secret-pass-123"  # the factories' password


def _attempt(client, username: str, password: str, address: str):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _lock(client, username: str) -> None:
    """Five wrong passwords, each from another address (a spread-out guess)."""
    for n in range(5):
        _attempt(client, username, "fout", f"198.51.100.{n + 1}")


def test_five_failures_from_five_addresses_lock_the_username_everywhere(client, coach):
    _lock(client, "coach")
    response = _attempt(client, "coach", PASSWORD, "203.0.113.9")
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_the_locked_out_page_says_in_dutch_how_to_get_back_in(client, coach):
    _lock(client, "coach")
    html = _attempt(client, "coach", PASSWORD, "203.0.113.9").content.decode()
    assert "Account tijdelijk vergrendeld" in html
    assert "van op geen enkel toestel" in html
    assert "Probeer het over 30 minuten opnieuw" in html
    assert reverse("password_reset") in html


def test_spraying_many_usernames_from_one_address_locks_that_address(client, coach):
    for n in range(5):
        _attempt(client, f"gok-{n}", "fout", "198.51.100.7")
    assert _attempt(client, "coach", PASSWORD, "198.51.100.7").status_code in (403, 429)
    assert _attempt(client, "coach", PASSWORD, "198.51.100.8").status_code == 302


def test_an_administrator_lists_and_lifts_a_lock_in_their_organisation(
    client, logged_in, administrator, coach, caplog
):
    _lock(client, "coach")
    web = logged_in(administrator)
    page = web.get(reverse("lockout_list")).content.decode()
    assert page.count('data-testid="locked-account"') == 1
    assert reverse("lockout_release", args=[coach.pk]) in page
    with caplog.at_level(logging.INFO, logger="koers.audit.lockouts"):
        response = web.post(reverse("lockout_release", args=[coach.pk]))
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="coach").exists()
    # Audited with ids only: a username may be an e-mail address.
    assert f"user={coach.pk} by={administrator.pk}" in caplog.text
    assert "coach" not in caplog.text.replace("koers.audit", "")
    web.post(reverse("logout"))
    assert _attempt(client, "coach", PASSWORD, "203.0.113.9").status_code == 302


def test_an_administrator_does_not_see_or_lift_locks_of_other_organisations(
    client, logged_in, administrator
):
    elsewhere = OrganisationFactory(name="Elders", kind=OrganisationKind.CAREER_CENTRE)
    stranger = staff_user(elsewhere, Role.COACH, username="vreemde")
    _lock(client, "vreemde")
    web = logged_in(administrator)
    assert 'data-testid="locked-account"' not in web.get(reverse("lockout_list")).content.decode()
    assert web.post(reverse("lockout_release", args=[stranger.pk])).status_code == 404
    assert AccessAttempt.objects.filter(username="vreemde").exists()


def test_centre_staff_may_not_open_the_locked_accounts(logged_in, centre_staff, coach):
    assert logged_in(centre_staff).get(reverse("lockout_list")).status_code == 403
    assert (
        logged_in(centre_staff).post(reverse("lockout_release", args=[coach.pk])).status_code == 403
    )


def test_the_reset_form_sends_at_most_five_mails_to_one_address_from_many_callers(
    client, coach, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        answers = [
            client.post(
                reverse("password_reset"), {"email": coach.email}, REMOTE_ADDR=f"10.0.0.{n}"
            )
            for n in range(1, 24)
        ]
    assert len(mail.outbox) == 5
    refused = answers[5]
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "te veel links gevraagd" in html
    assert f'value="{coach.email}"' in html  # input kept


def test_the_reset_form_is_limited_per_caller_address_across_target_addresses(client, coach):
    for n in range(5):
        client.post(reverse("password_reset"), {"email": f"iemand{n}@example.org"})
    response = client.post(reverse("password_reset"), {"email": coach.email})
    assert response.status_code == 429
    assert mail.outbox == []


def test_a_completed_password_reset_lifts_the_lock_of_that_username(
    client, coach, other_coach, django_capture_on_commit_callbacks
):
    for _ in range(5):
        _attempt(client, "coach", "fout", "203.0.113.9")
    _lock(client, "andere-coach")
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        client.post(reverse("password_reset"), {"email": coach.email}, REMOTE_ADDR="10.0.0.1")
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "een-nieuw-Wachtwoord-42"
    client.post(form_url, {"new_password1": new, "new_password2": new})
    assert _attempt(client, "coach", new, "203.0.113.9").status_code == 302
    assert AccessAttempt.objects.filter(username="andere-coach").exists()
