"""Words a user understands (issue 16): staff mails say what happened in plain Dutch and link to
the page, from the centre's address; the history names a file, not its stored path; the portal
speaks in the centre's name."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from koers.intake.models import Lead
from koers.intake.services import lead_submit
from koers.intake.services.common import notify_coach_new_lead
from koers.outbox.models import OutboxMessage
from koers.trajectories.models import Document, DocumentKind
from tests.intake.conftest import lead_data

pytestmark = pytest.mark.django_db


@override_settings(KOERS_BASE_URL="http://koers.example:8101")
def test_a_new_lead_mail_to_the_coach_links_to_the_lead_and_names_no_rule_code(centre, coach):
    now = timezone.now()
    start = now + timedelta(hours=30)
    lead, _ = lead_submit(
        organisation=centre, data=lead_data(windows=[(start, start + timedelta(hours=2))]), now=now
    )
    Lead.objects.filter(pk=lead.pk).update(coach=coach)
    notify_coach_new_lead(Lead.objects.get(pk=lead.pk))
    mail = OutboxMessage.objects.filter(kind="intake.new_lead").latest("pk")
    assert f"http://koers.example:8101{reverse('intake_lead_detail', args=[lead.pk])}" in mail.body
    assert "Lotte Janssens" in mail.body
    assert "INT-" not in mail.subject + mail.body
    assert "info@horizon.example.be" in mail.sender


def test_the_history_names_the_uploaded_file_not_its_stored_path(
    trajectory, centre_staff, logged_in
):
    document = Document(
        trajectory=trajectory,
        kind=DocumentKind.OTHER,
        title="Attest",
        original_filename="eerste.pdf",
    )
    document.file.save("x.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    document.original_filename = "attest-opleiding.pdf"
    document.file.save("y.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()  # a new file: the history shows the change
    page = (
        logged_in(centre_staff)
        .get(reverse("client_history", args=[trajectory.client_id]))
        .content.decode()
    )
    assert "attest-opleiding.pdf" in page
    assert "documents/" not in page


def test_the_portal_speaks_in_the_centres_name(client_record, client):
    from koers.portal.views import SESSION_KEY

    session = client.session
    session[SESSION_KEY] = client_record.pk
    session.save()
    page = client.get(reverse("portal_home")).content.decode()
    assert "Loopbaancentrum Horizon" in page
    assert ">Koers<" not in page
