"""Billing test helpers: closed dossiers judged by a stand-in programme (BIL-01)."""

from datetime import date

import pytest
from django.db.models import Q

from koers.lib.rules import phrase
from koers.trajectories import dossiers as registry
from koers.trajectories.dossiers import DossierState
from koers.trajectories.models import Trajectory, TrajectoryStatus
from tests.factories import ClientFactory, TrajectoryFactory

PIECES = (phrase("Overeenkomst: origineel ontvangen"), phrase("Bewijs van deelname per contact"))


class FakeDossiers:
    """A programme whose checklist is a dict: trajectory id → missing pieces (one query)."""

    def __init__(self):
        self.missing: dict[int, tuple] = {}

    def __call__(self, coach_ids, trajectory_ids, judged=True):
        rows = Trajectory.objects.filter(responsible_id__in=coach_ids).select_related("client")
        if trajectory_ids is None:
            rows = rows.filter(status=TrajectoryStatus.CLOSED)
        else:
            rows = rows.filter(pk__in=trajectory_ids)
        return [
            DossierState(
                trajectory_id=t.pk,
                organisation_id=t.organisation_id,
                voucher="1",
                client_name=t.client.full_name,
                coach_id=t.responsible_id,
                closed_on=t.end_date if t.status == TrajectoryStatus.CLOSED else None,
                missing=self.missing.get(t.pk, ()),
                pieces=PIECES,
            )
            for t in rows
        ]

    def open_points(self, complete):
        """The registry's `OpenPoints`: the trajectories whose dossier is complete (or not)."""
        return ~Q(pk__in=list(self.missing)) if complete else Q(pk__in=list(self.missing))

    def dossier(self, coach, *, closed_on=date(2026, 2, 10), missing=(), name="An Peeters"):
        first, last = name.split(" ", 1)
        client = ClientFactory(
            organisation=coach.memberships.first().organisation, first_name=first, last_name=last
        )
        t = TrajectoryFactory(
            client=client,
            responsible=coach,
            status=TrajectoryStatus.CLOSED if closed_on else TrajectoryStatus.ACTIVE,
            start_date=date(2026, 1, 5),
            end_date=closed_on,
        )
        if missing:
            self.missing[t.pk] = tuple(phrase(m) for m in missing)
        return t


@pytest.fixture
def fake_dossiers(monkeypatch):
    fake = FakeDossiers()
    monkeypatch.setattr(registry, "_PROVIDERS", {"voucher": fake})
    monkeypatch.setattr(registry, "_OPEN_POINTS", {"voucher": fake.open_points})
    return fake
