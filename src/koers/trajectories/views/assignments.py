"""Giving an assignment within a trajectory, and changing one."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.trajectories.forms import AssignmentForm
from koers.trajectories.models import Assignment
from koers.trajectories.services import assignment_create, assignment_update
from koers.trajectories.views.common import (
    form_page,
    of_trajectory,
    to_trajectory,
    visible,
    visible_trajectory,
)

TEMPLATE = "trajectories/assignment_form.html"


@login_required
@require_http_methods(["GET", "POST"])
def assignment_create_view(request, pk: int):
    trajectory = visible_trajectory(request, pk)
    form = AssignmentForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: assignment_create(
            trajectory=trajectory, data=form.assignment_data(), acting_user=request.user
        ),
        saved=_("De opdracht is toegevoegd."),
        then=to_trajectory(trajectory.pk),
        template=TEMPLATE,
        context=of_trajectory(trajectory),
    )


@login_required
@require_http_methods(["GET", "POST"])
def assignment_update_view(request, pk: int):
    assignment = visible(Assignment.objects.select_related("trajectory__client"), request.user, pk)
    form = AssignmentForm(request.POST or None, initial=AssignmentForm.initial_for(assignment))
    return form_page(
        request,
        form,
        lambda: assignment_update(
            assignment=assignment, data=form.assignment_data(), acting_user=request.user
        ),
        saved=_("De opdracht is bijgewerkt."),
        then=to_trajectory(assignment.trajectory_id),
        template=TEMPLATE,
        context=of_trajectory(assignment.trajectory, assignment=assignment),
    )
