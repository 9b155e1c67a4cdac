"""The forgotten-password mail goes through the recorded outbox (issue 15): recorded before it is
sent, kept and retried while the mail server is down, its link erased once sent, and still
limited per address and per target e-mail."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from koers.outbox.delivery import deliver_due
from koers.outbox.models import OutboxMessage
from tests.billing.mail_backends import DOWN, LOCMEM

pytestmark = pytest.mark.django_db

KIND = "auth.password_reset"


def _ask(client, email: str, address: str = "10.0.0.1"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_the_reset_mail_is_recorded_in_the_outbox_and_sent_after_the_commit(
    client, coach, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert _ask(client, coach.email).status_code == 302
    message = OutboxMessage.objects.get(kind=KIND)
    assert message.recipients == [coach.email]
    assert message.subject and "\n" not in message.subject
    assert "http://testserver/accounts/wachtwoord-vergeten/" in message.body  # the link
    assert mail.outbox == []  # nothing left before the commit
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [[coach.email]]


def test_a_reset_mail_is_not_lost_while_the_mail_server_is_down(
    client, coach, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = DOWN
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, coach.email)
    message = OutboxMessage.objects.get(kind=KIND)
    assert message.sent_at is None and message.attempts == 1
    assert mail.outbox == []
    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(timezone.now() + timedelta(hours=1), tick=False):
        assert deliver_due(timezone.now()) == 1  # the sweep, once the server is back
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new = "een-nieuw-Wachtwoord-42"
    assert client.post(form_url, {"new_password1": new, "new_password2": new}).status_code == 302
    coach.refresh_from_db()
    assert coach.check_password(new)


def test_the_link_is_erased_from_the_outbox_once_sent(
    client, coach, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, coach.email)
    message = OutboxMessage.objects.get(kind=KIND)
    assert message.sent_at is not None
    assert message.body == "" and message.html == ""  # the link is a credential


def test_the_rate_limit_still_holds_queued_mails_to_five(
    client, coach, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answers = [_ask(client, coach.email, f"10.0.1.{n}") for n in range(1, 8)]
    assert [a.status_code for a in answers] == [302] * 5 + [429] * 2
    assert OutboxMessage.objects.filter(kind=KIND).count() == 5
    assert len(mail.outbox) == 5


def test_an_unknown_address_queues_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert _ask(client, "niemand@example.org").status_code == 302
    assert not OutboxMessage.objects.filter(kind=KIND).exists()
