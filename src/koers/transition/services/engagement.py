"""TRN-03: the engagement statement (both signatures = the first milestone, TRN-01) and the group
kick-off of the selected workers with their supervisors."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import intake as rules
from koers.transition.selectors import intake_facts as facts
from koers.transition.services.intake import CALLED_OFF
from koers.transition.services.phase import phase_refresh


@transaction.atomic
def engagement_sign(
    *, intake: m.Intake, worker_on: date | None, coach_on: date | None, acting_user: User
) -> m.Intake:
    """Record both signatures of the engagement statement (refused with `engagement_refusal`):
    the first milestone; the phase moves on (TRN-01)."""
    intake = (
        m.Intake.objects.select_for_update(of=("self",))
        .select_related("file__trajectory")
        .get(pk=intake.pk)
    )
    if intake.file.is_called_off:
        raise refusal("__all__", CALLED_OFF)
    judged = facts.intake_facts(
        intake, engagement_worker_signed_on=worker_on, engagement_coach_signed_on=coach_on
    )
    refused = rules.engagement_refusal(judged)
    if refused is not None:
        raise refusal("__all__", refused)
    intake.engagement_worker_signed_on = worker_on
    intake.engagement_coach_signed_on = coach_on
    save_with_user(
        intake,
        acting_user,
        update_fields=["engagement_worker_signed_on", "engagement_coach_signed_on"],
    )
    phase_refresh(intake.file, acting_user=acting_user)
    return intake


def engagement_printable(intake: m.Intake) -> None:
    """The statement is printed once the decision is "start" (TRN-03)."""
    if intake.decision != m.Decision.START:
        raise refusal(
            "__all__",
            Reason(
                "TRN-03", "De engagementsverklaring volgt op een positieve beslissing na de intake."
            ),
        )


@dataclass(frozen=True)
class Invitation:
    """A worker invited to the kick-off, with the supervisors invited along (names)."""

    file: m.TransitionFile
    supervisors_invited: tuple[str, ...] = ()


def _selected(files: Sequence[m.TransitionFile]) -> set[int]:
    return set(
        m.Intake.objects.filter(file__in=files, decision=m.Decision.START).values_list(
            "file_id", flat=True
        )
    )


def kick_off_judged(invitations: Sequence[Invitation]) -> list[rules.KickOffInvitee]:
    selected = _selected([i.file for i in invitations])
    return [
        rules.KickOffInvitee(
            worker=str(i.file.client),
            selected=i.file.pk in selected,
            supervisors=tuple(i.file.supervisors or ()),
            supervisors_invited=frozenset(i.supervisors_invited),
        )
        for i in invitations
    ]


@transaction.atomic
def kick_off_create(
    *,
    organisation: Organisation,
    held_on: date,
    place: str,
    note: str,
    invitations: Sequence[Invitation],
    acting_user: User,
) -> tuple[m.KickOff, tuple[Reason, ...]]:
    """TRN-03: the selected workers invited as a group, with their instructors and counsellors.
    A worker not selected at the intake is refused; supervisors left out only warn (returned)."""
    if not invitations:
        raise refusal("files", Reason("TRN-03", "Nodig minstens één geselecteerde werknemer uit."))
    if any(i.file.trajectory.organisation_id != organisation.pk for i in invitations):
        raise refusal("files", Reason("TRN-03", "Nodig enkel werknemers van dit bedrijf uit."))
    judged = kick_off_judged(invitations)
    refused = rules.kick_off_refusals(judged)
    if refused:
        raise refusal("files", *refused)
    kick_off = m.KickOff(organisation=organisation, held_on=held_on, place=place.strip())
    kick_off.note = note.strip()
    save_with_user(kick_off, acting_user)
    m.KickOffInvitee.objects.bulk_create(
        m.KickOffInvitee(
            kick_off=kick_off,
            file=i.file,
            supervisors_invited=[
                s for s in (i.file.supervisors or []) if s in i.supervisors_invited
            ],
        )
        for i in invitations
    )
    for i in invitations:
        phase_refresh(i.file, acting_user=acting_user)
    return kick_off, rules.kick_off_warnings(judged)
