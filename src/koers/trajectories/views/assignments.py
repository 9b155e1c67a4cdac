"""Giving an assignment within a trajectory, and changing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.trajectories.forms import AssignmentForm
from koers.trajectories.models import Assignment
from koers.trajectories.services import AssignmentData, assignment_create, assignment_update
from koers.trajectories.views.common import NOT_SAVED, submit, visible, visible_trajectory


@login_required
@require_http_methods(["GET", "POST"])
def assignment_create_view(request, pk: int):
    trajectory = visible_trajectory(request, pk)
    form = AssignmentForm(request.POST or None)
    saved = submit(
        request,
        form,
        lambda: assignment_create(
            trajectory=trajectory,
            data=AssignmentData(**form.cleaned_data),
            acting_user=request.user,
        ),
    )
    if saved is not NOT_SAVED:
        messages.success(request, _("De opdracht is toegevoegd."))
        return redirect("trajectory_detail", pk=trajectory.pk)
    context = {"form": form, "trajectory": trajectory, "client": trajectory.client}
    return render(request, "trajectories/assignment_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assignment_update_view(request, pk: int):
    assignment = visible(Assignment.objects.select_related("trajectory__client"), request.user, pk)
    initial = AssignmentData.of(assignment).__dict__
    form = AssignmentForm(request.POST or None, initial=initial)
    saved = submit(
        request,
        form,
        lambda: assignment_update(
            assignment=assignment,
            data=AssignmentData(**form.cleaned_data),
            acting_user=request.user,
        ),
    )
    if saved is not NOT_SAVED:
        messages.success(request, _("De opdracht is bijgewerkt."))
        return redirect("trajectory_detail", pk=assignment.trajectory_id)
    trajectory = assignment.trajectory
    context = {"form": form, "assignment": assignment, "trajectory": trajectory}
    return render(
        request, "trajectories/assignment_form.html", {**context, "client": trajectory.client}
    )
