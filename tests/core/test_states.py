"""The status door shared by every stateful entity: table checked, field written, move recorded."""

import pytest
from django.core.exceptions import ValidationError

from koers.core.models import StateChange
from koers.core.states import record_state, set_state, state_history
from koers.lib.rules import transition_refusal
from tests.factories import UserFactory
from tests.state_doors import writes_outside

# The user's language is a stand-in status field with choices: the door is generic.
TABLE = {"nl-be": {"en"}, "en": set()}


def test_transition_refusal_allows_a_move_in_the_table_and_names_the_rule_otherwise():
    assert transition_refusal(TABLE, "nl-be", "en", "X-01") is None
    refused = transition_refusal(
        TABLE, "en", "nl-be", "X-01", {"en": "English", "nl-be": "Nederlands"}
    )
    assert refused.rule == "X-01"
    assert "English" in refused.message and "Nederlands" in refused.message
    assert str(refused).endswith("(X-01)")


def test_transition_refusal_refuses_a_state_unknown_to_the_table():
    assert transition_refusal(TABLE, "fr", "nl-be", "X-01").rule == "X-01"


@pytest.mark.django_db
def test_set_state_writes_the_field_and_records_from_to_who_and_why():
    user = UserFactory(language="nl-be")
    change = set_state(
        user, "language", "en", table=TABLE, rule="X-01", acting_user=user, why="test"
    )
    user.refresh_from_db()
    assert user.language == "en"
    assert (change.from_state, change.to_state, change.by, change.why) == (
        "nl-be",
        "en",
        user,
        "test",
    )
    [move] = state_history(user, "language")
    assert (move.from_label, move.why) == ("Nederlands", "test")


@pytest.mark.django_db
def test_set_state_refuses_a_move_outside_the_table_and_writes_nothing():
    user = UserFactory(language="en")
    with pytest.raises(ValidationError) as refused:
        set_state(user, "language", "nl-be", table=TABLE, rule="X-01", acting_user=None)
    assert "X-01" in str(refused.value.message_dict["language"])
    user.refresh_from_db()
    assert user.language == "en"
    assert not StateChange.objects.exists()


@pytest.mark.django_db
def test_set_state_to_the_same_state_records_nothing():
    user = UserFactory(language="nl-be")
    assert set_state(user, "language", "nl-be", table=TABLE, rule="X", acting_user=None) is None
    assert not StateChange.objects.exists()


@pytest.mark.django_db
def test_record_state_keeps_a_first_state_from_nothing():
    user = UserFactory()
    record_state(user, "language", "", user.language, acting_user=None)
    [move] = state_history(user, "language")
    assert move.from_label == "" and move.by == ""


def test_the_door_scan_finds_attribute_setattr_and_update_writes(tmp_path, monkeypatch):
    source = tmp_path / "koers" / "demo_app"
    source.mkdir(parents=True)
    (source / "code.py").write_text(
        "def door(o):\n    o.state = 'a'\n"
        "def rogue(o, qs):\n    o.state, x = 'b', 1\n    setattr(o, 'state', 'c')\n"
        "    qs.update(state='d')\n"
    )
    monkeypatch.setattr("tests.state_doors.SRC", tmp_path / "koers")
    found = writes_outside("state", {"door"})
    assert [(w.function, w.line) for w in found] == [("rogue", 4), ("rogue", 5), ("rogue", 6)]
