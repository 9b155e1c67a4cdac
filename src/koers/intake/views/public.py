"""The public registration form (INT-01): no login, Dutch, works on a phone.

Abuse protection without a third-party captcha: a honeypot field, a rate limit per address in
Django's cache, size limits (forms and service), and repeated submissions collapse into one lead
(service). The address is REMOTE_ADDR: behind a proxy, let the proxy set it (e.g. uWSGI/gunicorn
with forwarded-allow-ips), never trust X-Forwarded-For from the internet.
"""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.forms import apply_errors
from koers.core.models import Organisation, OrganisationKind
from koers.core.ratelimit import too_many
from koers.intake.forms import PublicLeadForm
from koers.intake.messages import branding_for, centre_name
from koers.intake.models import CentreBranding
from koers.intake.services import LeadData, lead_submit, lead_validate

RATE_LIMIT = 5  # submissions per address
RATE_WINDOW_SECONDS = 10 * 60


def _centres():
    return Organisation.objects.filter(
        is_active=True, kind=OrganisationKind.CAREER_CENTRE
    ).order_by("name")


def _too_many(request) -> bool:
    return too_many(request, scope="intake", limit=RATE_LIMIT, window_seconds=RATE_WINDOW_SECONDS)


@require_http_methods(["GET"])
def public_start(request):
    centres = list(_centres())
    if len(centres) == 1:
        return redirect("intake_public_form", pk=centres[0].pk)
    return render(request, "intake/public/choose.html", {"centres": centres})


def _lead_data(form, windows) -> LeadData:
    data = form.cleaned_data
    location = data.get("preferred_location") or ""
    return LeadData(
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"],
        phone=data["phone"],
        postal_code=data["postal_code"],
        preferred_location_id=int(location) if location.isdigit() else None,
        career_question=data["career_question"],
        channel=data["channel"],
        channel_other=data["channel_other"],
        consent=data["consent"],
        windows=windows,
    )


def _submit(centre: Organisation, form) -> bool:
    """Save the lead (True), or put every problem on the form at once (False)."""
    windows, problems = form.windows()
    form.window_errors = problems
    data = _lead_data(form, windows)
    try:
        if problems:  # nothing is saved; still show every other error at once
            lead_validate(data, organisation=centre, now=timezone.now())
            return False
        lead_submit(organisation=centre, data=data, now=timezone.now())
        return True
    except ValidationError as exc:
        _apply(form, exc)
        return False


@require_http_methods(["GET", "POST"])
def public_form(request, pk: int):
    centre = get_object_or_404(_centres(), pk=pk)
    form = PublicLeadForm(request.POST or None, locations=list(centre.locations.order_by("name")))
    status = 200
    if request.method == "POST":
        if _too_many(request):
            form.is_valid()
            form.add_error(
                None, _("Te veel aanvragen vanaf dit adres. Probeer het over tien minuten opnieuw.")
            )
            status = 429
        elif form.is_valid() and (form.cleaned_data["website"] or _submit(centre, form)):
            # A bot that filled the honeypot is answered as if all went well; nothing is kept.
            return redirect("intake_public_thanks", pk=centre.pk)
    context = {"form": form, "centre": centre, "name": centre_name(centre)}
    return render(
        request,
        "intake/public/form.html",
        {**context, "branding": branding_for(centre)},
        status=status,
    )


def _apply(form, exc: ValidationError) -> None:
    """The service's errors next to the fields; the windows' ones above the rows of moments."""
    errors = dict(exc.message_dict) if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    form.window_errors = [*getattr(form, "window_errors", []), *errors.pop("windows", [])]
    if errors:
        apply_errors(form, ValidationError(errors))


@require_http_methods(["GET"])
def public_thanks(request, pk: int):
    centre = get_object_or_404(_centres(), pk=pk)
    return render(
        request,
        "intake/public/thanks.html",
        {"centre": centre, "name": centre_name(centre), "branding": branding_for(centre)},
    )


@require_http_methods(["GET"])
def public_logo(request, pk: int):
    """The centre's logo for e-mails and the public form (not personal data)."""
    return _image(pk, "logo")


@require_http_methods(["GET"])
def public_voucher_logo(request, pk: int):
    """COM-01: the voucher logo the centre uploaded, for e-mails that mention vouchers."""
    return _image(pk, "voucher_logo")


def _image(organisation_id: int, field: str) -> FileResponse:
    """A logo of the centre's house style (`logo` or `voucher_logo`), 404 when it has none."""
    branding = CentreBranding.objects.filter(organisation_id=organisation_id).exclude(**{field: ""})
    branding = branding.first()
    if branding is None:
        raise Http404
    content_type = getattr(branding, f"{field}_content_type")
    response = FileResponse(getattr(branding, field).open("rb"), content_type=content_type)
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response["X-Content-Type-Options"] = "nosniff"
    return response
