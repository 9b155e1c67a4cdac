"""What the trajectory pages share: the visible object or a 404, and a form's POST to a service."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404

from koers.core.forms import apply_errors
from koers.trajectories import selectors
from koers.trajectories.models import Trajectory

NOT_SAVED = object()


def visible(queryset, user, pk):
    try:
        return queryset.visible_to(user).get(pk=pk)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def visible_trajectory(request, pk: int) -> Trajectory:
    try:
        return selectors.trajectory_get(user=request.user, pk=pk)
    except Trajectory.DoesNotExist:
        raise Http404 from None


def submit(request, form, write: Callable[[], object]) -> object:
    """On a valid POST, what `write()` returned; else NOT_SAVED, with the service's refusals
    put next to the form's fields."""
    if request.method != "POST" or not form.is_valid():
        return NOT_SAVED
    try:
        return write()
    except ValidationError as exc:
        apply_errors(form, exc)
        return NOT_SAVED


def flash_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)
