"""One door per status, across the whole code base: every status field of Koers (a trajectory's
and a document's `status`, a mediation service's `state` and `ladder_state`, a lead's `state`) is
written only by `koers.core.states.set_state`, which each entity's `<entity>_set_state` calls.
No module under src/ assigns such a field, `setattr`s it by name or `.update()`s it."""

import pytest

from tests.state_doors import writes_outside


@pytest.mark.parametrize("field", ["status", "state", "ladder_state"])
def test_no_module_writes_a_status_field_itself(field):
    assert writes_outside(field, set()) == []
