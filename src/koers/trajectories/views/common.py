"""What the trajectory pages share: the visible object or a 404, and a form page's POST."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from koers.core.form_pages import FormRejected, submitted
from koers.trajectories import selectors
from koers.trajectories.models import Trajectory


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


def of_trajectory(trajectory: Trajectory, **context) -> dict:
    """The context every page of a trajectory's part has (the crumbs name the client)."""
    return {"trajectory": trajectory, "client": trajectory.client, **context}


def to_trajectory(trajectory_id: int) -> Callable[[object], HttpResponse]:
    return lambda saved: redirect("trajectory_detail", pk=trajectory_id)


def form_page(
    request,
    form,
    write: Callable[[], object],
    *,
    saved: str | Callable[[object], str],
    then: Callable[[object], HttpResponse],
    template: str,
    context: dict,
) -> HttpResponse:
    """A page with one form: on a valid POST that the service (`write()`) accepts, the message
    `saved` and the response `then(result)`; otherwise the page again, the form as typed with
    each refusal next to its field."""
    if request.method == "POST":
        try:
            with submitted(form, "form"):
                result = write()
        except FormRejected:
            pass
        else:
            messages.success(request, saved(result) if callable(saved) else saved)
            return then(result)
    return render(request, template, {"form": form, **context})


def flash_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)
