from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.api.conftest import outsider  # noqa: F401
from tests.billing.delivery.factories import fake_dossiers  # noqa: F401

# Late in the first quarter: the quarter reminder (14 days before 31/03) is due.
NOW = datetime(2026, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield
