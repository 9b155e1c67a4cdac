"""Contact pages (views/contacts.py): logging and changing a contact, bad input."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.trajectories.models import Contact
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def contact_post(when=None, **overrides):
    when = timezone.localtime(when or timezone.now() - timedelta(days=1))
    data = {
        "date": when.strftime("%d/%m/%Y"),
        "start_time": when.strftime("%H:%M"),
        "duration_minutes": "60",
        "form": "individual",
        "place": "Gent",
        "outcome": "held",
        "absence_reason": "",
        "notes": "Goed gesprek.",
    }
    data.update(overrides)
    return data


def test_log_contact(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("contact_create", args=[trajectory.pk]), contact_post()
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.duration_minutes == 60 and contact.staff == coach


def test_held_contact_in_the_future_is_refused(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("contact_create", args=[trajectory.pk]),
        contact_post(when=timezone.now() + timedelta(days=2)),
    )
    assert response.status_code == 200
    assert "kan nog niet als gehouden" in response.content.decode()
    assert not Contact.objects.exists()


def test_overlapping_contact_is_refused(logged_in, coach, trajectory):
    when = timezone.now() - timedelta(days=1)
    ContactFactory(trajectory=trajectory, starts_at=when, duration_minutes=60)
    response = logged_in(coach).post(
        reverse("contact_create", args=[trajectory.pk]),
        contact_post(when=when + timedelta(minutes=30)),
    )
    assert "al een contact" in response.content.decode()
    assert Contact.objects.count() == 1


def test_absent_contact_needs_a_reason(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("contact_create", args=[trajectory.pk]), contact_post(outcome="absent")
    )
    assert "reden van afwezigheid" in response.content.decode()
    assert not Contact.objects.exists()


def test_update_contact(logged_in, coach, trajectory):
    contact = ContactFactory(trajectory=trajectory)
    response = logged_in(coach).post(
        reverse("contact_update", args=[contact.pk]),
        contact_post(when=contact.starts_at, duration_minutes="90"),
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.duration_minutes == 90
