"""The partner's dashboard "klanten opvolgen" and receiving referrals (form, CSV import) — MED-01."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.forms import apply_errors
from koers.core.models import Organisation, Role
from koers.mediation import forms, selectors, services
from koers.mediation.services.referral_import import IMPORT_COLUMNS
from koers.mediation.views.common import SECTION, service_or_404


@login_required
def dashboard(request):
    board = selectors.dashboard(user=request.user, pages=request.GET)
    return render(
        request,
        "mediation/dashboard.html",
        {
            "board": board,
            "today": timezone.localdate(),
            "section": SECTION,
            "confirms_settings": selectors.settings_organisations(request.user).exists(),
        },
    )


def _acting_organisation(user) -> Organisation:
    orgs = user.organisation_ids(Role.MEDIATOR, Role.CENTRE_STAFF)
    if not orgs and user.is_administrator:
        orgs = user.organisation_ids()
    organisation = Organisation.objects.filter(pk__in=orgs).order_by("pk").first()
    if organisation is None:
        raise Http404
    return organisation


def _refer_posted(request, form, organisation):
    data = {
        **form.cleaned_data,
        "work_points": form.lines("work_points"),
        "thresholds": form.lines("thresholds"),
    }
    try:
        service = services.referral_with_client(
            user=request.user,
            organisation=organisation,
            form_data=data,
            starts_at=form.starts_at(),
            duration=form.cleaned_data["duration_minutes"],
            place=form.cleaned_data["place"],
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return None
    messages.success(request, _("De toeleiding is geregistreerd."))
    return redirect("mediation_detail", pk=service.pk)


@login_required
@require_http_methods(["GET", "POST"])
def refer(request):
    organisation = _acting_organisation(request.user)
    form = forms.ReferralForm(
        request.POST or None, initial={"referral_date": timezone.localdate(), "tender": "TIBB4"}
    )
    if request.method == "POST" and form.is_valid():
        response = _refer_posted(request, form, organisation)
        if response is not None:
            return response
    context = {"form": form, "organisation": organisation, "section": SECTION}
    return render(request, "mediation/referral_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def referral_import(request):
    """A CSV of referrals (all rows or none), e.g. exported from VDAB's partner dashboard."""
    organisation = _acting_organisation(request.user)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["file"].read().decode("utf-8-sig", errors="replace")
        try:
            created = services.referrals_import(
                text=text, organisation=organisation, acting_user=request.user
            )
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("%(n)d toeleidingen geïmporteerd.") % {"n": created})
            return redirect("mediation_dashboard")
    context = {"form": form, "errors": errors, "columns": list(IMPORT_COLUMNS)}
    return render(request, "mediation/import.html", {**context, "section": SECTION})


def _referral_data(form, service) -> services.ReferralData:
    return services.ReferralData(
        tender=form.cleaned_data["tender"],
        lot=form.cleaned_data["lot"],
        vdab_mediator_name=form.cleaned_data["vdab_mediator_name"],
        vdab_mediator_email=form.cleaned_data["vdab_mediator_email"],
        vdab_client_number=form.cleaned_data["vdab_client_number"],
        referral_date=service.referral_date,
        work_points=form.lines("work_points"),
        thresholds=form.lines("thresholds"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def referral_edit(request, pk: int):
    """MED-01: complete or correct the referral (e.g. one opened from the client page)."""
    service = service_or_404(request, pk)
    initial = forms.ReferralEditForm.initial_for(service)
    form = forms.ReferralEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = _referral_data(form, service)
        try:
            services.referral_update(service=service, data=data, acting_user=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De toeleiding is bijgewerkt."))
            return redirect("mediation_detail", pk=service.pk)
    context = {"form": form, "service": service, "client": service.client}
    return render(request, "mediation/referral_edit.html", {**context, "section": SECTION})
