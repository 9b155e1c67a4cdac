"""A coach's appointments as iCalendar (RFC 5545): the private feed and a single appointment."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from koers.core.models import User
from koers.intake.models import Introduction, Lead
from koers.trajectories.models import Contact, ContactOutcome

FEED_DAYS_BACK = 90
FEED_DAYS_AHEAD = 365


def _calendar() -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Koers//Afspraken//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Koers")
    return cal


def _event(
    uid: str, start: datetime, minutes: int, summary: str, location: str, cancelled: bool
) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{settings.KOERS_BASE_URL.split('//')[-1].split('/')[0]}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=minutes))
    # Only a first name: the feed leaves Koers (a phone, a calendar service).
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if cancelled:
        event.add("status", "CANCELLED")
    return event


def contact_event(contact: Contact) -> Event:
    client = contact.trajectory.client
    return _event(
        f"contact-{contact.pk}",
        contact.starts_at,
        contact.duration_minutes,
        f"{contact.get_form_display()} — {client.first_name}",
        contact.place,
        contact.outcome in (ContactOutcome.CANCELLED, ContactOutcome.RESCHEDULED),
    )


def introduction_event(intro: Introduction) -> Event:
    return _event(
        f"kennismaking-{intro.pk}",
        intro.starts_at,
        intro.duration_minutes,
        f"Kennismakingsgesprek — {intro.lead.first_name}",
        intro.place,
        False,
    )


def coach_feed(user: User, now: datetime) -> bytes:
    """The coach's own contacts (where they are the staff) and planned introductions, of the
    trajectories and leads the coach may still see (`visible_to`: a mediation service whose
    access ended leaves the feed too)."""
    cal = _calendar()
    since, until = now - timedelta(days=FEED_DAYS_BACK), now + timedelta(days=FEED_DAYS_AHEAD)
    contacts = (
        Contact.objects.visible_to(user)
        .filter(staff=user, starts_at__range=(since, until))
        .select_related("trajectory__client")
        .order_by("starts_at")
    )
    for contact in contacts:
        cal.add_component(contact_event(contact))
    intros = Introduction.objects.filter(
        lead__in=Lead.objects.visible_to(user),
        coach=user,
        contact__isnull=True,
        starts_at__range=(since, until),
    ).select_related("lead")
    for intro in intros:
        cal.add_component(introduction_event(intro))
    return cal.to_ical()


def single(event: Event) -> bytes:
    cal = _calendar()
    cal.add_component(event)
    return cal.to_ical()
