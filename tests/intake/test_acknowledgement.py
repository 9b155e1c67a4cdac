"""INT-02 / INT-03: an acknowledgement only where the rule calls for one, for a planned call in a
window the person gave, naming its date and time; on the page, in the API and in the e-mail."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from koers.intake import rules, sms
from koers.intake.models import Acknowledgement, LeadState, TemplateKind
from koers.intake.services import lead_acknowledge, template_save
from tests.api.conftest import Api, fields
from tests.intake.conftest import NOW

pytestmark = pytest.mark.django_db

LATE = NOW + timedelta(hours=30)  # Tuesday 03/03/2026 15:00: more than 24 hours after arrival
SOON = NOW + timedelta(hours=3)  # Monday 12:00: within the 24 hours


@pytest.fixture
def late_lead(coach, submit):
    return submit(windows=[(LATE, LATE + timedelta(hours=2))])


@pytest.fixture
def soon_lead(coach, submit):
    return submit(windows=[(SOON, SOON + timedelta(hours=2))])


def _nothing_sent(lead):
    lead.refresh_from_db()
    assert lead.state == LeadState.NEW
    assert lead.clock_met_at is None and lead.contacted_at is None
    assert not Acknowledgement.objects.filter(lead=lead).exists()


def test_int_03_acknowledgement_is_refused_when_the_first_window_is_within_24_hours(
    coach, soon_lead
):
    """The call itself meets INT-02: an acknowledgement must not mark the clock as met."""
    text = "Dag Lotte, ik bel je op 02/03 om 12:00."
    with pytest.raises(ValidationError) as exc:
        lead_acknowledge(
            lead=soon_lead, channel="sms", text=text, call_at=SOON, now=NOW, acting_user=coach
        )
    assert "(INT-03)" in exc.value.messages[0] and "Geen bevestiging nodig" in exc.value.messages[0]
    _nothing_sent(soon_lead)


def test_int_03_acknowledgement_is_refused_on_the_page_and_in_the_api(logged_in, coach, soon_lead):
    with time_machine.travel(NOW, tick=False):
        client = logged_in(coach)
        page = client.get(reverse("intake_lead_detail", args=[soon_lead.pk])).content.decode()
        assert "Verstuur bevestiging" not in page
        response = client.post(
            reverse("intake_lead_acknowledge", args=[soon_lead.pk]),
            {"channel": "sms", "call_at": "2026-03-02T12:00", "text": "Ik bel je op 2/3 om 12u."},
        )
        assert response.status_code == 422
        assert "Geen bevestiging nodig" in response.content.decode()
        api = Api(coach).post(
            f"/leads/{soon_lead.pk}/acknowledgements",
            {"channel": "email", "text": "Ik bel je op 2/3 om 12u.", "call_at": "2026-03-02T12:00"},
        )
    assert api.status_code == 422
    assert "INT-03" in api.json()["errors"][0]["message"]
    _nothing_sent(soon_lead)


def test_int_03_acknowledgement_must_name_the_date_and_time_of_the_call(coach, late_lead):
    with pytest.raises(ValidationError) as exc:
        lead_acknowledge(
            lead=late_lead, channel="sms", text="Ontvangen.", now=NOW, acting_user=coach
        )
    assert "text" in exc.value.message_dict
    assert "dinsdag 03/03/2026 om 15:00" in exc.value.message_dict["text"][0]
    assert "(INT-03)" in exc.value.message_dict["text"][0]
    _nothing_sent(late_lead)
    with pytest.raises(ValidationError) as exc:  # the right day, but not the hour
        lead_acknowledge(
            lead=late_lead, channel="sms", text="Ik bel je op 3 maart.", now=NOW, acting_user=coach
        )
    assert "text" in exc.value.message_dict


def test_int_03_planned_call_lies_in_the_future_in_a_window_the_person_gave(coach, late_lead):
    text = "Dag Lotte, ik bel je op {:%d/%m} om {:%H:%M}."
    outside = LATE + timedelta(hours=3)  # after the window 15:00-17:00
    with pytest.raises(ValidationError) as exc:
        lead_acknowledge(
            lead=late_lead,
            channel="sms",
            text=text.format(outside, outside),
            call_at=outside,
            now=NOW,
            acting_user=coach,
        )
    assert "bereikbaar" in exc.value.message_dict["call_at"][0]
    past = NOW - timedelta(hours=1)
    with pytest.raises(ValidationError) as exc:
        lead_acknowledge(
            lead=late_lead,
            channel="sms",
            text=text.format(past, past),
            call_at=past,
            now=NOW,
            acting_user=coach,
        )
    assert "verleden" in exc.value.message_dict["call_at"][0]
    _nothing_sent(late_lead)
    inside = LATE + timedelta(minutes=30)
    ack = lead_acknowledge(
        lead=late_lead,
        channel="sms",
        text=text.format(timezone.localtime(inside), timezone.localtime(inside)),
        call_at=inside,
        now=NOW,
        acting_user=coach,
    )
    assert ack.call_at == inside and "03/03 om 15:30" in ack.text


@override_settings(KOERS_SMS_BACKEND="koers.intake.sms.LocmemBackend")
def test_int_03_acknowledgement_names_the_call_in_the_sms_and_the_email(
    coach, late_lead, django_capture_on_commit_callbacks
):
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lead_acknowledge(lead=late_lead, channel="sms", text="", now=NOW, acting_user=coach)
        lead_acknowledge(
            lead=late_lead,
            channel="email",
            text="Dag Lotte, goed ontvangen. Ik bel je dinsdag 3/3 om 15u.",
            now=NOW + timedelta(minutes=5),
            acting_user=coach,
        )
    assert "dinsdag 03/03/2026 om 15:00" in sms.outbox[0][1]
    email = next(m for m in mail.outbox if m.subject.startswith("Je aanvraag is goed ontvangen"))
    assert "Gepland telefoongesprek: dinsdag 03/03/2026 om 15:00" in email.body
    assert "dinsdag 03/03/2026" in email.subject
    late_lead.refresh_from_db()
    assert late_lead.state == LeadState.ACKNOWLEDGED and late_lead.clock_met_at == NOW


def test_int_03_acknowledgement_template_must_keep_the_date_and_time(centre, centre_staff):
    with pytest.raises(ValidationError) as exc:
        template_save(
            organisation=centre,
            kind=TemplateKind.ACKNOWLEDGEMENT,
            subject="Ontvangen",
            body="{bericht}",
            acting_user=centre_staff,
        )
    assert any("{datum}" in m for m in exc.value.message_dict["body"])
    assert any("{uur}" in m for m in exc.value.message_dict["body"])
    template_save(
        organisation=centre,
        kind=TemplateKind.ACKNOWLEDGEMENT,
        subject="Ontvangen",
        body="{bericht}\n\nWe bellen op {datum} om {uur}.",
        acting_user=centre_staff,
    )


def test_int_03_a_stored_template_without_the_date_gives_way_to_the_default(centre):
    from koers.intake.messages import DEFAULT_TEMPLATES, template_text
    from koers.intake.models import EmailTemplate

    EmailTemplate.objects.create(
        organisation=centre, kind=TemplateKind.ACKNOWLEDGEMENT, subject="Oud", body="{bericht}"
    )
    assert (
        template_text(centre, TemplateKind.ACKNOWLEDGEMENT)
        == (DEFAULT_TEMPLATES[TemplateKind.ACKNOWLEDGEMENT])
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ik bel je op dinsdag 03/03/2026 om 15:00.",
        "Ik bel je op 3/3 om 15u.",
        "Ik bel je op 3 maart om 15 uur.",
        "Ik bel je op 03-03-26 om 15.00.",
        "Ik bel je op 3/3/2026 om 15u00.",
    ],
)
def test_int_03_the_date_and_time_may_be_written_in_several_ways(text):
    assert rules.names_moment(text, timezone.localtime(LATE))


@pytest.mark.parametrize(
    "text",
    ["Ontvangen.", "Ik bel je op 13/3 om 15:00.", "Ik bel je op 3/3 om 5:00.", "Ik bel je 3/3."],
)
def test_int_03_a_text_without_the_right_date_and_time_is_not_enough(text):
    assert not rules.names_moment(text, timezone.localtime(LATE))


def test_int_03_api_acknowledgement_needs_the_date_in_its_text(coach, late_lead):
    with time_machine.travel(NOW, tick=False):
        response = Api(coach).post(
            f"/leads/{late_lead.pk}/acknowledgements", {"channel": "sms", "text": "Ontvangen."}
        )
    assert response.status_code == 422 and "text" in fields(response)
    _nothing_sent(late_lead)
