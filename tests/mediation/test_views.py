"""Mediation pages: the dashboard (constant queries), referral form and CSV import, the absence
flow and final advice through the pages; bad input is refused with a clear message."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from koers.mediation import jobs, services
from koers.mediation import models as m
from tests.factories import ClientFactory

from .conftest import at
from .steps import _started

pytestmark = pytest.mark.django_db


def _add_services(partner, mediator, referral, n, offset=0):
    for i in range(n):
        client = ClientFactory(organisation=partner, street="s", city="c")
        s = services.mediation_refer(
            client=client,
            responsible=mediator,
            organisation=partner,
            data=referral(),
            first_appointment=services.AppointmentData(starts_at=at(110 - i - offset, 8 + i % 8)),
            acting_user=mediator,
        )
        if i % 2:
            services.first_appointment_record(
                appointment=s.first_appointments.get(),
                present=False,
                reason="valid",
                acting_user=mediator,
                now=timezone.now(),
            )


def test_med_01_dashboard_query_count_is_constant(partner, mediator, referral, logged_in):
    client = logged_in(mediator)
    _add_services(partner, mediator, referral, 2)
    client.get(reverse("mediation_dashboard"))
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("mediation_dashboard")).status_code == 200
    _add_services(partner, mediator, referral, 6, offset=10)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("mediation_dashboard"))
    assert len(many) == len(few)
    text = response.content.decode()
    assert "Nieuwe service - Intensieve bemiddeling" in text
    assert "Nieuwe eerste afspraak maken" in text  # re-plan deadline after the absences


def test_med_01_referral_form_creates_client_and_service(partner, mediator, logged_in):
    client = logged_in(mediator)
    day = timezone.localdate() + timedelta(days=3)
    response = client.post(
        reverse("mediation_refer"),
        {
            "first_name": "Lotte",
            "last_name": "Claes",
            "email": "lotte@example.org",
            "tender": "SCRABA",
            "lot": "Perceel 2",
            "vdab_mediator_name": "Vera",
            "vdab_mediator_email": "vera@vdab.example",
            "referral_date": f"{timezone.localdate():%d/%m/%Y}",
            "work_points": "Zoektocht naar werk\nCv",
            "thresholds": "",
            "date": f"{day:%d/%m/%Y}",
            "start_time": "09:00",
            "duration_minutes": "60",
            "place": "Stationstraat 15",
        },
    )
    service = m.MediationService.objects.get()
    assert response.status_code == 302 and service.work_points == ["Zoektocht naar werk", "Cv"]
    assert service.first_appointments.get().contact.place == "Stationstraat 15"


def test_med_01_csv_import_all_or_nothing(partner, mediator, logged_in):
    client = logged_in(mediator)
    day = timezone.localdate()
    header = "voornaam;achternaam;tender;perceel;vdab-bemiddelaar;vdab e-mail;toeleiding;eerste afspraak;adres;werkpunten\n"
    good = f"An;Peeters;TIBB4 anderstaligen;P1;Vera;vera@vdab.example;{day:%d/%m/%Y};{day:%d/%m/%Y} 15:00;Kantoor;Cv|Taal\n"
    bad = (
        f"Bo;Janssens;XYZ;P1;Vera;vera@vdab.example;{day:%d/%m/%Y};{day:%d/%m/%Y} 16:00;Kantoor;\n"
    )
    response = client.post(
        reverse("mediation_import"),
        {"file": SimpleUploadedFile("t.csv", (header + good + bad).encode())},
    )
    assert "Rij 3" in response.content.decode() and not m.MediationService.objects.exists()
    response = client.post(
        reverse("mediation_import"), {"file": SimpleUploadedFile("t.csv", (header + good).encode())}
    )
    service = m.MediationService.objects.get()
    assert service.tender == "TIBB4_AT" and service.work_points == ["Cv", "Taal"]


def test_med_03_page_says_what_comes_next_after_absence(service, mediator, logged_in):
    client = logged_in(mediator)
    appointment = service.first_appointments.get()
    client.post(
        reverse("mediation_appointment_outcome", kwargs={"pk": appointment.pk}),
        {"present": "0", "absence_reason": "invalid"},
    )
    text = client.get(reverse("mediation_detail", kwargs={"pk": service.pk})).content.decode()
    assert "aangetekende eerste afspraak" in text and "stopt" in text


def test_med_02_outcome_on_future_appointment_refused_by_page(service, mediator, logged_in):
    client = logged_in(mediator)
    appointment = service.first_appointments.get()
    services.first_appointment_reschedule(
        appointment=appointment,
        data=services.AppointmentData(starts_at=at(-2)),
        mediator_unavailable=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    response = client.post(
        reverse("mediation_appointment_outcome", kwargs={"pk": appointment.pk}),
        {"present": "1"},
        follow=True,
    )
    assert "toekomst" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.outcome == ""


def test_med_14_fourth_option_refused_by_page_and_advice_closes(service, mediator, logged_in):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    client = logged_in(mediator)
    page = client.get(reverse("mediation_detail", kwargs={"pk": service.pk})).content.decode()
    assert "Nieuwe inschatting nodig" not in page and "Dienstverlening uitgeput" in page
    response = client.post(
        reverse("mediation_advice", kwargs={"pk": service.pk}),
        {"advice": "reassess", "mail": "on"},
    )
    # Refused: the page again with the choice next to the advice field, nothing closed.
    assert response.status_code == 422
    assert 'id="id_advice_advice_errors"' in response.content.decode()
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE
    response = client.post(
        reverse("mediation_advice", kwargs={"pk": service.pk}),
        {"advice": "exhausted", "printed": "on"},
    )
    service.refresh_from_db()
    assert service.state == m.ServiceState.CLOSED and service.advice_document is not None
    assert response.status_code == 302 and "download" in response["Location"]


def test_med_04_banner_and_red_bar(service, mediator, logged_in):
    client = logged_in(mediator)
    url = reverse("mediation_detail", kwargs={"pk": service.pk})
    assert 'data-testid="red-bar"' not in client.get(url).content.decode()
    services.first_appointment_record(
        appointment=service.first_appointments.get(),
        present=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    text = client.get(url).content.decode()
    assert 'data-testid="red-bar"' in text and "EDU VLBR06" in text


def test_issue_14_dashboard_lists_are_pages_and_its_figures_count_every_service(
    partner, mediator, referral, logged_in
):
    from koers.mediation.selectors.dashboard import PAGE_SIZE, dashboard

    client = logged_in(mediator)
    _add_services(partner, mediator, referral, 2)
    client.get(reverse("mediation_dashboard"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("mediation_dashboard"))
    _add_services(partner, mediator, referral, 2 * PAGE_SIZE - 2, offset=10)
    with CaptureQueriesContext(connection) as many:
        text = client.get(reverse("mediation_dashboard")).content.decode()
    assert len(many) == len(few)
    assert text.count('data-testid="deadline-row"') == PAGE_SIZE
    assert text.count('data-testid="new-row"') == PAGE_SIZE
    assert 'data-testid="pager-page"' in text and 'data-testid="pager-new"' in text

    board = dashboard(user=mediator)
    total = sum(c.n for c in board.counts)
    assert total == 2 * PAGE_SIZE and board.deadlines_page.paginator.count == 2 * PAGE_SIZE
    second = dashboard(user=mediator, pages={"page": "2", "new": "2"})
    due = [d.due_on for d in board.deadlines + second.deadlines]
    assert due == sorted(due) and len(due) == 2 * PAGE_SIZE
    # MED-02/03: a pending first appointment, or after an absence the new one to plan.
    kinds = {d.kind for d in board.deadlines + second.deadlines}
    assert kinds == {"first_appointment", "replan"}
    assert len({d.service.pk for d in board.deadlines + second.deadlines}) == 2 * PAGE_SIZE
