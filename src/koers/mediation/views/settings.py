"""MED-12: the partner's administrator confirms, per tender, the values the seed does not give."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.forms import apply_errors
from koers.mediation import forms, services


@login_required
def settings_index(request):
    """The partner organisations whose settings this user confirms (their administrator)."""
    organisations = list(services.settings_organisations(request.user))
    if len(organisations) == 1:
        return redirect("mediation_settings", pk=organisations[0].pk)
    if not organisations:
        raise Http404
    return render(
        request,
        "mediation/settings_index.html",
        {"organisations": organisations, "section": "mediation_dashboard"},
    )


def _form_for(setting, data=None):
    return forms.TenderSettingForm(
        data,
        prefix=setting.tender,
        initial={
            "maximum_months": setting.maximum_months,
            "passive_codes": ", ".join(setting.passive_codes),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request, pk: int):
    organisation = services.settings_organisations(request.user).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    today = timezone.localdate()
    settings = services.tender_settings(organisation=organisation, today=today)
    rows = [(s, _form_for(s) if s.configurable else None) for s in settings]
    if request.method == "POST":
        tender = request.POST.get("tender", "")
        index = next(
            (i for i, (s, _f) in enumerate(rows) if s.tender == tender and s.configurable), None
        )
        if index is None:
            raise Http404
        setting = rows[index][0]
        form = _form_for(setting, request.POST)
        rows[index] = (setting, form)
        if form.is_valid():
            try:
                services.tender_setting_confirm(
                    organisation=organisation,
                    tender=tender,
                    maximum_months=form.cleaned_data["maximum_months"],
                    passive_codes=services.parse_codes(form.cleaned_data["passive_codes"]),
                    acting_user=request.user,
                    now=timezone.now(),
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("De instellingen voor %(tender)s zijn bevestigd.")
                    % {"tender": setting.tender_label},
                )
                return redirect("mediation_settings", pk=organisation.pk)
    return render(
        request,
        "mediation/settings.html",
        {"organisation": organisation, "rows": rows, "section": "mediation_dashboard"},
    )
