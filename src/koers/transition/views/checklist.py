"""TRN-14: the organisation readiness checklist — the fillings, one filling, a new filling (or
completing one), and two fillings compared over time."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.core.form_pages import REJECTED_STATUS, FormRejected, submitted
from koers.transition.forms.checklist import ChecklistForm, initial_of
from koers.transition.selectors import checklist as sel
from koers.transition.selectors.kpis import kpi_organisations
from koers.transition.services.checklist import checklist_save


@login_required
@require_GET
def checklist_list(request):
    page = sel.filling_list(user=request.user, page=request.GET.get("page", 1))
    return render(request, "transition/checklist/list.html", {"page": page})


@login_required
@require_GET
def checklist_detail(request, pk: int):
    view = sel.filling_view(sel.filling_get(user=request.user, pk=pk))
    return render(request, "transition/checklist/detail.html", {"v": view})


def _form_page(request, filling=None):
    orgs = list(kpi_organisations(request.user))
    if not orgs:
        raise Http404
    initial = initial_of(filling) if filling else {"filled_on": timezone.localdate()}
    rows = len(filling.actions or []) if filling else 0
    data = request.POST if request.method == "POST" else None
    form = ChecklistForm(data, organisations=orgs, initial=initial, action_rows=rows)
    if data is None:
        return _render_form(request, form, filling)
    try:
        with submitted(form, "form") as cleaned:
            org = next(o for o in orgs if o.pk == cleaned["organisation"])
            filling = checklist_save(
                organisation=org, acting_user=request.user, filling=filling, **form.values()
            )
    except FormRejected as rejected:
        return _render_form(request, rejected.form, filling, REJECTED_STATUS)
    messages.success(request, _("De checklist is bewaard."))
    return redirect("transition_checklist", pk=filling.pk)


def _render_form(request, form, filling, status=200):
    context = {"form": form, "filling": filling, "scores": sel.score_range()}
    context["score_labels"] = sel.score_labels()
    return render(request, "transition/checklist/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def checklist_new(request):
    return _form_page(request)


@login_required
@require_http_methods(["GET", "POST"])
def checklist_edit(request, pk: int):
    return _form_page(request, sel.filling_get(user=request.user, pk=pk))


@login_required
@require_GET
def checklist_compare(request):
    fillings = list(sel.fillings_visible_to(request.user)[:50])
    first, second = request.GET.get("eerste", ""), request.GET.get("tweede", "")
    if not (first.isdigit() and second.isdigit()) and len(fillings) >= 2:
        first, second = str(fillings[1].pk), str(fillings[0].pk)  # the last two
    compared = None
    if first.isdigit() and second.isdigit():
        compared = sel.compare_page(user=request.user, first_pk=int(first), second_pk=int(second))
    context = {"fillings": fillings, "c": compared, "first": first, "second": second}
    return render(request, "transition/checklist/compare.html", context)
