"""TRN-06/16: one candidate of a session — the notes counted per competence next to the level
descriptions, each assessor's proposal, the agreed level — and the report (growth points, points
of attention, compared with the intake and the referral), stored as a PDF on the trajectory."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.core.form_pages import REJECTED_STATUS, distinct_ids, object_post, submitted
from koers.transition.forms import assessment as forms
from koers.transition.selectors import assessment as sel
from koers.transition.selectors.assessment_candidate import candidate_page
from koers.transition.selectors.competences import competence_choices
from koers.transition.services import assessment_levels as levels
from koers.transition.services import assessment_report as reports
from koers.transition.views.assessment import warn


def _candidate(request, pk):
    return sel.candidate_get(user=request.user, pk=pk)


def _page(request, candidate, rejected=None):
    p = candidate_page(user=request.user, pk=candidate.pk)
    c = p.candidate
    context = {
        "p": p,
        "proposal_form": forms.LevelForm(competences=p.choices),
        "agreed_form": forms.LevelForm(competences=p.choices, with_note=True),
        "classify_form": forms.ClassifyForm(competences=p.choices),
        "report_form": forms.ReportForm(
            initial={
                "growth_points": c.growth_points,
                "attention_points": c.attention_points,
                "compared_with_intake": c.compared_with_intake,
                "fed_back_on": c.fed_back_on,
            }
        ),
    }
    if rejected:
        context[rejected.name] = rejected.form
    status = REJECTED_STATUS if rejected else 200
    return render(request, "transition/candidate.html", distinct_ids(context), status=status)


@login_required
@require_GET
def transition_candidate(request, pk: int):
    return _page(request, _candidate(request, pk))


candidate_action = object_post(
    load=_candidate, page=_page, back=lambda c: redirect("transition_candidate", pk=c.pk)
)


def _choices(candidate):
    return competence_choices(candidate.session.organisation_id)


@candidate_action
def transition_candidate_proposal(request, candidate):
    form = forms.LevelForm(request.POST, competences=_choices(candidate))
    with submitted(form, "proposal_form") as data:
        levels.proposal_set(
            session=candidate.session,
            candidate_id=candidate.pk,
            competence=data["competence"],
            level=data["level"],
            acting_user=request.user,
        )
    messages.success(request, _("Je voorstel is bewaard."))


@candidate_action
def transition_candidate_agreed(request, candidate):
    form = forms.LevelForm(request.POST, competences=_choices(candidate), with_note=True)
    with submitted(form, "agreed_form") as data:
        _row, warnings = levels.agreed_level_set(
            candidate=candidate, acting_user=request.user, **data
        )
    messages.success(request, _("Het afgesproken niveau is bewaard."))
    warn(request, warnings)


def _file_candidate(request, pk):
    """The report is about the worker's file: only who sees the file writes it."""
    candidate = _candidate(request, pk)
    if not sel.file_visible(request.user, candidate.file_id):
        raise Http404
    return candidate


report_action = object_post(
    load=_file_candidate, page=_page, back=lambda c: redirect("transition_candidate", pk=c.pk)
)


@report_action
def transition_candidate_report(request, candidate):
    form = forms.ReportForm(request.POST)
    with submitted(form, "report_form") as data:
        reports.report_save(
            candidate=candidate, texts=reports.ReportTexts(**data), acting_user=request.user
        )
    messages.success(request, _("Het rapport is bewaard."))


@report_action
def transition_candidate_report_make(request, candidate):
    reports.report_make(candidate=candidate, acting_user=request.user)
    messages.success(
        request,
        _("Het assessmentrapport is opgemaakt en bij de documenten van het traject bewaard."),
    )
