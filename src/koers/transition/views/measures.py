"""A worker's work measures (TRN-09..12): plan one, keep its documents, start it, evaluate it,
close or cancel it, and print the BVS / TBS agreement checklist. Every object is looked up
through the access rules (404 otherwise); a rejected form is shown again as typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.core.form_pages import (
    REJECTED_STATUS,
    FormRejected,
    distinct_ids,
    object_post,
    submitted,
)
from koers.transition.forms import measures as mf
from koers.transition.selectors import measures as sel
from koers.transition.selectors.files import file_get
from koers.transition.services import measure_pdfs
from koers.transition.services import measures as services


def _plan_form(request, file, kind):
    organisation = file.trajectory.organisation
    form = mf.MeasurePlanForm(
        request.POST if request.method == "POST" else None,
        initial={"kind": kind, "planned_start": timezone.localdate()},
        employers=sel.employers_for(request.user, organisation),
        follows=file.measures.all(),
    )
    form.fields["planned_end"].help_text = mf.END_HELP[kind]
    return form


@login_required
@require_http_methods(["GET", "POST"])
def transition_measure_new(request, pk: int):
    file = file_get(user=request.user, pk=pk)
    kind = request.POST.get("kind") or request.GET.get("soort", "bvs")
    if kind not in dict(sel.KIND_CHOICES):
        raise Http404
    form = _plan_form(request, file, kind)
    if request.method == "POST":
        try:
            with submitted(form, "form"):
                data = services.MeasureData(**form.data_kwargs())
                measure, warnings = services.measure_plan(
                    file=file, data=data, acting_user=request.user
                )
        except FormRejected:
            return _render_new(request, file, kind, form, REJECTED_STATUS)
        for warning in warnings:
            messages.warning(request, str(warning))
        messages.success(request, _("De maatregel is gepland."))
        return redirect("transition_measure", pk=measure.pk)
    return _render_new(request, file, kind, form)


def _render_new(request, file, kind, form, status=200):
    context = {
        "file": file,
        "kind": kind,
        "kind_label": dict(sel.KIND_CHOICES)[kind],
        "form": form,
        "common": [form[n] for n in mf.COMMON_FIELDS],
        "specific": [form[n] for n in mf.KIND_FIELDS[kind]],
        "c4_text": sel.ACTIVA_C4_TEXT,
        "other_kinds": [(k, label) for k, label in sel.KIND_CHOICES if k != kind],
    }
    return render(request, "transition/measure_new.html", context, status=status)


def _page_context(request, page: sel.MeasurePage, **forms_) -> dict:
    measure = page.view.measure
    context = {
        "p": page,
        "v": page.view,
        "measure": measure,
        "documents_form": mf.DocumentsForm(
            initial=mf.documents_initial(measure), measure=measure, rows=page.view.rows
        ),
        "evaluation_form": mf.EvaluationForm(
            initial={"on": timezone.localdate()}, competences=page.competences
        ),
        "cancel_form": mf.CancelForm(),
        "c4_text": sel.ACTIVA_C4_TEXT,
    }
    context.update(forms_)
    return distinct_ids(context)


@login_required
@require_GET
def transition_measure(request, pk: int):
    page = sel.measure_page(user=request.user, pk=pk)
    return render(request, "transition/measure.html", _page_context(request, page))


def _load(request, pk: int):
    return sel.measure_get(user=request.user, pk=pk)


def _rejected(request, measure, rejected: FormRejected):
    page = sel.measure_page(user=request.user, pk=measure.pk)
    context = _page_context(request, page, **rejected.forms())
    return render(request, "transition/measure.html", context, status=REJECTED_STATUS)


measure_action = object_post(
    load=_load, page=_rejected, back=lambda measure: redirect("transition_measure", pk=measure.pk)
)


@measure_action
def transition_measure_documents(request, measure):
    view = sel.measure_view(measure, sel.rules_of(measure.file))
    form = mf.DocumentsForm(request.POST, measure=measure, rows=view.rows)
    with submitted(form, "documents_form"):
        data = services.DocumentsData(**form.data_kwargs())
        services.measure_documents_update(measure=measure, data=data, acting_user=request.user)
    messages.success(request, _("De documenten en toestemmingen zijn bewaard."))


@measure_action
def transition_measure_start(request, measure):
    services.measure_start(measure=measure, acting_user=request.user)
    messages.success(request, _("De maatregel is gestart."))


@measure_action
def transition_measure_evaluate(request, measure):
    competences = sel.competences_of(measure.file.trajectory.organisation)
    form = mf.EvaluationForm(request.POST, competences=competences)
    with submitted(form, "evaluation_form"):
        data = form.cleaned_data
        services.measure_evaluate(
            measure=measure,
            kind=data["kind"],
            on=data["on"],
            levels=form.levels(),
            by_phone=data["by_phone"],
            remarks=data["remarks"],
            acting_user=request.user,
        )
    messages.success(request, _("De evaluatie is bewaard."))


@measure_action
def transition_measure_close(request, measure):
    services.measure_close(measure=measure, acting_user=request.user)
    messages.success(request, _("De maatregel is afgerond."))


@measure_action
def transition_measure_cancel(request, measure):
    form = mf.CancelForm(request.POST)
    with submitted(form, "cancel_form"):
        services.measure_cancel(
            measure=measure, why=form.cleaned_data["why"], acting_user=request.user
        )
    messages.success(request, _("De maatregel is geannuleerd."))


@measure_action
def transition_measure_checklist(request, measure):
    document = measure_pdfs.checklist_pdf(measure=measure, acting_user=request.user)
    return redirect("document_download", pk=document.pk)
