"""Centre pages around intake: marketing figures (INT-07) and coach unavailability (INT-05)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.intake import forms, selectors, services
from koers.intake.models import CoachUnavailability
from koers.intake.views.common import accepted


@login_required
@require_GET
def marketing(request):
    """INT-07: what centre staff need to steer marketing."""
    orgs = selectors.staff_organisations(request.user)
    if not orgs:
        raise Http404
    asked = request.GET.get("maanden", "")
    months = int(asked) if asked.isdigit() else selectors.DEFAULT_MONTHS
    since = selectors.months_back(months, timezone.now())
    figures = selectors.marketing_figures(organisations=orgs, since=since)
    channels = [(label, n) for _k, label, n in figures.per_channel]
    per_month = [(f"{m[5:]}/{m[:4]}", n) for m, n in figures.per_month]
    return render(
        request,
        "intake/marketing.html",
        {
            "figures": figures,
            "months": months,
            "channel_chart": selectors.bar_chart(channels),
            "month_chart": selectors.bar_chart(per_month),
        },
    )


def _add_unavailability(request, scope: selectors.UnavailabilityScope, form) -> bool:
    """Record the absence the form gives; False (with the errors on the form) when refused."""
    coach = request.user
    if scope.coaches is not None:
        coach = next((c for c in scope.coaches if str(c.pk) == form.cleaned_data["coach"]), coach)
    org = selectors.coach_centre(coach, scope.organisations)

    def add() -> None:
        if org is None:
            raise ValidationError({"coach": [_("Deze persoon is geen coach van het centrum.")]})
        data = form.cleaned_data
        services.unavailability_add(
            coach=coach,
            organisation=org,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            reason=data["reason"],
            acting_user=request.user,
        )

    return accepted(form, add)


@login_required
@require_http_methods(["GET", "POST"])
def unavailability(request):
    """INT-05: a coach records their own absence; centre staff for any coach of the centre."""
    user = request.user
    scope = selectors.unavailability_scope(user)
    if not scope.organisations and not user.is_administrator:
        raise Http404
    form = forms.UnavailabilityForm(request.POST or None, coaches=scope.coaches)
    if request.method == "POST" and form.is_valid() and _add_unavailability(request, scope, form):
        messages.success(request, _("De afwezigheid staat in de centrumagenda (INT-05)."))
        return redirect("intake_unavailability")
    items = selectors.upcoming_unavailability(user, timezone.now())
    return render(request, "intake/unavailability.html", {"form": form, "items": items})


@login_required
@require_POST
def unavailability_delete(request, pk: int):
    try:
        item = selectors.unavailability_for(user=request.user).get(pk=pk)
    except CoachUnavailability.DoesNotExist:
        raise Http404 from None
    try:
        services.unavailability_delete(item=item, acting_user=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("intake_unavailability")
