"""E-mails to a mediation client follow the client's language, not the mediator's (issue 10)."""

import pytest
from django.utils import translation

from koers.mediation import pdfs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("preferred", "subject"),
    [("en", "Invitation first appointment"), ("nl", "Uitnodiging eerste afspraak")],
)
def test_med_02_invitation_mail_subject_is_in_the_clients_language(
    service, mediator, mailoutbox, django_capture_on_commit_callbacks, preferred, subject
):
    service.client.preferred_language = preferred
    service.client.save(update_fields=["preferred_language"])
    appointment = service.first_appointments.get()
    appointment.send_by = "email"
    appointment.save()
    # the mediator works in the other language: the mail must not follow them
    other = "nl-be" if preferred == "en" else "en"
    with translation.override(other), django_capture_on_commit_callbacks(execute=True):
        pdfs.invitation_send(appointment=appointment, attachments=[], acting_user=mediator)
    assert mailoutbox[-1].subject == subject
