"""Logging a contact of a trajectory, and changing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.trajectories.forms import ContactEntryForm
from koers.trajectories.models import Contact
from koers.trajectories.services import contact_log, contact_update
from koers.trajectories.views.common import NOT_SAVED, submit, visible, visible_trajectory


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request, pk: int):
    trajectory = visible_trajectory(request, pk)
    now = timezone.localtime()
    form = ContactEntryForm(
        request.POST or None,
        initial={"date": now.date(), "start_time": now.time().replace(second=0, microsecond=0)},
    )
    saved = submit(
        request,
        form,
        lambda: contact_log(
            trajectory=trajectory, data=form.contact_data(), acting_user=request.user
        ),
    )
    if saved is not NOT_SAVED:
        messages.success(request, _("Het contact is geregistreerd."))
        return redirect("trajectory_detail", pk=trajectory.pk)
    context = {"form": form, "trajectory": trajectory, "client": trajectory.client}
    return render(request, "trajectories/contact_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_update_view(request, pk: int):
    contact = visible(
        Contact.objects.select_related("trajectory__client", "staff"), request.user, pk
    )
    form = ContactEntryForm(request.POST or None, initial=ContactEntryForm.initial_for(contact))
    saved = submit(
        request,
        form,
        lambda: contact_update(contact=contact, data=form.contact_data(), acting_user=request.user),
    )
    if saved is not NOT_SAVED:
        messages.success(request, _("Het contact is bijgewerkt."))
        return redirect("trajectory_detail", pk=contact.trajectory_id)
    trajectory = contact.trajectory
    context = {"form": form, "contact": contact, "trajectory": trajectory}
    return render(
        request, "trajectories/contact_form.html", {**context, "client": trajectory.client}
    )
