from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from koers.core.models import Location, Membership
from koers.intake.services import LeadData, lead_submit

NOW = timezone.make_aware(datetime(2026, 3, 2, 9, 0))  # Monday 09:00 in Brussels


def lead_data(**overrides) -> LeadData:
    values = {
        "first_name": "Lotte",
        "last_name": "Janssens",
        "email": "lotte@example.org",
        "phone": "0470 12 34 56",
        "career_question": "Ik werk twaalf jaar in de zorg en twijfel of ik wil blijven.",
        "channel": "website",
        "consent": True,
        "windows": [(NOW + timedelta(hours=3), NOW + timedelta(hours=5))],
        "postal_code": "9000",
    }
    values.update(overrides)
    return LeadData(**values)


@pytest.fixture
def ghent(centre):
    return Location.objects.create(
        organisation=centre, name="Gent", postal_code="9000", city="Gent"
    )


@pytest.fixture
def coach_in_ghent(coach, centre, ghent):
    Membership.objects.filter(user=coach, organisation=centre).update(location=ghent)
    return coach


@pytest.fixture
def submit(centre):
    def _submit(now=NOW, organisation=None, **overrides):
        lead, _created = lead_submit(
            organisation=organisation or centre, data=lead_data(**overrides), now=now
        )
        return lead

    return _submit
