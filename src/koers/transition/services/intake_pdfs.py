"""TRN-02/03 documents as PDFs: the official invitation to intake and the engagement statement
(two signature places). Rendered outside any transaction (WeasyPrint is slow), then stored as a
document of the trajectory and linked from the file or the intake."""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from koers.core.history import save_with_user
from koers.core.models import User
from koers.documents.render import render_pdf
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.trajectories.models import Document, DocumentKind
from koers.trajectories.services import document_store_generated
from koers.transition import models as m
from koers.transition.services.engagement import engagement_printable


def _context(file: m.TransitionFile) -> dict:
    trajectory = file.trajectory
    coach = trajectory.responsible
    return {
        "file": file,
        "client": file.client,
        "centre": trajectory.organisation,
        "coach_name": coach.get_full_name() or coach.username,
        "today": timezone.localdate(),
    }


def _file(pk: int) -> m.TransitionFile:
    return m.TransitionFile.objects.select_related(
        "client", "trajectory__responsible", "trajectory__organisation"
    ).get(pk=pk)


def invitation_pdf(*, file: m.TransitionFile, acting_user: User) -> Document:
    """TRN-02: the official invitation to the intake, once the referral is "invited"."""
    file = _file(file.pk)
    if file.invited_on is None:
        raise refusal(
            "__all__",
            Reason("TRN-02", "De uitnodiging volgt op de dialoog, niet ervoor."),
        )
    planned = m.Intake.objects.filter(file=file, held_on__isnull=False).first()
    when = date_format(planned.held_on, "l j F Y") if planned else ""
    pdf = render_pdf("transition/pdf/invitation.html", {**_context(file), "intake_when": when})
    with transaction.atomic():
        # Two prints at once: the file points at the last document stored, never a lost one.
        locked = m.TransitionFile.objects.select_for_update().get(pk=file.pk)
        document = document_store_generated(
            trajectory=file.trajectory,
            kind=DocumentKind.CORRESPONDENCE,
            title="Uitnodiging intakegesprek",
            file_name=f"Uitnodiging intake {file.invited_on:%Y-%m-%d}.pdf",
            pdf=pdf,
            acting_user=acting_user,
        )
        locked.invitation_document = document
        save_with_user(locked, acting_user, update_fields=["invitation_document"])
    return document


def engagement_pdf(*, intake: m.Intake, acting_user: User) -> Document:
    """TRN-03: the engagement statement with the worker's commitment and two signature places."""
    intake = m.Intake.objects.select_related("second_coach").get(pk=intake.pk)
    engagement_printable(intake)
    file = _file(intake.file_id)
    pdf = render_pdf("transition/pdf/engagement.html", {**_context(file), "intake": intake})
    with transaction.atomic():
        locked = m.Intake.objects.select_for_update().get(pk=intake.pk)
        document = document_store_generated(
            trajectory=file.trajectory,
            kind=DocumentKind.CONTRACT,
            title="Engagementsverklaring",
            file_name="Engagementsverklaring.pdf",
            pdf=pdf,
            acting_user=acting_user,
        )
        locked.engagement_document = document
        save_with_user(locked, acting_user, update_fields=["engagement_document"])
    return document
