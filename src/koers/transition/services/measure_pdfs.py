"""TRN-09, TRN-10: the BVS and TBS agreement checklists as PDFs — the documents and approvals of
the measure with ticks and what is still missing, the mentor and task description, and the
signature places — stored in the worker's file. Rendering happens outside transactions."""

from django.utils import timezone

from koers.core.models import User
from koers.documents.render import render_pdf
from koers.lib.refusals import refusal
from koers.lib.rules import reason
from koers.trajectories.models import Document, DocumentKind
from koers.trajectories.services import document_store_generated
from koers.transition import models as m
from koers.transition.selectors import measures as sel


def checklist_context(measure: m.Measure) -> dict:
    view = sel.measure_view(measure, sel.rules_of(measure.file))
    trajectory = measure.file.trajectory
    coach = trajectory.responsible
    return {
        "v": view,
        "measure": measure,
        "client": measure.file.client,
        "centre": trajectory.organisation,
        "coach_name": (coach.get_full_name() or coach.username) if coach else "",
        "today": timezone.localdate(),
        "start_rows": [r for r in view.rows if r.moment == "start"],
        "close_rows": [r for r in view.rows if r.moment == "close"],
    }


def checklist_pdf(*, measure: m.Measure, acting_user: User) -> Document:
    """The agreement checklist of a BVS or a TBS, stored as a generated document."""
    if measure.kind not in sel.CHECKLIST_KINDS:
        raise refusal(
            "__all__", reason("TRN-09", "Een checklist van de overeenkomst is er voor BVS en TBS.")
        )
    pdf = render_pdf("transition/pdf/measure_checklist.html", checklist_context(measure))
    label = measure.get_kind_display()
    return document_store_generated(
        trajectory=measure.file.trajectory,
        kind=DocumentKind.CONTRACT,
        title=f"Checklist overeenkomst {label}",
        file_name=f"Checklist {measure.kind.upper()} {measure.planned_start:%Y-%m-%d}.pdf",
        pdf=pdf,
        acting_user=acting_user,
    )
