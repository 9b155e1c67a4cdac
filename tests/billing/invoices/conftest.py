import sys
from pathlib import Path

import pytest
import time_machine

from tests.billing.invoices import factories

PEPPOL = Path(__file__).resolve().parents[3].parent / "shared" / "peppol"


@pytest.fixture(autouse=True)
def _june():
    """BIL-04 tests issue on 15 June 2026 (the clock frozen)."""
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


@pytest.fixture(autouse=True)
def _outbox(settings, tmp_path):
    settings.KOERS_PEPPOL_OUTBOX = tmp_path / "peppol-outbox"
    settings.KOERS_PEPPOL_BACKEND = "koers.billing.delivery_backends.FileDropBackend"


@pytest.fixture
def ready(coach, centre):
    """A statement of May 2026 with the coach's company and the centre's billing details."""
    factories.company(coach)
    factories.billing_details(centre)
    return factories.statement(coach, centre)


@pytest.fixture
def outsider(other_centre):
    """Centre staff of another centre."""
    from koers.core.models import Role
    from tests.factories import staff_user

    return staff_user(other_centre, Role.CENTRE_STAFF, username="elders")


@pytest.fixture(scope="session")
def peppol_validate():
    if not (PEPPOL / "validate.py").exists():
        pytest.skip(f"the Peppol validator is not here ({PEPPOL}): ../shared/peppol is absent")
    pytest.importorskip("saxonche", reason="the Peppol validator needs saxonche<14 (dev extras)")
    sys.path.insert(0, str(PEPPOL))
    try:
        from validate import validate as run
    finally:
        sys.path.remove(str(PEPPOL))
    return run
