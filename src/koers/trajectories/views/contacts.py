"""Logging a contact of a trajectory, and changing one."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.trajectories.forms import ContactEntryForm
from koers.trajectories.models import Contact
from koers.trajectories.services import contact_log, contact_update
from koers.trajectories.views.common import (
    form_page,
    of_trajectory,
    to_trajectory,
    visible,
    visible_trajectory,
)

TEMPLATE = "trajectories/contact_form.html"


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request, pk: int):
    trajectory = visible_trajectory(request, pk)
    form = ContactEntryForm(request.POST or None, initial=ContactEntryForm.initial_now())
    return form_page(
        request,
        form,
        lambda: contact_log(
            trajectory=trajectory, data=form.contact_data(), acting_user=request.user
        ),
        saved=_("Het contact is geregistreerd."),
        then=to_trajectory(trajectory.pk),
        template=TEMPLATE,
        context=of_trajectory(trajectory),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_update_view(request, pk: int):
    related = Contact.objects.select_related("trajectory__client", "staff")
    contact = visible(related, request.user, pk)
    form = ContactEntryForm(request.POST or None, initial=ContactEntryForm.initial_for(contact))
    return form_page(
        request,
        form,
        lambda: contact_update(contact=contact, data=form.contact_data(), acting_user=request.user),
        saved=_("Het contact is bijgewerkt."),
        then=to_trajectory(contact.trajectory_id),
        template=TEMPLATE,
        context=of_trajectory(contact.trajectory, contact=contact),
    )
