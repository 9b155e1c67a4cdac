"""INT-02: the sweep flags leads nearing or past their 24 hours, once."""

from datetime import timedelta

import pytest
from django.core import mail

from koers.intake.models import CallKind
from koers.intake.services import (
    lead_record_call,
)
from tests.intake.conftest import NOW

pytestmark = pytest.mark.django_db


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
