"""Every reveal of a full national register number is recorded (who, whose, when, where); a
masked number is not a reveal. Belgian law restricts the number's use (docs/privacy.md)."""

import pytest
from django.urls import reverse

from koers.privacy.models import NationalNumberReveal

pytestmark = pytest.mark.django_db

NUMBER = "85073003328"


@pytest.fixture
def numbered(client_record):
    client_record.set_national_number(NUMBER)
    client_record.save()
    return client_record


def _reveals(user, where):
    return list(
        NationalNumberReveal.objects.filter(user=user, where=where).values_list(
            "client_id", flat=True
        )
    )


def test_the_client_file_records_a_reveal_for_centre_staff(numbered, centre_staff, logged_in):
    page = logged_in(centre_staff).get(reverse("client_detail", args=[numbered.pk]))
    assert "85.07.30-033.28" in page.content.decode()
    assert _reveals(centre_staff, "web:file") == [numbered.pk]


def test_a_coach_sees_the_masked_number_and_no_reveal_is_recorded(
    numbered, trajectory, coach, logged_in
):
    logged_in(coach).get(reverse("client_detail", args=[numbered.pk]))
    assert not NationalNumberReveal.objects.exists()


def test_the_edit_form_records_a_reveal(numbered, centre_staff, logged_in):
    logged_in(centre_staff).get(reverse("client_update", args=[numbered.pk]))
    assert _reveals(centre_staff, "web:edit") == [numbered.pk]


def test_the_api_detail_and_list_record_each_full_number_shown(numbered, centre_staff, logged_in):
    browser = logged_in(centre_staff)
    assert browser.get(f"/api/v1/clients/{numbered.pk}").json()["national_number"]
    assert _reveals(centre_staff, "api:detail") == [numbered.pk]
    browser.get("/api/v1/clients")
    assert _reveals(centre_staff, "api:list") == [numbered.pk]


def test_a_client_without_a_number_records_no_reveal(client_record, centre_staff, logged_in):
    logged_in(centre_staff).get(reverse("client_detail", args=[client_record.pk]))
    assert not NationalNumberReveal.objects.exists()
