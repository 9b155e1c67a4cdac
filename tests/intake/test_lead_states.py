"""INT-06: every change of a lead's state goes through one door that checks the lead state table."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.intake.models import CallKind, CoachUnavailability, Lead, LeadState
from koers.intake.rules.states import LEAD_TRANSITIONS, can_transition
from koers.intake.services import (
    IntroductionData,
    lead_acknowledge,
    lead_assign,
    lead_convert,
    lead_record_call,
    lead_route,
    lead_state_move,
    lead_submit,
)
from tests.api.conftest import Api
from tests.intake.conftest import NOW, lead_data

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "koers"
WRITE_CALLS = {"update", "create", "get_or_create", "update_or_create", "bulk_create", "Lead"}


def _lead_modules():
    """Every module that deals with leads: the intake app, its API and the demo."""
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "intake" in path.relative_to(SRC).parts or "LeadState" in text or "koers.intake" in text:
            yield path, ast.parse(text)


def test_int_06_only_the_door_assigns_a_lead_state():
    """A scan of the source: `.state = …` on a lead, or `state=` in a write, only in the door."""
    offenders = []
    for path, tree in _lead_modules():
        door = {
            id(node)
            for fn in ast.walk(tree)
            if isinstance(fn, ast.FunctionDef) and fn.name == "lead_state_move"
            for node in ast.walk(fn)
        }
        for node in ast.walk(tree):
            if id(node) in door:
                continue
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr == "state":
                    if "mediation" in path.parts:  # MediationService.state, not a lead
                        continue
                    offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
            if isinstance(node, ast.Call) and "intake" in path.parts:
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name in WRITE_CALLS and any(k.arg == "state" for k in node.keywords):
                    offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []
    # The scan sees the intake services (a package since the services were split by step).
    assert sum(1 for path, _tree in _lead_modules() if path.parent.name == "services") >= 1


def test_int_06_the_door_refuses_a_move_the_table_does_not_list(coach, submit):
    lead = submit()
    lead_record_call(lead=lead, kind=CallKind.NO_MATCH, now=NOW, acting_user=coach)
    lead.refresh_from_db()
    with pytest.raises(ValidationError, match="INT-06"):
        lead_state_move(lead, LeadState.NEW)
    assert lead.state == LeadState.NO_MATCH


def _away(coach, centre):
    return CoachUnavailability.objects.create(
        organisation=centre,
        coach=coach,
        starts_at=NOW - timedelta(hours=1),
        ends_at=NOW + timedelta(days=5),
        created_by=coach,
    )


def test_int_06_rerouting_a_new_lead_without_an_available_coach_keeps_it_with_its_coach(
    coach, centre, centre_staff, submit
):
    """The table has no NEW -> UNASSIGNED: the re-routing is refused (INT-05) and nothing moves."""
    lead = submit()
    assert lead.state == LeadState.NEW and lead.coach == coach
    _away(coach, centre)
    with pytest.raises(ValidationError, match="INT-05"):
        lead_route(lead=lead, now=NOW, acting_user=centre_staff)
    lead.refresh_from_db()
    assert lead.state == LeadState.NEW and lead.coach == coach
    assert lead.routings.count() == 1


def test_int_06_rerouting_is_refused_on_the_page_and_in_the_api(
    logged_in, coach, centre, centre_staff, submit
):
    lead = submit()
    _away(coach, centre)
    with time_machine.travel(NOW, tick=False):
        response = logged_in(centre_staff).post(
            reverse("intake_lead_route", args=[lead.pk]), follow=True
        )
        assert "INT-05" in response.content.decode()
        api = Api(centre_staff).post(f"/leads/{lead.pk}/route", {})
    assert api.status_code == 422 and "INT-05" in api.json()["errors"][0]["message"]
    lead.refresh_from_db()
    assert lead.state == LeadState.NEW and lead.coach == coach


def test_int_06_every_state_change_on_every_path_is_in_the_table(
    coach, other_coach, centre, centre_staff
):
    """Exercise every path that sets a state, then read each lead's history: every change of
    state between two consecutive versions is a move the table allows."""
    late = NOW + timedelta(hours=30)
    window = [(late, late + timedelta(hours=2))]

    def new(**kw):
        lead, _created = lead_submit(
            organisation=centre, data=lead_data(windows=window, **kw), now=NOW
        )
        return lead

    # Routed, acknowledged, handed over, matched, converted (UNASSIGNED→NEW→ACK→NEW→MATCHED→CLIENT).
    a = new()
    lead_acknowledge(lead=a, channel="sms", text="", now=NOW, acting_user=a.coach)
    colleague = other_coach if a.coach == coach else coach
    lead_record_call(
        lead=a,
        kind=CallKind.HANDOVER,
        note="Past beter.",
        to_coach=colleague,
        now=NOW + timedelta(hours=1),
        acting_user=a.coach,
    )
    lead_record_call(
        lead=a,
        kind=CallKind.MATCH,
        introduction=IntroductionData(starts_at=NOW + timedelta(days=2)),
        now=NOW + timedelta(hours=2),
        acting_user=colleague,
    )
    lead_convert(lead=a, acting_user=colleague, open_voucher=False, now=NOW + timedelta(hours=3))
    # Self-brought, then no match.
    b, _created = lead_submit(
        organisation=centre,
        data=lead_data(email="b@example.org", phone="0470 22 33 44", windows=window),
        now=NOW,
        acting_user=coach,
        self_brought=True,
    )
    lead_record_call(lead=b, kind=CallKind.NO_MATCH, now=NOW, acting_user=coach)
    # Nobody available: unassigned, re-routed in vain, re-routed once a coach is back, assigned.
    away = [_away(coach, centre), _away(other_coach, centre)]
    c = new(email="c@example.org", phone="0470 33 44 55")
    assert c.state == LeadState.UNASSIGNED
    lead_route(lead=c, now=NOW, acting_user=centre_staff)
    away[1].delete()
    lead_route(lead=c, now=NOW, acting_user=centre_staff)
    lead_assign(lead=c, coach=coach, now=NOW, acting_user=centre_staff, allow_unavailable=True)

    seen = set()
    for lead in Lead.objects.all():
        states = [h.state for h in lead.history.order_by("history_date", "history_id")]
        assert states[0] == LeadState.UNASSIGNED  # every lead starts with the centre
        for before, after in zip(states, states[1:], strict=False):
            if before != after:
                assert can_transition(before, after), (lead.pk, before, after)
                seen.add((before, after))
    assert seen >= {
        (LeadState.UNASSIGNED, LeadState.NEW),
        (LeadState.NEW, LeadState.ACKNOWLEDGED),
        (LeadState.ACKNOWLEDGED, LeadState.NEW),
        (LeadState.NEW, LeadState.MATCHED),
        (LeadState.MATCHED, LeadState.CLIENT),
        (LeadState.NEW, LeadState.NO_MATCH),
    }
    assert {s for moves in LEAD_TRANSITIONS.values() for s in moves} <= set(LeadState.values)
