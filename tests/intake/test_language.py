"""A lead's stored routing reasons are shown in the reader's language (issue 10, "Language")."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.intake.services import lead_submit
from tests.intake.conftest import lead_data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "is available in the next 24 hours."),
        ("nl-be", "is beschikbaar in de komende 24 uur."),
    ],
)
def test_int_05_routing_reason_stored_in_dutch_is_shown_in_the_staff_members_language(
    logged_in, centre_staff, coach, centre, language, shown
):
    now = timezone.now()
    start = now + timedelta(hours=30)
    lead, _ = lead_submit(
        organisation=centre,
        data=lead_data(windows=[(start, start + timedelta(hours=2))]),
        now=now,
    )
    assert lead.routing_reasons[0]["template"] == "{name} is beschikbaar in de komende 24 uur."
    centre_staff.language = language
    centre_staff.save(update_fields=["language"])
    page = logged_in(centre_staff).get(reverse("intake_lead_detail", args=[lead.pk]))
    assert f"{coach.get_full_name()} {shown}" in page.content.decode()
