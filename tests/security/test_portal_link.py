"""The portal's e-mailed sign-in link (issue 15): it signs in once, never twice (not in another
browser, not after signing out), it expires after 30 minutes, and following it (a mail scanner's
GET) spends nothing."""

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from koers.portal.models import LoginLink
from koers.portal.services import LOGIN_MAX_AGE
from koers.portal.views import SESSION_KEY
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

NOW = "2026-06-15T10:00:00+02:00"


@pytest.fixture
def link(client_record, django_capture_on_commit_callbacks):
    """The link the portal e-mails, as the client finds it in the mail."""
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        HttpClient().post(reverse("portal_login"), {"email": client_record.email})  # the outbox
    (message,) = mail.outbox
    return re.search(r"https?://\S+(/portal/aanmelden/\S+/)", message.body).group(1)


def _signed_in_as(browser) -> int | None:
    return browser.session.get(SESSION_KEY)


def test_the_link_signs_in_once(link, client_record):
    first, second = HttpClient(), HttpClient()
    with time_machine.travel(NOW, tick=False):
        assert first.post(link).status_code == 302
        assert _signed_in_as(first) == client_record.pk
        assert second.post(link).status_code == 400
        assert second.get(link).status_code == 400
    assert _signed_in_as(second) is None
    assert LoginLink.objects.get().used_at is not None


def test_the_used_link_does_not_sign_in_again_after_signing_out(link, client_record):
    browser = HttpClient()
    with time_machine.travel(NOW, tick=False):
        browser.post(link)
        browser.post(reverse("portal_logout"))
        assert browser.post(link).status_code == 400
    assert _signed_in_as(browser) is None
    assert browser.get(reverse("portal_home")).status_code == 302


def test_following_the_link_spends_nothing(link, client_record):
    browser = HttpClient()
    with time_machine.travel(NOW, tick=False):
        assert browser.get(link).status_code == 200
        assert browser.get(link).status_code == 200
        assert _signed_in_as(browser) is None
        assert browser.post(link).status_code == 302
        assert _signed_in_as(browser) == client_record.pk


@pytest.mark.parametrize(
    ("seconds", "works"), [(LOGIN_MAX_AGE - 5, True), (LOGIN_MAX_AGE + 5, False)]
)
def test_the_link_expires_after_thirty_minutes(link, client_record, seconds, works):
    browser = HttpClient()
    later = timezone.datetime.fromisoformat(NOW) + timedelta(seconds=seconds)
    with time_machine.travel(later, tick=False):
        assert browser.get(link).status_code == (200 if works else 400)
        assert browser.post(link).status_code == (302 if works else 400)
        assert _signed_in_as(browser) == (client_record.pk if works else None)
    # An expired link stays unspent: it can never be used, whatever the clock does afterwards.
    assert (LoginLink.objects.get().used_at is not None) == works


def test_a_link_with_another_clients_id_in_it_signs_in_nobody(link, client_record):
    other = ClientFactory(organisation=client_record.organisation)
    token = link.rstrip("/").rsplit("/", 1)[1]
    # The signed payload with the other client's id, the original signature kept.
    payload, *signature = token.split(":")
    data = json.loads(signing.b64_decode(payload.encode()))
    data["client"] = other.pk
    forged = ":".join([signing.b64_encode(json.dumps(data).encode()).decode(), *signature])
    assert forged != token
    browser = HttpClient()
    with time_machine.travel(NOW, tick=False):
        assert browser.post(reverse("portal_enter", args=[forged])).status_code == 400
        assert browser.post(reverse("portal_enter", args=[token + "x"])).status_code == 400
    assert _signed_in_as(browser) is None
    assert LoginLink.objects.get().used_at is None
