"""`koers.lib.rules.transitions`: may a status move from one state to another under a table."""

from hypothesis import given
from hypothesis import strategies as st

from koers.lib.rules import transition_refusal
from koers.trajectories.rules import STATUS_RULE, TRAJECTORY_TRANSITIONS

STATES = sorted(TRAJECTORY_TRANSITIONS)


@given(st.sampled_from(STATES), st.sampled_from([*STATES, "unknown"]))
def test_a_move_is_refused_exactly_when_the_table_does_not_list_it(current, new):
    refused = transition_refusal(TRAJECTORY_TRANSITIONS, current, new, STATUS_RULE)
    assert (refused is None) == (new in TRAJECTORY_TRANSITIONS[current])


def test_a_refusal_names_the_rule_and_the_states_by_their_labels():
    refused = transition_refusal(
        TRAJECTORY_TRANSITIONS, "closed", "active", STATUS_RULE, {"closed": "Afgesloten"}
    )
    assert refused.rule == STATUS_RULE
    assert str(refused) == f"Van ‘Afgesloten’ kan de status niet naar ‘active’. ({STATUS_RULE})"


def test_a_state_the_table_does_not_know_moves_nowhere():
    assert transition_refusal(TRAJECTORY_TRANSITIONS, "lost", "active", STATUS_RULE) is not None
