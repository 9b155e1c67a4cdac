"""TRN-07/16: the PDP as a PDF — the latest version's answers and action table with the
assessment findings it builds on — stored as a document in the worker's file."""

from django.db import transaction
from django.utils import timezone

from koers.documents.render import render_pdf
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.trajectories.models import Document, DocumentKind
from koers.trajectories.services import document_store_generated
from koers.transition import models as m
from koers.transition.selectors.plan import plan_section
from koers.transition.selectors.plan_findings import plan_findings


def pdp_context(file: m.TransitionFile) -> dict:
    section = plan_section(file)
    if section.latest is None:
        raise refusal("__all__", Reason("TRN-07", "Er is nog geen PDP om af te drukken."))
    trajectory = file.trajectory
    coach = trajectory.responsible
    return {
        "file": file,
        "client": file.client,
        "centre": trajectory.organisation,
        "coach_name": coach.get_full_name() or coach.username,
        "s": section,
        "v": section.latest,
        "findings": plan_findings(file),
        "today": timezone.localdate(),
    }


def pdp_pdf(*, file: m.TransitionFile, acting_user) -> Document:
    context = pdp_context(file)
    pdf = render_pdf("transition/pdf/pdp.html", context)  # outside the transaction: slow
    number = context["v"].version.number
    with transaction.atomic():
        return document_store_generated(
            trajectory=file.trajectory,
            kind=DocumentKind.PLAN,
            title=f"PDP versie {number}",
            file_name=f"PDP {file.client} v{number}.pdf",
            pdf=pdf,
            acting_user=acting_user,
        )
