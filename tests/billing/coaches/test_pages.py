"""BIL-05 and BIL-06 pages: /facturatie/coaches/ for centre staff, /facturatie/mijn-gegevens/
for a coach; another coach's data answers 404; a rejected form comes back at 422."""

from datetime import date

import pytest
from django.urls import reverse

from koers.billing.models import CoachLocation, DevelopmentPlan
from koers.billing.services import coaches as services
from tests.dashboard_html import dashboard_html

pytestmark = pytest.mark.django_db


def test_bil_05_staff_see_current_locations_and_changes_to_pass_on(
    logged_in, centre_staff, coach, started
):
    response = logged_in(centre_staff).get(reverse("billing_coaches"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Deurne" in body and "sinds 01/03/2026" in body
    assert "Nieuwe locatie Deurne vanaf 01/03/2026: geef ze door aan VDAB." in body
    assert "data-confirm" in body
    assert reverse("billing_change_passed_on", kwargs={"pk": started.changes.get().pk}) in body


def test_bil_05_staff_mark_a_change_passed_on_from_the_page(
    logged_in, centre_staff, coach, started
):
    change = started.changes.get()
    client = logged_in(centre_staff)
    response = client.post(reverse("billing_change_passed_on", kwargs={"pk": change.pk}))
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.passed_on_by == centre_staff
    assert "Niets door te geven." in client.get(reverse("billing_coaches")).content.decode()


def test_bil_05_coaches_page_is_for_staff_and_their_own_centre(
    logged_in, coach, elsewhere_staff, started
):
    assert logged_in(coach).get(reverse("billing_coaches")).status_code == 404
    change = started.changes.get()
    client = logged_in(elsewhere_staff)
    assert "Deurne" not in client.get(reverse("billing_coaches")).content.decode()
    url = reverse("billing_change_passed_on", kwargs={"pk": change.pk})
    assert client.post(url).status_code == 404
    assert logged_in(coach).post(url).status_code in (302, 404)
    change.refresh_from_db()
    assert not change.is_passed_on


def test_bil_06_staff_see_the_template_and_record_receipt(logged_in, centre_staff, coach):
    client = logged_in(centre_staff)
    body = client.get(reverse("billing_coaches")).content.decode()
    assert "Sjabloon eerste keer" in body and "nog niet ontvangen" in body
    url = reverse("billing_plan_receive", kwargs={"pk": coach.pk})
    assert client.post(url, {"received_on": "2026-06-10", "note": "per mail"}).status_code == 302
    plan = DevelopmentPlan.objects.get()
    assert plan.year == 2026 and plan.received_on == date(2026, 6, 10)
    assert (
        "Ontwikkelingsplan 2026 ontvangen op 10/06/2026."
        in client.get(reverse("billing_coaches")).content.decode()
    )


def test_bil_06_a_receipt_in_the_future_comes_back_at_422_with_input_kept(
    logged_in, centre_staff, coach
):
    url = reverse("billing_plan_receive", kwargs={"pk": coach.pk})
    response = logged_in(centre_staff).post(
        url, {"received_on": "2026-07-01", "note": "mijn notitie"}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "niet in de toekomst ontvangen" in body and "mijn notitie" in body
    assert not DevelopmentPlan.objects.exists()


def test_bil_06_plan_receipt_for_a_coach_of_another_centre_is_404(
    logged_in, elsewhere_staff, coach
):
    url = reverse("billing_plan_receive", kwargs={"pk": coach.pk})
    assert logged_in(elsewhere_staff).post(url, {"received_on": "2026-06-10"}).status_code == 404


def test_bil_05_my_details_shows_own_locations_and_plan(logged_in, coach, started):
    response = logged_in(coach).get(reverse("billing_my_details"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Deurne" in body and "Mijn ontwikkelingsplan 2026" in body
    assert "Sjabloon eerste keer" in body


def test_bil_05_a_coach_starts_a_location_from_the_page(logged_in, coach, gent):
    client = logged_in(coach)
    url = reverse("billing_location_start")
    response = client.post(url, {"location": gent.pk, "started_on": "2026-06-01"})
    assert response.status_code == 302
    assert CoachLocation.objects.get().location == gent


def test_bil_05_a_location_recorded_twice_comes_back_at_422(logged_in, coach, deurne, started):
    url = reverse("billing_location_start")
    response = logged_in(coach).post(url, {"location": deurne.pk, "started_on": "2026-05-01"})
    assert response.status_code == 422
    body = response.content.decode()
    assert "al op Deurne sinds 01/03/2026" in body and 'value="2026-05-01"' in body


def test_bil_05_a_coach_ends_own_location_and_not_another_coachs(
    logged_in, coach, other_coach, started
):
    url = reverse("billing_location_end", kwargs={"pk": started.pk})
    assert logged_in(other_coach).post(url, {"ended_on": "2026-06-30"}).status_code == 404
    response = logged_in(coach).post(url, {"ended_on": "2026-02-01"})
    assert response.status_code == 422
    assert logged_in(coach).post(url, {"ended_on": "2026-06-30"}).status_code == 302
    started.refresh_from_db()
    assert started.ended_on == date(2026, 6, 30)


def test_bil_05_coaches_page_reads_constant_queries(
    logged_in, centre, centre_staff, deurne, django_assert_max_num_queries
):
    from tests.factories import staff_user

    client = logged_in(centre_staff)

    def add_coaches(n):
        for _ in range(n):
            c = staff_user(centre, "coach")
            x = services.coach_location_start(
                coach=c, location=deurne, started_on=date(2026, 3, 1), acting_user=c
            )
            services.coach_location_end(coach_location=x, ended_on=date(2026, 5, 1), acting_user=c)
            services.development_plan_receive(
                coach=c, year=2025, received_on=date(2025, 12, 1), acting_user=centre_staff
            )

    add_coaches(1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("billing_coaches")).status_code == 200
    add_coaches(6)
    with django_assert_max_num_queries(len(small)):
        assert client.get(reverse("billing_coaches")).status_code == 200


def test_bil_05_my_details_reads_constant_queries(
    logged_in, coach, centre_staff, deurne, gent, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = logged_in(coach)
    services.coach_location_start(
        coach=coach, location=deurne, started_on=date(2026, 3, 1), acting_user=coach
    )
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("billing_my_details"))
    for i in range(5):
        services.coach_location_start(
            coach=coach, location_name=f"Plek {i}", started_on=date(2026, 4, 1), acting_user=coach
        )
    with django_assert_max_num_queries(len(small)):
        assert client.get(reverse("billing_my_details")).status_code == 200


def test_bil_05_the_dashboard_links_to_the_coach_and_staff_pages(logged_in, coach, centre_staff):
    assert reverse("billing_my_details") in dashboard_html(logged_in(coach))
    staff_body = dashboard_html(logged_in(centre_staff))
    assert reverse("billing_coaches") in staff_body


def test_bil_06_a_plan_file_of_a_wrong_type_comes_back_at_422(logged_in, centre_staff, coach):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("billing_plan_receive", kwargs={"pk": coach.pk})
    upload = SimpleUploadedFile("pop.exe", b"MZ" + b"\x00" * 64)
    response = logged_in(centre_staff).post(
        url, {"received_on": "2026-06-10", "note": "bijlage", "file": upload}
    )
    assert response.status_code == 422
    assert "bestandstype is niet toegelaten" in response.content.decode()
    assert not DevelopmentPlan.objects.exists()
