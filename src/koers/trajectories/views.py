"""Trajectory pages: the header with its status, contacts, assignments, plans and documents.

Every object is looked up through `visible_to(request.user)`: what the user may not see is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.core import permissions
from koers.core import selectors as core_selectors
from koers.core.forms import TrajectoryForm, apply_errors
from koers.core.models import Client, Role
from koers.trajectories import selectors
from koers.trajectories.forms import (
    AssignmentForm,
    ContactEntryForm,
    DocumentForm,
    DocumentStatusForm,
    PlanEditForm,
    PlanForm,
)
from koers.trajectories.models import (
    Assignment,
    Contact,
    Document,
    DocumentStatus,
    Plan,
    PlanVersion,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.rules import OPEN_STATUSES, TRAJECTORY_TRANSITIONS
from koers.trajectories.services import (
    AssignmentData,
    assignment_create,
    assignment_update,
    contact_log,
    contact_update,
    document_add,
    document_set_status,
    plan_create,
    plan_save_version,
    programme_open,
    trajectory_set_status,
)


def _visible(queryset, user, pk):
    try:
        return queryset.visible_to(user).get(pk=pk)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def _trajectory(request, pk: int) -> Trajectory:
    try:
        return selectors.trajectory_get(user=request.user, pk=pk)
    except Trajectory.DoesNotExist:
        raise Http404 from None


@login_required
@require_http_methods(["GET", "POST"])
def trajectory_create(request):
    try:
        client = core_selectors.client_get(user=request.user, pk=int(request.GET.get("client", 0)))
    except (Client.DoesNotExist, ValueError):
        raise Http404 from None
    user = request.user
    chooses_responsible = user.is_administrator or Role.CENTRE_STAFF in user.roles
    responsibles = (
        list(core_selectors.guiding_staff(client=client)) if chooses_responsible else None
    )
    form = TrajectoryForm(
        request.POST or None,
        initial={"start_date": timezone.localdate()},
        responsibles=responsibles,
        programmes=(programmes := permissions.openable_programmes(user, client.organisation)),
    )
    if request.method == "POST" and form.is_valid():
        responsible = form.chosen_responsible(default=user)
        try:
            trajectory = programme_open(
                client=client,
                programme=form.cleaned_data["programme"],
                responsible=responsible,
                organisation=client.organisation,
                start_date=form.cleaned_data["start_date"],
                title=form.cleaned_data["title"],
                acting_user=user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Het traject is geopend."))
            return redirect("trajectory_detail", pk=trajectory.pk)
    return render(
        request,
        "trajectories/trajectory_form.html",
        {"form": form, "client": client, "can_open": bool(programmes)},
    )


@login_required
def trajectory_detail(request, pk: int):
    try:
        trajectory = selectors.trajectory_detail(user=request.user, pk=pk)
    except Trajectory.DoesNotExist:
        raise Http404 from None
    transitions = [
        (status, TrajectoryStatus(status).label)
        for status in sorted(TRAJECTORY_TRANSITIONS.get(trajectory.status, ()))
    ]
    now = timezone.localtime()
    contact_form = ContactEntryForm(
        initial={"date": now.date(), "start_time": now.time().replace(second=0, microsecond=0)}
    )
    context = {
        "trajectory": trajectory,
        "client": trajectory.client,
        "transitions": transitions,
        "is_open": trajectory.status in OPEN_STATUSES,
        "contact_form": contact_form,
        "today": timezone.localdate(),
        "document_statuses": DocumentStatus.choices,
    }
    return render(request, "trajectories/trajectory_detail.html", context)


@login_required
@require_POST
def trajectory_status(request, pk: int):
    trajectory = _trajectory(request, pk)
    try:
        trajectory_set_status(
            trajectory=trajectory, status=request.POST.get("status", ""), acting_user=request.user
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("De status van het traject is gewijzigd."))
    return redirect("trajectory_detail", pk=trajectory.pk)


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request, pk: int):
    trajectory = _trajectory(request, pk)
    now = timezone.localtime()
    form = ContactEntryForm(
        request.POST or None,
        initial={"date": now.date(), "start_time": now.time().replace(second=0, microsecond=0)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            contact_log(trajectory=trajectory, data=form.contact_data(), acting_user=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Het contact is geregistreerd."))
            return redirect("trajectory_detail", pk=trajectory.pk)
    return render(
        request,
        "trajectories/contact_form.html",
        {"form": form, "trajectory": trajectory, "client": trajectory.client},
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_update_view(request, pk: int):
    contact = _visible(
        Contact.objects.select_related("trajectory__client", "staff"), request.user, pk
    )
    form = ContactEntryForm(request.POST or None, initial=ContactEntryForm.initial_for(contact))
    if request.method == "POST" and form.is_valid():
        try:
            contact_update(contact=contact, data=form.contact_data(), acting_user=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Het contact is bijgewerkt."))
            return redirect("trajectory_detail", pk=contact.trajectory_id)
    return render(
        request,
        "trajectories/contact_form.html",
        {
            "form": form,
            "contact": contact,
            "trajectory": contact.trajectory,
            "client": contact.trajectory.client,
        },
    )


def _assignment_data(form: AssignmentForm) -> AssignmentData:
    return AssignmentData(**form.cleaned_data)


@login_required
@require_http_methods(["GET", "POST"])
def assignment_create_view(request, pk: int):
    trajectory = _trajectory(request, pk)
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assignment_create(
                trajectory=trajectory, data=_assignment_data(form), acting_user=request.user
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De opdracht is toegevoegd."))
            return redirect("trajectory_detail", pk=trajectory.pk)
    return render(
        request,
        "trajectories/assignment_form.html",
        {"form": form, "trajectory": trajectory, "client": trajectory.client},
    )


@login_required
@require_http_methods(["GET", "POST"])
def assignment_update_view(request, pk: int):
    assignment = _visible(Assignment.objects.select_related("trajectory__client"), request.user, pk)
    initial = {
        "title": assignment.title,
        "description": assignment.description,
        "deadline": assignment.deadline,
        "status": assignment.status,
        "evaluation": assignment.evaluation,
    }
    form = AssignmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            assignment_update(
                assignment=assignment, data=_assignment_data(form), acting_user=request.user
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De opdracht is bijgewerkt."))
            return redirect("trajectory_detail", pk=assignment.trajectory_id)
    return render(
        request,
        "trajectories/assignment_form.html",
        {
            "form": form,
            "assignment": assignment,
            "trajectory": assignment.trajectory,
            "client": assignment.trajectory.client,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create_view(request, pk: int):
    trajectory = _trajectory(request, pk)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_create(
                trajectory=trajectory,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                content={"text": form.cleaned_data["content"]},
                acting_user=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Het plan is aangemaakt."))
            return redirect("plan_detail", pk=plan.pk)
    return render(
        request,
        "trajectories/plan_form.html",
        {"form": form, "trajectory": trajectory, "client": trajectory.client},
    )


def _plan(request, pk: int) -> Plan:
    return _visible(Plan.objects.select_related("trajectory__client"), request.user, pk)


@login_required
def plan_detail(request, pk: int):
    plan = _plan(request, pk)
    versions = list(
        PlanVersion.objects.filter(plan=plan).select_related("author").order_by("-number")
    )
    context = {
        "plan": plan,
        "trajectory": plan.trajectory,
        "client": plan.trajectory.client,
        "versions": versions,
    }
    return render(request, "trajectories/plan_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk: int):
    plan = _plan(request, pk)
    latest = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
    text = ""
    if latest is not None:
        text = latest.content.get("text", "") if isinstance(latest.content, dict) else ""
    form = PlanEditForm(request.POST or None, initial={"content": text})
    if request.method == "POST" and form.is_valid():
        try:
            version = plan_save_version(
                plan=plan, content={"text": form.cleaned_data["content"]}, acting_user=request.user
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("Versie %(number)d is bewaard.") % {"number": version.number}
            )
            return redirect("plan_detail", pk=plan.pk)
    return render(
        request,
        "trajectories/plan_edit.html",
        {
            "form": form,
            "plan": plan,
            "latest": latest,
            "trajectory": plan.trajectory,
            "client": plan.trajectory.client,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def document_create(request, pk: int):
    trajectory = _trajectory(request, pk)
    contacts = {c.pk: c for c in trajectory.contacts.order_by("-starts_at")[:100]}
    form = DocumentForm(
        request.POST or None,
        request.FILES or None,
        contacts=contacts.values(),
        initial={"kind": request.GET.get("kind"), "contact": request.GET.get("contact")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            document_add(
                trajectory=trajectory,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"] or None,
                contact=contacts.get(form.cleaned_data["contact"]),
                acting_user=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Het document is toegevoegd."))
            back = request.GET.get("next", "")
            if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                return redirect(back)
            return redirect("trajectory_detail", pk=trajectory.pk)
    return render(
        request,
        "trajectories/document_form.html",
        {"form": form, "trajectory": trajectory, "client": trajectory.client},
    )


@login_required
def document_download(request, pk: int):
    document = _visible(Document.objects.all(), request.user, pk)
    if not document.file:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    filename = document.original_filename or document.file.name.rsplit("/", 1)[-1]
    return FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=document.content_type or "application/octet-stream",
    )


@login_required
@require_POST
def document_status(request, pk: int):
    document = _visible(Document.objects.all(), request.user, pk)
    form = DocumentStatusForm(request.POST)
    if form.is_valid():
        try:
            document_set_status(
                document=document, status=form.cleaned_data["status"], acting_user=request.user
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("De status van “%(title)s” is nu “%(status)s”.")
                % {
                    "title": document.title,
                    "status": DocumentStatus(form.cleaned_data["status"]).label,
                },
            )
    else:
        messages.error(request, _("Kies een status uit de lijst."))
    return redirect("trajectory_detail", pk=document.trajectory_id)
