"""The organisation register (Beheer): list, create, and an organisation with its locations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.core import selectors
from koers.core.data import OrganisationData
from koers.core.forms import LocationForm, OrganisationForm, apply_errors
from koers.core.models import Organisation
from koers.core.services import location_add, organisation_create, organisation_set_stalled_days

PAGE_SIZE = 25


def require_manage(request) -> None:
    if not request.user.has_perm("core.manage_organisations"):
        raise PermissionDenied


@login_required
def organisation_list(request):
    require_manage(request)
    page = Paginator(selectors.organisation_rows(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/organisation_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create_view(request):
    require_manage(request)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = organisation_create(
                data=OrganisationData(**form.cleaned_data), acting_user=request.user
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De organisatie is aangemaakt."))
            return redirect("organisation_detail", pk=organisation.pk)
    return render(request, "core/organisation_form.html", {"form": form})


def _location_added(request, organisation: Organisation, form: LocationForm) -> bool:
    try:
        location_add(organisation=organisation, acting_user=request.user, **form.cleaned_data)
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    messages.success(request, _("De locatie is toegevoegd."))
    return True


@login_required
@require_http_methods(["GET", "POST"])
def organisation_detail(request, pk: int):
    require_manage(request)
    page = selectors.organisation_page(
        user=request.user, organisation=get_object_or_404(Organisation, pk=pk)
    )
    form = LocationForm(request.POST or None)
    if request.method == "POST":
        if not page.manages:
            raise PermissionDenied
        if form.is_valid() and _location_added(request, page.organisation, form):
            return redirect("organisation_detail", pk=page.organisation.pk)
    context = {
        "organisation": page.organisation,
        "locations": page.locations,
        "memberships": page.memberships,
        "manages": page.manages,
        "location_form": form,
    }
    return render(request, "core/organisation_detail.html", context)


@login_required
@require_POST
def organisation_worklist(request, pk: int):
    """The centre's own number of days after which an open trajectory is "stilgevallen"."""
    require_manage(request)
    page = selectors.organisation_page(
        user=request.user, organisation=get_object_or_404(Organisation, pk=pk)
    )
    if not page.manages:
        raise PermissionDenied
    try:
        days = int(request.POST.get("stalled_after_days", ""))
        organisation_set_stalled_days(
            organisation=page.organisation, days=days, acting_user=request.user
        )
    except (ValueError, ValidationError):
        messages.error(request, _("Geef een aantal dagen tussen 7 en 365."))
    else:
        messages.success(
            request, _("Bewaard: stilgevallen na %(days)s dagen zonder contact.") % {"days": days}
        )
    return redirect("organisation_detail", pk=page.organisation.pk)
