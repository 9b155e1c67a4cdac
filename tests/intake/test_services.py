"""Lead intake use cases: submit, route, acknowledge, call, hand over, convert, feedback."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings

from koers.core.models import Role
from koers.intake import sms
from koers.intake.models import CallKind, CoachUnavailability, Handover, LeadState, Routing
from koers.intake.services import (
    IntroductionData,
    branding_update,
    communication_check_record,
    feedback_fields,
    feedback_submit,
    lead_acknowledge,
    lead_assign,
    lead_convert,
    lead_record_call,
    lead_submit,
    lead_validate,
    unavailability_add,
)
from tests.factories import staff_user
from tests.intake.conftest import NOW, lead_data

pytestmark = pytest.mark.django_db


def test_int_01_lead_is_routed_to_a_coach_of_the_centre_with_reasons(
    coach_in_ghent, submit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lead = submit()
    assert lead.coach == coach_in_ghent
    assert lead.state == LeadState.NEW
    assert lead.phone == "+32470123456"
    assert {r["rule"] for r in lead.routing_reasons} == {"INT-01", "INT-05"}
    assert Routing.objects.get(lead=lead).candidates[0]["coach_id"] == coach_in_ghent.pk
    confirmation = next(m for m in mail.outbox if m.to == ["lotte@example.org"])
    assert "Loopbaancentrum Horizon" in confirmation.from_email


def test_int_01_bad_input_is_refused_per_field(centre):
    data = lead_data(
        email="lotte@",
        phone="12",
        windows=[
            (NOW + timedelta(hours=5), NOW + timedelta(hours=3)),
            (NOW - timedelta(hours=3), NOW - timedelta(hours=1)),
        ],
        career_question="x" * 5000,
        consent=False,
    )
    with pytest.raises(ValidationError) as exc:
        lead_validate(data, organisation=centre, now=NOW)
    errors = exc.value.message_dict
    assert set(errors) >= {"email", "phone", "windows", "career_question", "consent"}
    assert any("vóór het beginuur" in m for m in errors["windows"])
    assert any("verleden" in m for m in errors["windows"])


def test_int_01_repeated_submission_collapses_into_one_lead(centre, coach):
    first, created = lead_submit(organisation=centre, data=lead_data(), now=NOW)
    again, created_again = lead_submit(
        organisation=centre, data=lead_data(), now=NOW + timedelta(minutes=2)
    )
    assert created and not created_again
    assert again.pk == first.pk
    later, created_later = lead_submit(
        organisation=centre, data=lead_data(), now=NOW + timedelta(hours=2)
    )
    assert created_later and later.pk != first.pk


def test_int_05_unavailable_coach_gets_no_lead_but_staff_may_override(
    coach_in_ghent, other_coach, centre_staff, centre, submit
):
    CoachUnavailability.objects.create(
        organisation=centre,
        coach=coach_in_ghent,
        starts_at=NOW - timedelta(days=1),
        ends_at=NOW + timedelta(days=7),
        created_by=coach_in_ghent,
    )
    lead = submit()
    assert lead.coach == other_coach
    with pytest.raises(ValidationError, match="INT-05"):
        lead_assign(lead=lead, coach=coach_in_ghent, now=NOW, acting_user=centre_staff)
    lead = lead_assign(
        lead=lead, coach=coach_in_ghent, now=NOW, acting_user=centre_staff, allow_unavailable=True
    )
    assert lead.coach == coach_in_ghent
    assert any(r["rule"] == "INT-05" for r in lead.routing_reasons)


def test_int_05_no_available_coach_leaves_lead_for_the_centre(coach, centre, submit):
    unavailability_add(
        coach=coach,
        organisation=centre,
        starts_at=NOW - timedelta(hours=1),
        ends_at=NOW + timedelta(days=3),
        reason="Vakantie",
        acting_user=coach,
    )
    lead = submit()
    assert lead.coach is None and lead.state == LeadState.UNASSIGNED


def test_int_05_coach_cannot_record_someone_elses_absence(coach, other_coach, centre):
    with pytest.raises(ValidationError):
        unavailability_add(
            coach=other_coach,
            organisation=centre,
            starts_at=NOW,
            ends_at=NOW + timedelta(days=1),
            reason="",
            acting_user=coach,
        )


@override_settings(KOERS_SMS_BACKEND="koers.intake.sms.LocmemBackend")
def test_int_03_acknowledgement_by_sms_meets_the_clock(
    coach, submit, django_capture_on_commit_callbacks
):
    sms.outbox.clear()
    late = NOW + timedelta(hours=30)
    lead = submit(windows=[(late, late + timedelta(hours=2))])
    assert lead.acknowledgement_due and lead.call_at == late
    with django_capture_on_commit_callbacks(execute=True):
        ack = lead_acknowledge(
            lead=lead, channel="sms", text="", now=NOW + timedelta(hours=1), acting_user=coach
        )
    assert "dinsdag 03/03/2026 om 15:00" in ack.text
    assert ack.text.endswith(f"{coach.get_full_name()} (Loopbaancentrum Horizon)")  # INT-04
    assert sms.outbox == [("+32470123456", ack.text)]
    lead.refresh_from_db()
    assert lead.state == LeadState.ACKNOWLEDGED and lead.clock_met_at is not None


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


def test_int_06_match_plans_the_introduction_and_conversion_marks_it_free(coach, submit):
    from koers.vouchers.models import IntroductionContact

    lead = submit()
    lead_record_call(
        lead=lead,
        kind=CallKind.MATCH,
        now=NOW + timedelta(hours=4),
        acting_user=coach,
        introduction=IntroductionData(starts_at=NOW + timedelta(days=2), place="Gent"),
    )
    lead.refresh_from_db()
    assert lead.state == LeadState.MATCHED
    assert lead.introduction.duration_minutes == 30  # INT-08 default
    lead = lead_convert(
        lead=lead, acting_user=coach, open_voucher=True, now=NOW + timedelta(hours=5)
    )
    assert lead.state == LeadState.CLIENT and lead.client and lead.trajectory
    contact = lead.introduction.contact
    assert IntroductionContact.objects.filter(contact=contact).exists()  # INT-08: never counted


def test_int_08_introduction_is_never_voucher_hours(coach, submit):
    from koers.vouchers.selectors import voucher_summary

    lead = submit()
    lead_record_call(
        lead=lead,
        kind=CallKind.MATCH,
        now=NOW + timedelta(hours=1),
        acting_user=coach,
        introduction=IntroductionData(
            starts_at=NOW + timedelta(hours=2), form="phone", duration_minutes=45
        ),
    )
    lead = lead_convert(
        lead=lead, acting_user=coach, open_voucher=True, now=NOW + timedelta(hours=3)
    )
    summary = voucher_summary(lead.trajectory.voucher)
    assert summary.counted_minutes == 0
    assert summary.contacts[0].is_introduction


def test_int_06_handover_keeps_history_and_starts_a_clock_for_the_colleague(
    coach, other_coach, submit, django_capture_on_commit_callbacks
):
    from koers.intake.models import Lead

    lead = submit()
    with pytest.raises(ValidationError, match="INT-06"):
        lead_record_call(
            lead=lead, kind=CallKind.HANDOVER, now=NOW, acting_user=coach, to_coach=other_coach
        )
    with django_capture_on_commit_callbacks(execute=True):
        lead_record_call(
            lead=lead,
            kind=CallKind.HANDOVER,
            now=NOW + timedelta(hours=2),
            acting_user=coach,
            to_coach=other_coach,
            note="Vraag over ondernemerschap: Eva kent dat beter.",
        )
    lead.refresh_from_db()
    assert lead.coach == other_coach and lead.state == LeadState.NEW
    handover = Handover.objects.get(lead=lead)
    assert handover.original_deadline == NOW + timedelta(hours=24)
    assert lead.clock_started_at == NOW + timedelta(hours=2)
    assert lead.arrived_at == NOW
    # Both coaches still see the lead.
    assert Lead.objects.visible_to(coach).filter(pk=lead.pk).exists()
    assert Lead.objects.visible_to(other_coach).filter(pk=lead.pk).exists()
    assert any(
        m.to == ["lotte@example.org"] and "collega" in m.subject.lower() for m in mail.outbox
    )


def test_int_06_no_match_is_final(coach, submit):
    lead = submit()
    lead_record_call(lead=lead, kind=CallKind.NO_MATCH, now=NOW, acting_user=coach)
    with pytest.raises(ValidationError, match="INT-06"):
        lead_record_call(lead=lead, kind=CallKind.NO_MATCH, now=NOW, acting_user=coach)


def test_int_07_feedback_default_fields_several_times_and_validated(coach, submit):
    lead = submit()
    keys = [f.key for f in feedback_fields(lead.organisation)]
    assert keys == ["channel", "reached", "outcome", "remarks"]
    with pytest.raises(ValidationError) as exc:
        feedback_submit(lead=lead, answers={"channel": "Bestaat niet"}, now=NOW, acting_user=coach)
    assert {"channel", "reached", "outcome"} <= set(exc.value.message_dict)
    answers = {"channel": "Website", "reached": "ja", "outcome": "Match", "remarks": ""}
    feedback_submit(lead=lead, answers=answers, now=NOW, acting_user=coach)
    feedback_submit(lead=lead, answers=answers, now=NOW + timedelta(hours=1), acting_user=coach)
    assert lead.feedback.count() == 2


def test_int_07_feedback_not_required_for_self_brought_clients(coach, centre):
    from koers.intake.selectors import feedback_required

    lead, _ = lead_submit(
        organisation=centre, data=lead_data(), now=NOW, acting_user=coach, self_brought=True
    )
    assert lead.coach == coach and not feedback_required(lead)


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


def test_int_02_sweep_flags_nearing_and_late_once_and_mails_the_coach_once(
    coach, submit, django_capture_on_commit_callbacks
):
    from koers.intake.jobs import lead_deadline_flags

    lead = submit()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert lead_deadline_flags(NOW + timedelta(hours=1)) == 0
        assert lead_deadline_flags(NOW + timedelta(hours=21)) == 1
        assert lead_deadline_flags(NOW + timedelta(hours=22)) == 0
        assert lead_deadline_flags(NOW + timedelta(hours=25)) == 1
        assert lead_deadline_flags(NOW + timedelta(hours=26)) == 0
    lead.refresh_from_db()
    assert lead.nearing_flagged_at and lead.late_flagged_at
    assert [m.to for m in mail.outbox] == [[coach.email], [coach.email]]


def test_int_02_contacted_lead_is_not_flagged(coach, submit):
    from koers.intake.jobs import lead_deadline_flags

    lead = submit()
    lead_record_call(
        lead=lead, kind=CallKind.NO_MATCH, now=NOW + timedelta(hours=1), acting_user=coach
    )
    assert lead_deadline_flags(NOW + timedelta(hours=30)) == 0


def test_other_centre_coach_is_never_a_candidate(coach, other_centre, submit):
    staff_user(other_centre, Role.COACH)
    lead = submit()
    assert lead.coach == coach
