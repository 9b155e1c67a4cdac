"""INT-02/03/06: the acknowledgement and the call's outcome (match, no match, hand-over)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings

from koers.intake import sms
from koers.intake.models import CallKind, Handover, LeadState
from koers.intake.services import (
    IntroductionData,
    lead_acknowledge,
    lead_convert,
    lead_record_call,
)
from tests.intake.conftest import NOW

pytestmark = pytest.mark.django_db


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
