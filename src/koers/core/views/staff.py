"""Staff accounts (Beheer): the list and a new colleague."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core import permissions, selectors
from koers.core.data import StaffData
from koers.core.forms import StaffForm, apply_errors
from koers.core.models import User
from koers.core.services import staff_create
from koers.core.views.organisations import require_manage


@login_required
def staff_list(request):
    require_manage(request)
    memberships = selectors.staff_memberships(user=request.user)
    page = Paginator(memberships, 50).get_page(request.GET.get("page"))
    return render(request, "core/staff_list.html", {"page": page})


def _staff_form(request) -> StaffForm:
    organisations = selectors.managed_organisations(request.user)
    grantable = {
        role
        for organisation in organisations
        for role in permissions.grantable_roles(request.user, organisation)
    }
    return StaffForm(
        request.POST or None,
        organisations=organisations,
        roles=grantable,
        companies=selectors.subcontractors(),
    )


def _staff_create(cleaned: dict, acting_user: User) -> User:
    if cleaned["password"]:
        try:
            validate_password(cleaned["password"])
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from exc
    data = StaffData(
        **{name: cleaned[name] for name in ("username", "first_name", "last_name", "email")},
        organisation=cleaned["organisation"],
        roles=cleaned["roles"],
        company=cleaned["company"],
        password=cleaned["password"] or None,
    )
    return staff_create(data=data, acting_user=acting_user)


@login_required
@require_http_methods(["GET", "POST"])
def staff_create_view(request):
    require_manage(request)
    form = _staff_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            user = _staff_create(form.cleaned_data, request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("De medewerker %(name)s is aangemaakt.") % {"name": str(user)}
            )
            return redirect("staff_list")
    return render(request, "core/staff_form.html", {"form": form})
