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
from koers.mediation import forms, selectors, services
from koers.mediation.views.common import SECTION


@login_required
def settings_index(request):
    """The partner organisations whose settings this user confirms (their administrator)."""
    organisations = list(selectors.settings_organisations(request.user))
    if len(organisations) == 1:
        return redirect("mediation_settings", pk=organisations[0].pk)
    if not organisations:
        raise Http404
    return render(
        request,
        "mediation/settings_index.html",
        {"organisations": organisations, "section": SECTION},
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


def _confirm(request, organisation, setting, form):
    """The posted tender's values confirmed; None when refused (the errors are on the form)."""
    try:
        services.tender_setting_confirm(
            organisation=organisation,
            tender=setting.tender,
            maximum_months=form.cleaned_data["maximum_months"],
            passive_codes=selectors.parse_codes(form.cleaned_data["passive_codes"]),
            acting_user=request.user,
            now=timezone.now(),
        )
    except ValidationError as exc:
        apply_errors(form, exc)
        return None
    messages.success(
        request,
        _("De instellingen voor %(tender)s zijn bevestigd.") % {"tender": setting.tender_label},
    )
    return redirect("mediation_settings", pk=organisation.pk)


def _posted_row(request, rows) -> int:
    tender = request.POST.get("tender", "")
    index = next(
        (i for i, (s, _f) in enumerate(rows) if s.tender == tender and s.configurable), None
    )
    if index is None:
        raise Http404
    return index


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request, pk: int):
    organisation = selectors.settings_organisations(request.user).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    settings = selectors.tender_settings(organisation=organisation, today=timezone.localdate())
    rows = [(s, _form_for(s) if s.configurable else None) for s in settings]
    if request.method == "POST":
        index = _posted_row(request, rows)
        setting = rows[index][0]
        form = _form_for(setting, request.POST)
        rows[index] = (setting, form)
        if form.is_valid() and (done := _confirm(request, organisation, setting, form)):
            return done
    context = {"organisation": organisation, "rows": rows, "section": SECTION}
    return render(request, "mediation/settings.html", context)
