"""Intake pages: the public form (bad input, abuse), the coach's lead pages, centre pages."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from koers.intake.models import CalendarFeed, CallKind, Lead, LeadState
from koers.intake.services import lead_submit
from tests.factories import ContactFactory, TrajectoryFactory
from tests.intake.conftest import lead_data

pytestmark = pytest.mark.django_db


def _tomorrow():
    return (timezone.localdate() + timedelta(days=1)).isoformat()


def _post(**overrides):
    values = {
        "first_name": "Lotte",
        "last_name": "Janssens",
        "email": "lotte@example.org",
        "phone": "0470 12 34 56",
        "postal_code": "9000",
        "career_question": "Ik wil iets anders na twaalf jaar in de zorg.",
        "channel": "website",
        "consent": "on",
        "window_1_date": _tomorrow(),
        "window_1_from": "10:00",
        "window_1_to": "12:00",
        "website": "",
    }
    values.update(overrides)
    return values


def test_int_01_public_form_registers_a_lead_and_confirms_by_email(
    client, centre, coach, django_capture_on_commit_callbacks
):
    response = client.get(reverse("intake_public_start"), follow=True)
    assert response.status_code == 200
    assert 'name="window_1_date"' in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("intake_public_form", args=[centre.pk]), _post())
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert lead.coach == coach and lead.windows.count() == 1
    assert any(m.to == ["lotte@example.org"] for m in mail.outbox)


def test_int_01_bad_input_rerenders_with_values_and_dutch_errors(client, centre, coach):
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        reverse("intake_public_form", args=[centre.pk]),
        _post(
            email="lotte@@example",
            phone="12345",
            career_question="x" * 4500,
            window_1_from="14:00",
            window_1_to="11:00",
            window_2_date=yesterday,
            window_2_from="09:00",
            window_2_to="10:00",
        ),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit is geen geldig e-mailadres" in body
    assert "Dit is geen geldig telefoonnummer" in body
    assert "te lang" in body
    assert "einduur ligt vóór het beginuur" in body
    assert "in het verleden" in body
    assert 'value="Lotte"' in body and "lotte@@example" in body  # nothing lost
    assert not Lead.objects.exists()


def test_int_01_half_filled_window_keeps_everything_and_saves_nothing(client, centre, coach):
    response = client.post(reverse("intake_public_form", args=[centre.pk]), _post(window_1_to=""))
    assert "vul de dag, het beginuur en het einduur in" in response.content.decode()
    assert not Lead.objects.exists()


def test_int_01_honeypot_pretends_success_and_keeps_nothing(client, centre, coach):
    response = client.post(
        reverse("intake_public_form", args=[centre.pk]), _post(website="http://spam")
    )
    assert response.status_code == 302
    assert not Lead.objects.exists()


def test_int_01_rate_limit_per_address(client, centre, coach):
    url = reverse("intake_public_form", args=[centre.pk])
    for i in range(5):
        client.post(url, _post(email=f"p{i}@example.org"))
    response = client.post(url, _post(email="p9@example.org"))
    assert response.status_code == 429
    assert "Te veel aanvragen" in response.content.decode()
    assert Lead.objects.count() == 5


def test_int_01_double_click_makes_one_lead(client, centre, coach):
    url = reverse("intake_public_form", args=[centre.pk])
    client.post(url, _post())
    client.post(url, _post())
    assert Lead.objects.count() == 1
    assert Lead.objects.get().submissions == 2


@pytest.fixture
def lead(centre, coach):
    now = timezone.now()
    start = now + timedelta(hours=30)
    lead, _ = lead_submit(
        organisation=centre,
        data=lead_data(windows=[(start, start + timedelta(hours=2))]),
        now=now,
    )
    return lead


def test_int_03_coach_sees_the_clock_and_sends_the_proposed_acknowledgement(logged_in, coach, lead):
    client = logged_in(coach)
    page = client.get(reverse("intake_lead_detail", args=[lead.pk])).content.decode()
    assert "Bevestiging sturen" in page and "Ik bel je op" in page
    listing = client.get(reverse("intake_lead_list")).content.decode()
    assert "bevestiging sturen" in listing
    local = timezone.localtime(lead.call_at)
    response = client.post(
        reverse("intake_lead_acknowledge", args=[lead.pk]),
        {
            "channel": "email",
            "call_at": local.strftime("%Y-%m-%dT%H:%M"),
            "text": f"Dag Lotte, ik bel je op {local:%d/%m} om {local:%H:%M}.",
        },
    )
    assert response.status_code == 302, response.context["ack_form"].errors
    lead.refresh_from_db()
    assert lead.state == LeadState.ACKNOWLEDGED


def test_int_06_coach_records_a_match_with_the_introduction(logged_in, coach, lead):
    client = logged_in(coach)
    now = timezone.localtime()
    response = client.post(
        reverse("intake_lead_call", args=[lead.pk]),
        {
            "kind": CallKind.MATCH,
            "called_at": now.strftime("%Y-%m-%dT%H:%M"),
            "starts_at": (now + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": "30",
            "form": "individual",
            "place": "Gent",
        },
    )
    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.state == LeadState.MATCHED
    ics = client.get(reverse("intake_lead_introduction_ics", args=[lead.pk]))
    assert b"BEGIN:VEVENT" in ics.content and b"Kennismakingsgesprek" in ics.content


def test_int_06_match_without_a_planned_introduction_is_refused_on_the_page(logged_in, coach, lead):
    client = logged_in(coach)
    response = client.post(
        reverse("intake_lead_call", args=[lead.pk]),
        {"kind": CallKind.MATCH, "called_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 422
    assert "Plan het kennismakingsgesprek" in response.content.decode()


def test_int_07_feedback_form_on_the_page(logged_in, coach, lead):
    client = logged_in(coach)
    response = client.post(
        reverse("intake_lead_feedback", args=[lead.pk]),
        {"channel": "Website", "reached": "ja", "outcome": "Match", "remarks": "Vlot gesprek"},
    )
    assert response.status_code == 302
    assert lead.feedback.count() == 1


def test_int_01_centre_staff_see_why_and_override(logged_in, centre_staff, other_coach, lead):
    client = logged_in(centre_staff)
    page = client.get(reverse("intake_lead_detail", args=[lead.pk])).content.decode()
    assert "Waarom deze coach?" in page and "INT-05" in page
    client.post(reverse("intake_lead_assign", args=[lead.pk]), {"coach": other_coach.pk})
    lead.refresh_from_db()
    assert lead.coach == other_coach


def test_lead_list_query_count_is_constant(logged_in, centre_staff, centre, coach):
    client = logged_in(centre_staff)
    now = timezone.now()

    def add(n):
        for i in range(n):
            data = lead_data(
                email=f"x{i}-{n}@example.org",
                windows=[(now + timedelta(hours=1), now + timedelta(hours=2))],
            )
            lead_submit(organisation=centre, data=data, now=now)

    add(2)
    client.get(reverse("intake_lead_list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("intake_lead_list"))
    add(8)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("intake_lead_list"))
    assert response.status_code == 200
    assert len(many) == len(few)


def test_marketing_page_with_svg_chart(logged_in, centre_staff, lead, coach):
    response = logged_in(centre_staff).get(reverse("intake_marketing"))
    body = response.content.decode()
    assert response.status_code == 200 and "<svg" in body and "Website" in body


def test_marketing_is_not_for_coaches(logged_in, coach):
    assert logged_in(coach).get(reverse("intake_marketing")).status_code == 404


def test_int_05_coach_records_own_unavailability_on_the_page(logged_in, coach):
    client = logged_in(coach)
    start = timezone.localtime() + timedelta(days=1)
    response = client.post(
        reverse("intake_unavailability"),
        {
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
            "reason": "Vakantie",
        },
    )
    assert response.status_code == 302
    assert coach.unavailabilities.count() == 1


def test_calendar_feed_has_the_coachs_appointments_with_first_names_only(
    client, logged_in, coach, trajectory
):
    ContactFactory(trajectory=trajectory, staff=coach, starts_at=timezone.now() + timedelta(days=2))
    ContactFactory(trajectory=TrajectoryFactory(), starts_at=timezone.now() + timedelta(days=2))
    logged_in(coach).get(reverse("intake_calendar"))
    token = CalendarFeed.objects.get(user=coach).token
    client.logout()
    body = client.get(reverse("intake_calendar_feed", args=[token])).content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert "Ann" in body and "Peeters" not in body
    assert client.get(reverse("intake_calendar_feed", args=["wrong"])).status_code == 404


def test_com_01_check_page_tells_whether_the_name_is_close(logged_in, centre, centre_staff, coach):
    centre.working_name = "Horizon"
    centre.save()
    client = logged_in(coach)
    ok = client.post(
        reverse("intake_communication"), {"text": "Horizon is erkend: betaal met loopbaancheques."}
    )
    assert "In orde" in ok.content.decode()
    client = logged_in(centre_staff)
    response = client.post(
        reverse("intake_communication"),
        {
            "text": "Betaal met loopbaancheques.\n\n" + "Meer tekst. " * 40 + "\n\nHorizon",
            "source": "website",
            "subject": coach.pk,
            "record": "1",
        },
    )
    assert response.status_code == 302
    assert centre.communication_checks.get().ok is False


def test_int_04_branding_page_saves_and_shows_placeholders(logged_in, centre_staff, centre):
    client = logged_in(centre_staff)
    assert "{voornaam}" in client.get(reverse("intake_branding")).content.decode()
    response = client.post(
        reverse("intake_branding"),
        {
            "form": "branding",
            "sender_name": "Horizon",
            "sender_email": "info@horizon.example",
            "address": "Kouter 1",
            "signature": "Team Horizon",
        },
    )
    assert response.status_code == 302
    assert centre.branding.sender_email == "info@horizon.example"


def test_int_04_branding_page_warns_without_address_and_takes_the_voucher_logo(
    logged_in, centre_staff, centre
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    centre.email = ""
    centre.save()
    client = logged_in(centre_staff)
    assert "vertrekt geen enkele e-mail" in client.get(reverse("intake_branding")).content.decode()
    response = client.post(
        reverse("intake_branding"),
        {
            "form": "branding",
            "sender_name": "Horizon",
            "sender_email": "info@horizon.example",
            "address": "",
            "signature": "Team Horizon",
            "voucher_logo": SimpleUploadedFile("cheque.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        },
    )
    assert response.status_code == 302
    centre.branding.refresh_from_db()
    assert centre.branding.voucher_logo_content_type == "image/png"
    assert (
        "vertrekt geen enkele e-mail" not in client.get(reverse("intake_branding")).content.decode()
    )
