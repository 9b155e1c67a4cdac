"""TRN-17: record a transition (the first day of regular work or of the IBO), the follow-up at its
checkpoints or in between, and a worker who left for a training (TRN-13 KPI 11).

Every refusal names the rule and changes nothing; the phase follows a recorded transition."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import reason
from koers.transition import models as m
from koers.transition.rules import followup as rules
from koers.transition.selectors import followup as sel
from koers.transition.selectors.measures import rules_of
from koers.transition.services.phase import phase_refresh


@dataclass
class PlacementData:
    destination: str
    first_day: date
    employer: m.Employer | None = None
    new_employer_name: str = ""
    measure: m.Measure | None = None
    note: str = ""


def _check_placement(file: m.TransitionFile, data: PlacementData) -> None:
    if data.first_day > timezone.localdate():
        raise refusal(
            "first_day",
            reason("TRN-17", "Registreer de doorstroom vanaf de eerste dag, niet vooraf."),
        )
    if data.measure is not None and data.measure.file_id != file.pk:
        raise refusal(
            "measure", reason("TRN-17", "Kies een maatregel uit het dossier van deze werknemer.")
        )
    if (
        data.employer is not None
        and data.employer.organisation_id != file.trajectory.organisation_id
    ):
        raise refusal("employer", reason("TRN-17", "Kies een werkgever van uw organisatie."))
    if not (data.employer or data.new_employer_name.strip()):
        raise refusal("employer", reason("TRN-17", "Geef de werkgever."))
    open_ones = m.Placement.objects.filter(file=file).exclude(
        records__status=m.FollowupStatus.STOPPED
    )
    if open_ones.exists():
        raise refusal(
            "__all__",
            reason(
                "TRN-17",
                "Deze werknemer is al doorgestroomd; registreer een nieuwe werkgever in de "
                "opvolging, of eerst dat de vorige doorstroom gestopt is.",
            ),
        )


def placement_record(
    *, file: m.TransitionFile, data: PlacementData, acting_user: User
) -> m.Placement:
    """TRN-17: the transition itself; its checkpoints start from `first_day`."""
    _check_placement(file, data)
    with transaction.atomic():
        employer = data.employer
        name = data.new_employer_name.strip()
        if employer is None:
            organisation_id = file.trajectory.organisation_id
            employer = m.Employer.objects.filter(
                organisation_id=organisation_id, name__iexact=name
            ).first() or m.Employer.objects.create(organisation_id=organisation_id, name=name)
        placement = m.Placement(
            file=file,
            destination=data.destination,
            first_day=data.first_day,
            employer=employer,
            employer_name=employer.name,
            measure=data.measure,
            note=data.note,
            created_by=acting_user,
        )
        save_with_user(placement, acting_user)
        phase_refresh(file, acting_user=acting_user)
    return placement


@dataclass
class FollowupData:
    day: date
    status: str
    checkpoint: str = ""
    employer_name: str = ""
    note: str = ""


def followup_add(
    *, placement: m.Placement, data: FollowupData, acting_user: User
) -> m.FollowupRecord:
    """TRN-17: still in work, in the IBO, or stopped; any change of employer."""
    with transaction.atomic():
        placement = (
            m.Placement.objects.select_for_update(of=("self",))
            .select_related("file__trajectory")
            .get(pk=placement.pk)
        )
        facts = sel.transition_facts(placement)
        record = rules.FollowupRecord(
            day=data.day,
            status=rules.FollowupStatus(data.status),
            employer=data.employer_name.strip() or None,
            checkpoint=rules.Checkpoint(data.checkpoint) if data.checkpoint else None,
        )
        refused = rules.record_refusal(
            facts, record, timezone.localdate(), rules_of(placement.file)
        )
        if refused:
            raise refusal("__all__", refused)
        row = m.FollowupRecord(
            placement=placement,
            day=data.day,
            checkpoint=data.checkpoint,
            status=data.status,
            employer_name=data.employer_name.strip(),
            note=data.note,
            by=acting_user,
        )
        save_with_user(row, acting_user)
    return row


def left_for_training_record(
    *, file: m.TransitionFile, on: date | None, acting_user: User
) -> m.TransitionFile:
    """TRN-13 KPI 11: the worker left for a training on `on` (None clears a mistaken entry)."""
    if on is not None and on > timezone.localdate():
        raise refusal(
            "left_for_training_on", reason("TRN-13", "Een vertrek in de toekomst kan niet.")
        )
    file.left_for_training_on = on
    save_with_user(file, acting_user, update_fields=["left_for_training_on"])
    return file
