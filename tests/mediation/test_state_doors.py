"""One door per status: `service_set_state` and `ladder_set_state` are the only writers of a
mediation service's `state` and `ladder_state`; they refuse a move outside the rule module's table,
and record every move (from, to, when, who, why), which the service page shows."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from koers.core.models import StateChange
from koers.core.states import state_history
from koers.mediation import models as m
from koers.mediation import services
from koers.mediation.rules import ladder
from koers.mediation.rules import states as state_rules
from koers.mediation.services.states import ladder_set_state, service_set_state
from tests.state_doors import writes_outside

from .conftest import record

pytestmark = pytest.mark.django_db


def test_only_the_door_writes_the_service_state():
    assert writes_outside("state", {"service_set_state"}, under="mediation") == []


def test_only_the_door_writes_the_ladder_state():
    assert writes_outside("ladder_state", {"ladder_set_state"}) == []


def test_the_models_choices_are_the_rules_constants():
    assert set(m.ServiceState.values) == {s.value for s in state_rules.ServiceState}
    assert set(m.LadderState.values) == {s.value for s in ladder.LadderState}
    assert set(state_rules.SERVICE_MOVES) == set(m.ServiceState.values)
    assert set(state_rules.LADDER_MOVES) == set(m.LadderState.values)


def test_the_ladder_moves_are_the_med_03_transitions():
    for (before, _outcome), after in ladder.TRANSITIONS.items():
        assert after in state_rules.LADDER_MOVES[before]
    for terminal in ladder.TERMINAL:
        assert state_rules.LADDER_MOVES[terminal] == frozenset()


def _moves(service, field):
    return list(
        StateChange.objects.filter(object_id=service.pk, field=field)
        .order_by("pk")
        .values_list("from_state", "to_state")
    )


def test_a_new_service_records_its_first_states(service, mediator):
    assert _moves(service, "state") == [("", "referred")]
    assert _moves(service, "ladder_state") == [("", "ordinary_1")]
    first = StateChange.objects.filter(object_id=service.pk, field="state").get()
    assert first.by == mediator


def test_the_service_door_refuses_a_move_outside_the_table(service, mediator):
    with pytest.raises(ValidationError) as refused:
        service_set_state(service, m.ServiceState.CLOSED, acting_user=mediator)
    assert "(MED-01)" in refused.value.message_dict["state"][0]
    assert "Afgesloten" in refused.value.message_dict["state"][0]
    service.refresh_from_db()
    assert service.state == m.ServiceState.REFERRED
    assert _moves(service, "state") == [("", "referred")]


def test_the_ladder_door_refuses_a_move_outside_the_table(service, mediator):
    with pytest.raises(ValidationError) as refused:
        ladder_set_state(service, ladder.LadderState.REGISTERED_3, acting_user=mediator)
    assert "(MED-03)" in refused.value.message_dict["ladder_state"][0]
    service.refresh_from_db()
    assert service.ladder_state == ladder.LadderState.ORDINARY_1


def test_the_door_records_a_move_with_who_and_why(service, mediator):
    now = timezone.now()
    move = service_set_state(
        service, m.ServiceState.FIRST_PRESENT, acting_user=mediator, why="Aanwezig", at=now
    )
    assert (move.from_state, move.to_state, move.by, move.why) == (
        "referred",
        "first_present",
        mediator,
        "Aanwezig",
    )
    service.refresh_from_db()
    assert service.state == m.ServiceState.FIRST_PRESENT
    history = state_history(service, "state")
    assert [h.to_label for h in history] == [
        "Nieuwe service - Intensieve bemiddeling",
        "Eerste afspraak: aanwezig",
    ]
    assert history[-1].by == mediator.get_full_name()


def test_recording_present_moves_both_doors(service, mediator):
    record(service, mediator, present=True)
    assert _moves(service, "ladder_state") == [("", "ordinary_1"), ("ordinary_1", "present")]
    assert _moves(service, "state") == [("", "referred"), ("referred", "first_present")]
    why = StateChange.objects.filter(object_id=service.pk, to_state="first_present").get().why
    assert "(MED-04)" in why


def test_an_absence_stop_is_recorded(service, mediator):
    from .conftest import plan, send_registered_letter

    record(service, mediator, present=False, reason="invalid")
    send_registered_letter(plan(service, mediator, days_ago=100))
    record(service, mediator, present=False, reason="invalid")
    assert _moves(service, "state")[-1] == ("referred", "stopped")
    assert _moves(service, "ladder_state")[-1] == ("registered_2", "stopped")


def test_completing_an_incomplete_referral_is_recorded(service, mediator, referral):
    from koers.trajectories.services import programme_open

    trajectory = programme_open(
        client=service.client,
        programme="mediation",
        responsible=mediator,
        organisation=service.trajectory.organisation,
        start_date=timezone.localdate(),
        acting_user=mediator,
    )
    incomplete = m.MediationService.objects.get(trajectory=trajectory)
    assert _moves(incomplete, "state") == [("", "incomplete")]
    services.referral_update(service=incomplete, data=referral(), acting_user=mediator)
    assert _moves(incomplete, "state") == [("", "incomplete"), ("incomplete", "referred")]


def test_the_service_page_shows_the_state_history(client, service, mediator):
    record(service, mediator, present=True)
    client.force_login(mediator)
    response = client.get(reverse("mediation_detail", kwargs={"pk": service.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="state-history"' in html
    assert "Statusgeschiedenis" in html
    assert "Eerste afspraak: aanwezig" in html
    assert "Aanwezig op de eerste afspraak" in html  # the ladder's move
    assert len(response.context["state_moves"]) == 2
    assert len(response.context["ladder_moves"]) == 2
