"""A trajectory: opening one for a client, its page, and its status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.core import permissions
from koers.core import selectors as core_selectors
from koers.core.models import Client, Role
from koers.trajectories import selectors
from koers.trajectories.forms import ContactEntryForm, TrajectoryForm
from koers.trajectories.models import DocumentStatus, Trajectory
from koers.trajectories.services import programme_open, trajectory_set_status
from koers.trajectories.views.common import flash_errors, form_page, visible_trajectory


def _client(request) -> Client:
    try:
        return core_selectors.client_get(user=request.user, pk=int(request.GET.get("client", 0)))
    except (Client.DoesNotExist, ValueError):
        raise Http404 from None


def _open_form(request, client: Client, programmes) -> TrajectoryForm:
    user = request.user
    chooses_responsible = user.is_administrator or Role.CENTRE_STAFF in user.roles
    responsibles = (
        list(core_selectors.guiding_staff(client=client)) if chooses_responsible else None
    )
    return TrajectoryForm(
        request.POST or None,
        initial={"start_date": timezone.localdate()},
        responsibles=responsibles,
        programmes=programmes,
    )


def _open(form: TrajectoryForm, client: Client, user) -> Trajectory:
    return programme_open(
        client=client,
        programme=form.cleaned_data["programme"],
        responsible=form.chosen_responsible(default=user),
        organisation=client.organisation,
        start_date=form.cleaned_data["start_date"],
        title=form.cleaned_data["title"],
        acting_user=user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def trajectory_create(request):
    client = _client(request)
    programmes = permissions.openable_programmes(request.user, client.organisation)
    form = _open_form(request, client, programmes)
    return form_page(
        request,
        form,
        lambda: _open(form, client, request.user),
        saved=_("Het traject is geopend."),
        then=lambda trajectory: redirect("trajectory_detail", pk=trajectory.pk),
        template="trajectories/trajectory_form.html",
        context={"client": client, "can_open": bool(programmes)},
    )


@login_required
def trajectory_detail(request, pk: int):
    try:
        page = selectors.trajectory_page(
            user=request.user,
            pk=pk,
            contacts_page=request.GET.get("contacts"),
            documents_page=request.GET.get("documents"),
        )
    except Trajectory.DoesNotExist:
        raise Http404 from None
    context = {
        "trajectory": page.trajectory,
        "client": page.trajectory.client,
        "moves": page.moves,
        "status_history": page.history,
        "contacts": page.contacts,
        "documents": page.documents,
        "contact_form": ContactEntryForm(initial=ContactEntryForm.initial_now()),
        "today": timezone.localdate(),
        "document_statuses": DocumentStatus.choices,
    }
    return render(request, "trajectories/trajectory_detail.html", context)


@login_required
@require_POST
def trajectory_status(request, pk: int):
    trajectory = visible_trajectory(request, pk)
    try:
        trajectory_set_status(
            trajectory=trajectory, status=request.POST.get("status", ""), acting_user=request.user
        )
    except ValidationError as exc:
        flash_errors(request, exc)
    else:
        messages.success(request, _("De status van het traject is gewijzigd."))
    return redirect("trajectory_detail", pk=trajectory.pk)
