"""Follow-up on the service page: month-end categories (MED-12), trainings (MED-11), the file
checklist (MED-08), IBO (MED-10), the projectopvolger and the final advice (MED-14, MED-15)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.form_pages import submitted
from koers.core.forms import apply_errors
from koers.mediation import forms, pdfs, selectors, services
from koers.mediation.views.common import SECTION, object_action, service_action, service_or_404


@service_action
def month_end(request, service):
    form = forms.MonthEndForm(request.POST)
    with submitted(form, "month_end_form"):
        passive = {"1": True, "0": False}.get(form.cleaned_data["passive"])
        services.month_end_record(
            service=service,
            month_end=form.cleaned_data["month_end"],
            category=form.cleaned_data["category"],
            passive=passive,
            acting_user=request.user,
        )
    messages.success(request, _("De categorie van het einde van de maand is bewaard."))


@service_action
def training_new(request, service):
    form = forms.TrainingForm(request.POST)
    with submitted(form, "training_form"):
        services.training_register(
            service=service,
            data=services.TrainingData(**form.cleaned_data),
            acting_user=request.user,
        )
    messages.success(request, _("De opleiding is geregistreerd."))


@object_action(selectors.training_get)
def training_cancel(request, training):
    services.training_cancel(training=training, acting_user=request.user, now=timezone.now())
    messages.success(request, _("De aanvraag is geannuleerd."))


@object_action(selectors.training_get)
def training_progress(request, training):
    services.training_progress(
        training=training,
        acting_user=request.user,
        started=request.POST.get("started") == "1" or None,
        competences_updated_on=timezone.localdate()
        if request.POST.get("competences") == "1"
        else None,
    )
    messages.success(request, _("Bewaard."))


@service_action
def checklist(request, service):
    form = forms.ChecklistForm(request.POST)
    with submitted(form, "checklist_form"):
        services.checklist_update(
            service=service,
            ticked={k: v for k, v in form.cleaned_data.items() if k != "extra"},
            extra=form.extra_items(),
            acting_user=request.user,
        )
    messages.success(request, _("De checklist van het dossier is bewaard."))


@service_action
def ibo(request, service):
    form = forms.IboForm(request.POST)
    with submitted(form, "ibo_form"):
        services.ibo_note(
            service=service, employer=form.cleaned_data["employer"], acting_user=request.user
        )
    messages.success(request, _("De IBO staat als actie in het traject. (MED-10)"))


@service_action
def followup(request, service):
    form = forms.FollowUpForm(request.POST)
    with submitted(form, "followup_form"):
        services.followup_contact_record(
            service=service, acting_user=request.user, **form.cleaned_data
        )
    messages.success(request, _("Het contact met de projectopvolger is geregistreerd."))


@service_action
def advice(request, service):
    form = forms.AdviceForm(request.POST, options=service.advice_options)
    with submitted(form, "advice_form"):
        service = services.advice_give(
            service=service,
            option=form.cleaned_data["advice"],
            remark=form.cleaned_data["remark"],
            mail=form.cleaned_data["mail"],
            printed=form.cleaned_data["printed"],
            acting_user=request.user,
            now=timezone.now(),
        )
    document = pdfs.advice_pdf(service=service, acting_user=request.user)
    messages.success(
        request,
        _(
            "Het eindadvies is gegeven en de service is afgesloten. U hebt nog toegang tot het dossier "
            "tot morgen (MED-15)."
        ),
    )
    if form.cleaned_data["printed"]:
        return redirect("document_download", pk=document.pk)
    return None


def _vdab_closed(request, service):
    messages.success(
        request,
        _(
            "De service is afgesloten door VDAB: de bemiddeling gaat terug naar %(name)s. "
            "De partner heeft geen inzage meer in het dossier."
        )
        % {"name": service.vdab_mediator_name},
    )
    if not selectors.service_visible(request.user, service.pk):
        return redirect("mediation_dashboard")
    return redirect("mediation_detail", pk=service.pk)


@login_required
@require_http_methods(["GET", "POST"])
def vdab_close(request, pk: int):
    """MED-17 "Afgesloten door VDAB": after confirmation the service closes and mediation returns to
    the VDAB mediator; the partner loses access at once (see docs/decisions.md, MED-17)."""
    service = service_or_404(request, pk)
    if not selectors.can_close_by_vdab(request.user):
        raise Http404
    form = forms.VdabCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_by_vdab(service=service, acting_user=request.user, now=timezone.now())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return _vdab_closed(request, service)
    context = {"form": form, "service": service, "client": service.client}
    return render(request, "mediation/vdab_close.html", {**context, "section": SECTION})
