"""TRN-06 "Rapporteren", TRN-16: the report per candidate — the levels, growth points and points
of attention, compared with the intake and the referral, fed back to the worker and the
supervisors — stored as a PDF on the trajectory. Making it moves the worker past phase 1.3."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.documents.render import render_pdf
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.trajectories.models import DocumentKind
from koers.trajectories.services import document_store_generated
from koers.transition import models as m
from koers.transition.selectors.assessment_candidate import CandidatePage, candidate_page
from koers.transition.services.phase import phase_refresh


@dataclass(frozen=True)
class ReportTexts:
    growth_points: str = ""
    attention_points: str = ""
    compared_with_intake: str = ""
    fed_back_on: date | None = None


@transaction.atomic
def report_save(
    *, candidate: m.SessionCandidate, texts: ReportTexts, acting_user: User
) -> m.SessionCandidate:
    """The coach's words for the report, and the day it was fed back (TRN-16)."""
    candidate = m.SessionCandidate.objects.select_for_update().get(pk=candidate.pk)
    if texts.fed_back_on and texts.fed_back_on > timezone.localdate():
        raise refusal(
            "fed_back_on", Reason("TRN-16", "Een terugkoppeling ligt niet in de toekomst.")
        )
    candidate.growth_points = texts.growth_points.strip()
    candidate.attention_points = texts.attention_points.strip()
    candidate.compared_with_intake = texts.compared_with_intake.strip()
    candidate.fed_back_on = texts.fed_back_on
    return save_with_user(candidate, acting_user)


def report_make(*, candidate: m.SessionCandidate, acting_user: User) -> CandidatePage:
    """TRN-06: the report once the assessors agreed on every competence they assessed; the PDF
    is stored on the worker's trajectory and `reported_on` set (phase 1.3 done, TRN-01). Returns
    the report as it was made, its candidate showing the day and the document."""
    page = candidate_page(user=acting_user, pk=candidate.pk)
    if not page.file_visible:
        raise Http404
    if page.still_open:
        raise refusal("__all__", *page.still_open)
    if not page.levels:
        raise refusal(
            "__all__", Reason("TRN-06", "Eerst bepalen de assessoren een niveau per competentie.")
        )
    today = timezone.localdate()
    reported_on = page.candidate.reported_on or today
    pdf = render_pdf(
        "transition/pdf/assessment_report.html",
        {"p": page, "centre": page.session.organisation, "reported_on": reported_on},
    )
    with transaction.atomic():
        candidate = m.SessionCandidate.objects.select_for_update().get(pk=candidate.pk)
        file = m.TransitionFile.objects.select_related("trajectory", "client").get(
            pk=candidate.file_id
        )
        document = document_store_generated(
            trajectory=file.trajectory,
            kind=DocumentKind.OTHER,
            title=_("Assessmentrapport — %(title)s") % {"title": page.session.title},
            file_name=f"Assessmentrapport {reported_on:%Y-%m-%d}.pdf",
            pdf=pdf,
            acting_user=acting_user,
        )
        candidate.reported_on = reported_on
        candidate.report_document = document
        save_with_user(candidate, acting_user, update_fields=["reported_on", "report_document"])
        phase_refresh(file, acting_user=acting_user)
    page.candidate.reported_on = reported_on
    page.candidate.report_document = document
    return page
