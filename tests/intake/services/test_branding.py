"""INT-04 / COM-01 / COM-02: house style, logos, recorded communication checks."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from koers.intake.services import (
    branding_update,
    communication_check_record,
    lead_acknowledge,
)
from tests.intake.conftest import NOW

pytestmark = pytest.mark.django_db


def test_int_04_every_client_email_carries_the_centre_branding(
    coach, centre, centre_staff, submit, django_capture_on_commit_callbacks
):
    branding_update(
        organisation=centre,
        sender_name="Horizon Loopbaan",
        sender_email="info@horizon.example",
        address="Kouter 1, 9000 Gent",
        signature="Team Horizon",
        logo=None,
        acting_user=centre_staff,
    )
    late = NOW + timedelta(hours=30)
    with django_capture_on_commit_callbacks(execute=True):
        lead = submit(windows=[(late, late + timedelta(hours=2))])
        lead_acknowledge(lead=lead, channel="email", text="", now=NOW, acting_user=coach)
    to_client = [m for m in mail.outbox if m.to == ["lotte@example.org"]]
    assert len(to_client) == 2
    assert "Ik bel je op" in to_client[1].body  # INT-03 text inside the centre's e-mail
    for message in to_client:
        assert message.from_email == "Horizon Loopbaan <info@horizon.example>"
        assert "Team Horizon" in message.body and "Kouter 1" in message.body
        assert coach.email not in message.from_email
        assert message.reply_to == [coach.email]  # a reply reaches the coach


def test_int_04_logo_must_be_png_or_svg_without_script(centre, centre_staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    kwargs = {
        "organisation": centre,
        "sender_name": "",
        "sender_email": "",
        "address": "",
        "signature": "",
        "acting_user": centre_staff,
    }
    with pytest.raises(ValidationError, match="PNG of SVG"):
        branding_update(logo=SimpleUploadedFile("logo.png", b"GIF89a......"), **kwargs)
    with pytest.raises(ValidationError, match="scripts"):
        branding_update(logo=SimpleUploadedFile("l.svg", b'<svg onload="x()"></svg>'), **kwargs)
    branding = branding_update(
        logo=SimpleUploadedFile("l.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        **kwargs,
    )
    assert branding.logo_content_type == "image/svg+xml"


def test_com_02_centre_records_a_check(centre, centre_staff, coach):
    centre.working_name = "Horizon"
    centre.save()
    check = communication_check_record(
        organisation=centre,
        source="https://coach.example/aanbod",
        text="Betaal met loopbaancheques.\n\n" + "Tekst. " * 60 + "\n\nIk werk voor Horizon.",
        subject=coach,
        note="Coach gevraagd de tekst aan te passen.",
        now=NOW,
        acting_user=centre_staff,
    )
    assert not check.ok and check.findings[0]["rule"] == "COM-01"
    with pytest.raises(ValidationError):
        communication_check_record(
            organisation=centre,
            source="x",
            text="y",
            subject=None,
            note="",
            now=NOW,
            acting_user=coach,
        )
