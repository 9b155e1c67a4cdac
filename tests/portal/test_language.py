"""The portal's login link is mailed in the client's language, not the browser's (issue 10)."""

import pytest
from django.core import mail
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("preferred", "subject"),
    [("en", "Your login link for Koers"), ("nl", "Je aanmeldlink voor Koers")],
)
def test_login_link_mail_follows_the_clients_preferred_language(
    client, client_record, preferred, subject, django_capture_on_commit_callbacks
):
    client_record.preferred_language = preferred
    client_record.save(update_fields=["preferred_language"])
    other = "nl-BE,nl;q=0.9" if preferred == "en" else "en-US,en;q=0.9"
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        client.post(
            reverse("portal_login"), {"email": client_record.email}, HTTP_ACCEPT_LANGUAGE=other
        )
    assert [m.subject for m in mail.outbox] == [subject]
