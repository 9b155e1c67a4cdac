"""Lead intake in a real browser: someone registers on the public form, the coach gets the lead,
sends the proposed acknowledgement (INT-03) and records the call with the introduction planned
(INT-01, INT-02, INT-03, INT-06, INT-08)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from koers.core.models import Role
from koers.intake.models import Lead, LeadState
from tests.factories import OrganisationFactory, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_int_someone_registers_and_the_coach_acknowledges_and_records_the_call(
    live_server, browser_page, settings
):
    settings.KOERS_SMS_BACKEND = "koers.intake.sms.LocmemBackend"
    centre = OrganisationFactory(
        name="Loopbaancentrum Testhuis",
        working_name="Testhuis",
        email="info@testhuis.example",  # INT-04: mail leaves from the centre's own address
    )
    coach = staff_user(
        centre, Role.COACH, username="e2e-coach", first_name="Eva", last_name="Coach"
    )
    page = browser_page
    base = live_server.url

    # A visitor registers; the first window is the day after tomorrow: more than 24 hours away.
    later = timezone.localdate() + timedelta(days=2)
    page.goto(f"{base}/inschrijven/")
    page.fill("#id_first_name", "Lotte")
    page.fill("#id_last_name", "Janssens")
    page.fill("#id_email", "lotte@example")  # a typo first: the form keeps everything
    page.fill("#id_phone", "0470 12 34 56")
    page.fill("#id_career_question", "Na twaalf jaar in de zorg wil ik iets anders doen.")
    page.fill("#id_window_1_date", later.isoformat())
    page.fill("#id_window_1_from", "10:00")
    page.fill("#id_window_1_to", "12:00")
    page.select_option("#id_channel", "social")
    page.check("#id_consent")
    page.click("button[type=submit]")
    page.wait_for_load_state("load")
    assert "geen geldig e-mailadres" in page.content()
    assert page.input_value("#id_first_name") == "Lotte"
    page.fill("#id_email", "lotte@example.org")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/inschrijven/{centre.pk}/bedankt/")
    lead = Lead.objects.get()
    assert lead.coach == coach and lead.acknowledgement_due
    assert any(m.to == ["lotte@example.org"] for m in mail.outbox)

    # The coach logs in and sees the lead with its clock.
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", coach.username)
    page.fill("input[name=password]", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/aanvragen/")
    assert "bevestiging sturen" in page.content()
    page.click("text=Lotte Janssens")
    page.wait_for_load_state("load")

    # INT-03: the proposed SMS names the date and time of the call.
    text = page.input_value("#id_text")
    assert f"{later:%d/%m/%Y} om 10:00" in text
    page.click("text=Verstuur bevestiging")
    page.wait_for_load_state("load")
    assert "De bevestiging is verstuurd" in page.content()
    from koers.intake import sms

    assert sms.outbox and sms.outbox[-1][0] == "+32470123456"

    # The call: a match, with the free introductory conversation planned (INT-06, INT-08).
    intro = timezone.localtime() + timedelta(days=4)
    page.check("input[name=kind][value=match]")
    page.fill("#id_starts_at", intro.strftime("%d/%m/%Y 14:00"))
    page.fill("#id_place", "Gent")
    page.click("text=Registreer gesprek")
    page.wait_for_load_state("load")
    assert "Het gesprek is geregistreerd" in page.content()
    lead.refresh_from_db()
    assert lead.state == LeadState.MATCHED
    assert lead.introduction.duration_minutes == 30
    assert "Kennismakingsgesprek" in page.content()
