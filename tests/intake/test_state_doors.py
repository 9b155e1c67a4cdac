"""One door for a lead's state (INT-06): `lead_state_move` checks the lead state table, writes
the field and records the move; nothing else assigns `Lead.state`."""

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.core.models import StateChange
from koers.intake.models import CallKind, Lead, LeadState
from koers.intake.selectors import lead_state_moves
from koers.intake.services import lead_record_call, lead_state_move
from tests.intake.conftest import NOW
from tests.state_doors import SRC, writes_outside

pytestmark = pytest.mark.django_db

DOOR = {"lead_state_move"}


def test_only_the_door_writes_a_lead_state_in_the_intake_app():
    assert writes_outside("state", DOOR, under="intake") == []


def test_no_other_app_writes_a_lead_state():
    """Other models have a `state` too (e.g. mediation's service): a write elsewhere is a lead's
    only in a module that deals with leads."""

    def deals_with_leads(path: str) -> bool:
        text = (SRC / path).read_text(encoding="utf-8")
        return "koers.intake" in text or "LeadState" in text

    outside = [w for w in writes_outside("state", DOOR) if not w.path.startswith("intake/")]
    assert [w for w in outside if deals_with_leads(w.path)] == []


def test_the_door_refuses_a_move_outside_the_table_and_records_nothing(coach, submit):
    lead = submit()
    lead_record_call(lead=lead, kind=CallKind.NO_MATCH, now=NOW, acting_user=coach)
    lead.refresh_from_db()
    recorded = StateChange.objects.count()
    with pytest.raises(ValidationError, match="INT-06"):
        lead_state_move(lead, LeadState.MATCHED, acting_user=coach)
    lead.refresh_from_db()
    assert lead.state == LeadState.NO_MATCH
    assert StateChange.objects.count() == recorded


def test_a_lead_records_its_first_state_and_every_move_with_who_and_when(coach, submit):
    lead = submit()
    lead_record_call(lead=lead, kind=CallKind.NO_MATCH, now=NOW, acting_user=coach)
    moves = lead_state_moves(Lead.objects.get(pk=lead.pk))
    assert [(m.from_label, m.to_label) for m in moves] == [
        ("", str(LeadState.UNASSIGNED.label)),
        (str(LeadState.UNASSIGNED.label), str(LeadState.NEW.label)),
        (str(LeadState.NEW.label), str(LeadState.NO_MATCH.label)),
    ]
    assert moves[-1].by == coach.get_full_name()
    assert all(m.at == NOW for m in moves)
    assert "INT-0" in moves[1].why  # the routing's reasons


def test_the_door_writes_and_saves_the_state(coach, submit):
    lead = submit()
    lead_state_move(lead, LeadState.NO_MATCH, acting_user=coach, why="test")
    assert Lead.objects.get(pk=lead.pk).state == LeadState.NO_MATCH
    change = StateChange.objects.order_by("pk").last()
    assert (change.from_state, change.to_state, change.by, change.why) == (
        LeadState.NEW,
        LeadState.NO_MATCH,
        coach,
        "test",
    )


def test_the_lead_page_shows_the_state_history(logged_in, coach, submit):
    lead = submit()
    with time_machine.travel(NOW, tick=False):
        page = logged_in(coach).get(reverse("intake_lead_detail", args=[lead.pk]))
    html = page.content.decode()
    assert "Statusgeschiedenis (2)" in html
    assert str(LeadState.NEW.label) in html
