"""What the mediation programme holds of a client, and the retention of a partner's file after
its access ends (MED-15/16: the partner no longer sees it; VDAB keeps its own file)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from koers.core.models import Client
from koers.mediation.models import (
    AgreementSheet,
    ContactCheck,
    FirstAppointment,
    MediationService,
    MonthEndCategory,
    ProjectFollowUpContact,
    TrainingRegistration,
)
from koers.privacy.shredding import ModelShredder, RetentionRule
from koers.trajectories.models import Trajectory

SERVICE = "service__client_id"

SHREDDERS = [
    ModelShredder(
        MediationService,
        paths={"client": "client_id"},
        erase=("work_points", "thresholds", "advice_remark", "vdab_client_number"),
        kept_fields=("vdab_mediator_name", "vdab_mediator_email", "returned_reasons"),
        keep="De dienst blijft als feit voor VDAB (referentie, data, afsluiting, advies); "
        "de bemiddelaar van VDAB is geen betrokkene.",
    ),
    ModelShredder(
        FirstAppointment,
        paths={"client": SERVICE},
        erase=("comment", "covering_text"),
        kept_fields=("absence_reason",),
    ),
    ModelShredder(AgreementSheet, paths={"client": SERVICE}, erase=("content",)),
    ModelShredder(MonthEndCategory, paths={"client": SERVICE}, keep="Maandcategorie voor VDAB."),
    ModelShredder(
        TrainingRegistration,
        paths={"client": SERVICE},
        erase=("summary",),
        kept_fields=("organiser_email",),
    ),
    ModelShredder(
        ContactCheck, paths={"client": "contact__trajectory__client_id"}, erase=("note",)
    ),
    ModelShredder(ProjectFollowUpContact, paths={"client": SERVICE}, erase=("note",)),
]


def _partner_files_ended(cutoff):
    """Clients all of whose trajectories lost their access (a closed mediation service) before
    the cutoff: nobody but an administrator still sees them."""
    still_seen = Trajectory.objects.filter(
        Q(access_until__isnull=True) | Q(access_until__gte=cutoff)
    )
    return (
        Client.objects.filter(trajectories__access_until__lt=cutoff)
        .exclude(pk__in=still_seen.values("client_id"))
        .distinct()
        .values_list("pk", flat=True)
    )


RETENTION_RULES = [
    RetentionRule(
        kind="mediation_access_ended",
        label=_("Dossiers van bemiddelingspartners na het einde van de toegang"),
        subject="client",
        setting="KOERS_RETENTION_MEDIATION_AFTER_ACCESS_DAYS",
        due=_partner_files_ended,
        keep=_("De dienst blijft als feit voor VDAB, zonder naam."),
    )
]
