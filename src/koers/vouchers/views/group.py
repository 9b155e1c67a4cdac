"""Group sessions (LBC-04, LBC-05): one session, a group contact on each participant's voucher."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.vouchers import selectors, services
from koers.vouchers.forms import GroupSessionForm
from koers.vouchers.views.common import posted


@login_required
def group_session_list(request):
    context = selectors.group_session_list(request.user)
    return render(request, "vouchers/group_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def group_session_new(request):
    vouchers = selectors.open_vouchers(request.user)
    now = timezone.localtime()
    form = GroupSessionForm(request.POST or None, vouchers=vouchers, initial={"date": now.date()})
    if posted(request, form, lambda data: _create(request, form, data)) is not None:
        messages.success(request, _("De groepssessie is geregistreerd bij elke deelnemer."))
        return redirect("group_session_list")
    context = {"form": form, "has_vouchers": bool(vouchers)}
    return render(request, "vouchers/group_form.html", context)


def _create(request, form: GroupSessionForm, data: dict):
    members = form.members()
    if not members:
        raise ValidationError({"members": [_("Kies minstens twee deelnemers.")]})
    return services.group_session_create(
        organisation=members[0].voucher.trajectory.organisation,
        coach=request.user,
        theme=data["theme"],
        method=data["method"],
        starts_at=form.starts_at(),
        duration_minutes=data["duration_minutes"],
        place=data["place"],
        outcome=data["outcome"],
        members=members,
        aims_at_reflection=data["aims_at_reflection"],
        part_of_other_service=data["part_of_other_service"],
        acting_user=request.user,
    )
