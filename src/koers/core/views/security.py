"""Administrators: locked accounts (and lifting a lock), and the second factor per organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koers.core.lockouts import locked_accounts, lockout_release
from koers.core.models import Organisation
from koers.core.services import organisation_require_mfa


def _require_administrator(request: HttpRequest) -> None:
    if not request.user.is_administrator:
        raise PermissionDenied


@login_required
def lockout_list(request: HttpRequest) -> HttpResponse:
    _require_administrator(request)
    context = {"accounts": locked_accounts(request.user)}
    return render(request, "core/lockout_list.html", context)


@login_required
@require_POST
def lockout_release_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require_administrator(request)
    user = lockout_release(admin=request.user, user_id=pk)
    if user is None:
        raise Http404  # not an account of this administrator's organisations
    messages.success(request, _("Het account “%(name)s” is ontgrendeld.") % {"name": user})
    return redirect("lockout_list")


@login_required
@require_POST
def organisation_mfa(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask (or stop asking) a second factor of all staff of one organisation."""
    _require_administrator(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    required = request.POST.get("staff_mfa_required") == "on"
    organisation_require_mfa(organisation=organisation, required=required, acting_user=request.user)
    if required:
        text = _(
            "Alle medewerkers van deze organisatie moeten voortaan tweestapsverificatie gebruiken."
        )
    else:
        text = _("Tweestapsverificatie is niet langer verplicht voor alle medewerkers hier.")
    messages.success(request, text)
    return redirect("organisation_detail", pk=organisation.pk)
