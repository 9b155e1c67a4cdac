"""TRN-07: the company's PDP questions (the seed's were an image: each company keeps its own)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.core.form_pages import REJECTED_STATUS
from koers.transition.forms.plan import QuestionFormSet
from koers.transition.selectors import plan as sel
from koers.transition.services import plan as services


@login_required
@require_GET
def transition_plan_questions_index(request):
    organisations = list(sel.settings_organisations(request.user).order_by("name"))
    if len(organisations) == 1:
        return redirect("transition_plan_questions", pk=organisations[0].pk)
    if not organisations:
        raise Http404
    return render(request, "transition/plan/questions_index.html", {"orgs": organisations})


@login_required
@require_http_methods(["GET", "POST"])
def transition_plan_questions(request, pk: int):
    organisation = sel.settings_organisations(request.user).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    initial = [sel.question_to(q) for q in sel.questions_of(organisation)]
    formset = QuestionFormSet(request.POST or None, initial=initial, prefix="q")
    status = 200
    if request.method == "POST":
        status = REJECTED_STATUS
        if formset.is_valid():
            try:
                services.plan_questions_set(
                    organisation=organisation,
                    questions=formset.questions(),
                    acting_user=request.user,
                )
            except ValidationError as exc:
                formset.service_errors = exc.messages
            else:
                messages.success(request, _("De vragen van het PDP zijn bewaard."))
                return redirect("transition_plan_questions", pk=organisation.pk)
    context = {"organisation": organisation, "formset": formset}
    return render(request, "transition/plan/questions.html", context, status=status)
