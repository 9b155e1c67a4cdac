"""Documents of a trajectory: adding one (with or without a file), downloading, its status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.trajectories.forms import DocumentForm, DocumentStatusForm
from koers.trajectories.models import Document, DocumentStatus
from koers.trajectories.services import document_add, document_set_status
from koers.trajectories.views.common import (
    flash_errors,
    form_page,
    of_trajectory,
    visible,
    visible_trajectory,
)


def _add(form: DocumentForm, trajectory, contacts: dict, user) -> Document:
    return document_add(
        trajectory=trajectory,
        kind=form.cleaned_data["kind"],
        title=form.cleaned_data["title"],
        upload=form.cleaned_data["file"] or None,
        contact=contacts.get(form.cleaned_data["contact"]),
        acting_user=user,
    )


def _back(request, trajectory):
    back = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("trajectory_detail", pk=trajectory.pk)


@login_required
@require_http_methods(["GET", "POST"])
def document_create(request, pk: int):
    trajectory = visible_trajectory(request, pk)
    contacts = {c.pk: c for c in trajectory.contacts.order_by("-starts_at")[:100]}
    form = DocumentForm(
        request.POST or None,
        request.FILES or None,
        contacts=contacts.values(),
        initial={"kind": request.GET.get("kind"), "contact": request.GET.get("contact")},
    )
    return form_page(
        request,
        form,
        lambda: _add(form, trajectory, contacts, request.user),
        saved=_("Het document is toegevoegd."),
        then=lambda document: _back(request, trajectory),
        template="trajectories/document_form.html",
        context=of_trajectory(trajectory),
    )


@login_required
def document_download(request, pk: int):
    document = visible(Document.objects.all(), request.user, pk)
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.download_name(),
        content_type=document.content_type or "application/octet-stream",
    )


def _set_status(request, document: Document, status: str) -> None:
    try:
        document_set_status(document=document, status=status, acting_user=request.user)
    except ValidationError as exc:
        flash_errors(request, exc)
        return
    messages.success(
        request,
        _("De status van “%(title)s” is nu “%(status)s”.")
        % {"title": document.title, "status": DocumentStatus(status).label},
    )


@login_required
@require_POST
def document_status(request, pk: int):
    document = visible(Document.objects.all(), request.user, pk)
    form = DocumentStatusForm(request.POST)
    if form.is_valid():
        _set_status(request, document, form.cleaned_data["status"])
    else:
        messages.error(request, _("Kies een status uit de lijst."))
    return redirect("trajectory_detail", pk=document.trajectory_id)
