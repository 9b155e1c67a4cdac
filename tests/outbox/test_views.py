"""'Uitgaande berichten': centre staff see the messages of their own centre that keep failing
and can send one again; coaches and other centres see nothing (404, as for every file)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.core.models import Role
from koers.outbox.models import OutboxMessage
from koers.outbox.services import mail_queue
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def _failed(organisation) -> OutboxMessage:
    message = mail_queue(
        kind="tests.failed",
        organisation=organisation,
        to=["an@example.org"],
        subject="Uitnodiging evaluatie",
        body="Dag An",
    )
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=8, failed_at=timezone.now(), last_error="SMTPServerDisconnected"
    )
    return message


def test_centre_staff_see_their_centres_failed_messages(logged_in, centre, centre_staff):
    _failed(centre)
    page = logged_in(centre_staff).get(reverse("outbox_list")).content.decode()
    assert "Uitnodiging evaluatie" in page and "SMTPServerDisconnected" in page


def test_a_coach_does_not_get_the_outbox_page(logged_in, centre, coach):
    _failed(centre)
    assert logged_in(coach).get(reverse("outbox_list")).status_code == 404


def test_staff_of_another_centre_neither_see_nor_retry_the_message(logged_in, centre, other_centre):
    message = _failed(centre)
    elsewhere = logged_in(staff_user(other_centre, Role.CENTRE_STAFF, username="elders"))
    assert "Uitnodiging evaluatie" not in elsewhere.get(reverse("outbox_list")).content.decode()
    assert elsewhere.post(reverse("outbox_retry", args=[message.pk])).status_code == 404
    assert OutboxMessage.objects.get(pk=message.pk).failed_at is not None


def test_retry_sends_the_failed_message(
    logged_in, centre, centre_staff, mailoutbox, django_capture_on_commit_callbacks
):
    message = _failed(centre)
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(centre_staff).post(reverse("outbox_retry", args=[message.pk]))
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.sent_at is not None and message.failed_at is None
    assert [m.subject for m in mailoutbox] == ["Uitnodiging evaluatie"]
