"""TRN-07: the worker's PDP — make it, a new version on every save, the history with what changed,
the review in a coaching contact, the PDF — and the company's PDP questions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.core.form_pages import REJECTED_STATUS, FormRejected, object_post, submitted
from koers.transition.forms.plan import PdpForm, ReviewForm
from koers.transition.selectors import files as file_sel
from koers.transition.selectors import plan as sel
from koers.transition.services import plan as services
from koers.transition.services.plan_pdf import pdp_pdf
from koers.transition.views.file_forms import back_to_file, file_post


def _page(request, file, form=None, status=200):
    section = sel.plan_section(file, request.user)
    if form is None:
        version = section.latest.rule if section.latest else None
        form = PdpForm(questions=section.questions, version=version)
    context = {"file": file, "s": section, "form": form}
    return render(request, "transition/plan/page.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def transition_plan(request, pk: int):
    """The PDP page; a valid post adds a version (the first makes the PDP, TRN-07)."""
    file = file_sel.file_get(user=request.user, pk=pk)
    if request.method == "GET":
        return _page(request, file)
    questions = sel.questions_of(file.trajectory.organisation_id)
    form = PdpForm(request.POST, questions=questions)
    try:
        with submitted(form, "form") as data:
            version = services.pdp_save(
                file=file,
                answers=data["answers"],
                actions=data["actions"],
                acting_user=request.user,
            )
    except FormRejected:
        return _page(request, file, form, status=REJECTED_STATUS)
    messages.success(request, _("Versie %(n)s van het PDP is bewaard.") % {"n": version.number})
    return redirect("transition_plan", pk=file.pk)


@login_required
@require_GET
def transition_plan_version(request, pk: int, number: int):
    """One version, compared with the previous (earlier versions stay readable)."""
    file = file_sel.file_get(user=request.user, pk=pk)
    view = sel.version_get(file, number)
    if view is None:
        raise Http404
    return render(request, "transition/plan/version.html", {"file": file, "v": view})


@file_post
def transition_plan_review(request, file):
    form = ReviewForm(request.POST, contacts=sel.plan_section(file).contacts)
    with submitted(form, "review_form") as data:
        services.pdp_review(
            file=file,
            contact=data["contact"],
            reviewed_on=data["reviewed_on"],
            acting_user=request.user,
        )
    messages.success(request, _("De bespreking van het PDP is genoteerd."))
    return back_to_file(file, "pdp")


def _pdf_refused(request, file, rejected):
    return back_to_file(file, "pdp")


@object_post(
    load=lambda request, pk: file_sel.file_get(user=request.user, pk=pk),
    page=_pdf_refused,
    back=lambda file: back_to_file(file, "pdp"),
)
def transition_plan_pdf(request, file):
    document = pdp_pdf(file=file, acting_user=request.user)
    messages.success(request, _("Het PDP staat als PDF bij de documenten."))
    return redirect("document_download", pk=document.pk)
