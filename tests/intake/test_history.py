"""Issue 15: the intake rows that had no history keep one (who, when, what), a deleted coach
unavailability leaves a trace, and a client's file shows the calls, hand-overs and feedback of
the leads that became that client."""

from datetime import timedelta

import pytest
from django.urls import reverse

from koers.intake.models import CallKind, CallOutcome, CoachUnavailability, Handover, LeadFeedback
from koers.intake.services import (
    IntroductionData,
    feedback_submit,
    lead_convert,
    lead_record_call,
    lead_submit,
    unavailability_add,
    unavailability_delete,
)
from tests.intake.conftest import NOW, lead_data

pytestmark = pytest.mark.django_db


def _lead(centre, coach):
    lead, _created = lead_submit(
        organisation=centre, data=lead_data(), now=NOW, acting_user=coach, self_brought=True
    )
    return lead


def test_a_deleted_coach_unavailability_stays_in_the_history_with_who_deleted_it(
    centre, coach, centre_staff
):
    item = unavailability_add(
        organisation=centre,
        coach=coach,
        starts_at=NOW + timedelta(days=3),
        ends_at=NOW + timedelta(days=10),
        reason="Verlof",
        acting_user=coach,
    )
    pk = item.pk
    unavailability_delete(item=item, acting_user=centre_staff)
    assert not CoachUnavailability.objects.exists()
    created, deleted = CoachUnavailability.history.filter(id=pk).order_by("history_id")
    assert (created.history_type, created.history_user) == ("+", coach)
    assert (deleted.history_type, deleted.history_user) == ("-", centre_staff)
    assert deleted.reason == "Verlof"


def test_calls_hand_overs_and_feedback_are_recorded_with_their_author(centre, coach, other_coach):
    lead = _lead(centre, coach)
    lead_record_call(
        lead=lead,
        kind=CallKind.HANDOVER,
        note="Past beter bij een collega.",
        to_coach=other_coach,
        now=NOW + timedelta(hours=1),
        acting_user=coach,
    )
    feedback_submit(
        lead=lead,
        answers={"channel": "Website", "reached": "ja", "outcome": "Match", "remarks": ""},
        now=NOW + timedelta(hours=2),
        acting_user=other_coach,
    )
    assert CallOutcome.history.get().history_user == coach
    assert Handover.history.get().history_user == coach
    assert LeadFeedback.history.get().history_user == other_coach


def test_the_client_file_history_shows_the_calls_of_the_lead_it_came_from(
    centre, coach, centre_staff, logged_in
):
    lead = _lead(centre, coach)
    lead_record_call(
        lead=lead,
        kind=CallKind.MATCH,
        introduction=IntroductionData(starts_at=NOW + timedelta(days=2)),
        now=NOW + timedelta(hours=1),
        acting_user=coach,
    )
    lead = lead_convert(lead=lead, acting_user=coach, open_voucher=False, now=NOW)
    response = logged_in(centre_staff).get(reverse("client_history", args=[lead.client_id]))
    assert "Gesprek over een aanvraag" in response.content.decode()
