"""What the trajectory core holds of a client: reports, assignments, plans, documents; and the
retention of closed files (see `koers.privacy.shredding`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from koers.core.models import Client
from koers.privacy.shredding import ERASED, ModelShredder, RetentionRule
from koers.trajectories.models import (
    OPEN_STATUSES,
    Assignment,
    Contact,
    Document,
    Plan,
    PlanVersion,
    Trajectory,
)

TRAJECTORY = "trajectory__client_id"

SHREDDERS = [
    ModelShredder(
        Trajectory,
        paths={"client": "client_id"},
        keep="Het traject blijft als feit (programma, data, status) voor de financier.",
    ),
    ModelShredder(Contact, paths={"client": TRAJECTORY}, erase=("notes", "absence_reason")),
    ModelShredder(Assignment, paths={"client": TRAJECTORY}, erase=("description", "evaluation")),
    ModelShredder(Plan, paths={"client": TRAJECTORY}, keep="Enkel soort en titel van het plan."),
    ModelShredder(PlanVersion, paths={"client": "plan__trajectory__client_id"}, erase=("content",)),
    ModelShredder(
        Document,
        paths={"client": TRAJECTORY},
        files=("file",),
        erase=("original_filename",),
        replace={"title": ERASED},
        keep="Soort en status blijven (de checklist van het dossier); het bestand gaat weg.",
    ),
]


def _closed_clients(cutoff):
    """Clients with no trajectory running or ended after the cutoff (nor started after it)."""
    recent = Trajectory.objects.filter(
        Q(status__in=OPEN_STATUSES)
        | Q(end_date__gte=cutoff.date())
        | Q(end_date__isnull=True, created_at__gte=cutoff)
    )
    return (
        Client.objects.filter(created_at__lt=cutoff)
        .exclude(pk__in=recent.values("client_id"))
        .values_list("pk", flat=True)
    )


RETENTION_RULES = [
    RetentionRule(
        kind="client_closed",
        label=_("Cliënten zonder lopend traject, laatste traject afgesloten"),
        subject="client",
        setting="KOERS_RETENTION_CLOSED_FILE_DAYS",
        due=_closed_clients,
        keep=_("Trajecten, cheques en facturen blijven als feit, zonder naam."),
    )
]
