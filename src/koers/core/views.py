"""Staff pages for people and organisations. Thin glue: selectors read, services write."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core import audit, permissions, selectors
from koers.core.access import trajectory_condition
from koers.core.forms import ClientForm, LocationForm, OrganisationForm, StaffForm, apply_errors
from koers.core.models import (
    GUIDING_ROLES,
    Client,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from koers.core.services import (
    ClientData,
    OrganisationData,
    StaffData,
    client_create,
    client_data_from,
    client_update,
    file_access_log,
    location_add,
    organisation_create,
    staff_create,
)
from koers.trajectories.models import (
    Assignment,
    AssignmentStatus,
    Contact,
    Programme,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.rules import OPEN_STATUSES
from koers.trajectories.rulesets import rulesets_ending
from koers.trajectories.selectors import client_timeline, trajectories_for_client
from koers.trajectories.services import client_register_with_trajectory

PAGE_SIZE = 25


def _page_number(request) -> int:
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        return 1


def _staff_organisation_ids(user: User) -> list[int] | None:
    """Organisations whose overview the user sees; None means all (administrator)."""
    if user.is_administrator:
        return None
    return user.organisation_ids(Role.CENTRE_STAFF)


def _user_organisations(user: User) -> list[Organisation]:
    """Where a new client of this user belongs: the user's centres (career centres first)."""
    organisations = list(
        Organisation.objects.filter(
            memberships__user=user, memberships__is_active=True, is_active=True
        )
        .distinct()
        .order_by("name")
    )
    if not organisations and user.is_administrator:
        organisations = list(
            Organisation.objects.filter(kind=OrganisationKind.CAREER_CENTRE, is_active=True)
        )
    organisations.sort(key=lambda o: o.kind != OrganisationKind.CAREER_CENTRE)
    return organisations


DASHBOARD_LEADS = 10


def _coach_leads(user: User) -> dict:
    """INT-02: the coach's open leads with their 24-hour clock, the oldest clock first. A fixed
    number of queries, whatever the number of leads (the count, the page, the windows)."""
    from koers.intake import selectors as intake

    now = timezone.now()
    leads = intake.leads_for_user(user=user, state="open").filter(coach=user)
    page = list(leads.order_by("clock_started_at", "pk")[:DASHBOARD_LEADS])
    return {
        "open_leads": [(lead, intake.lead_clock(lead, now)) for lead in page],
        "open_leads_count": leads.count(),
        "show_leads": True,
    }


@login_required
def dashboard(request):
    user = request.user
    today = timezone.localdate()
    context = {"today": today}
    if user.roles & GUIDING_ROLES:
        # Every list and count starts from what the user may see: a mediation service whose
        # access ended (`access_until`) is gone from the dashboard too.
        mine = Trajectory.objects.visible_to(user).filter(
            responsible=user, status__in=OPEN_STATUSES
        )
        context["active_count"] = mine.count()
        context["active_trajectories"] = mine.select_related("client").order_by("-start_date")[:15]
        start = timezone.make_aware(datetime.combine(today, time.min))
        contacts = list(
            Contact.objects.visible_to(user)
            .filter(staff=user, starts_at__gte=start, starts_at__lt=start + timedelta(days=8))
            .select_related("trajectory__client")
            .order_by("starts_at")[:60]
        )
        context["contacts_today"] = [
            c for c in contacts if timezone.localtime(c.starts_at).date() == today
        ]
        context["contacts_week"] = [
            c for c in contacts if timezone.localtime(c.starts_at).date() != today
        ]
        overdue = Assignment.objects.visible_to(user).filter(
            trajectory__responsible=user,
            status=AssignmentStatus.OPEN,
            deadline__lt=today,
        )
        context["overdue_count"] = overdue.count()
        context["overdue"] = overdue.select_related("trajectory__client").order_by("deadline")[:15]
        context["show_coach"] = True
    if Role.COACH in user.roles:
        context.update(_coach_leads(user))
    if user.is_administrator or user.is_centre_staff:
        rows = (
            Trajectory.objects.visible_to(user)
            .values("programme", "status")
            .annotate(n=Count("id"))
            .order_by()
        )
        counts = {(r["programme"], r["status"]): r["n"] for r in rows}
        context["statuses"] = TrajectoryStatus.choices
        context["programme_rows"] = [
            {
                "label": label,
                "cells": [counts.get((value, s), 0) for s, _label in TrajectoryStatus.choices],
                "total": sum(counts.get((value, s), 0) for s, _label in TrajectoryStatus.choices),
            }
            for value, label in Programme.choices
        ]
        org_ids = _staff_organisation_ids(user)
        coaches = User.objects.filter(
            is_active=True,
            memberships__is_active=True,
            memberships__role__in=list(GUIDING_ROLES),
        )
        if org_ids is not None:
            coaches = coaches.filter(memberships__organisation_id__in=org_ids)
        # A coach's open trajectories as this user may see them (not those of other organisations).
        counted = Q(trajectories__status__in=OPEN_STATUSES)
        seen = trajectory_condition(user, "trajectories__")
        if seen is not None:
            counted &= seen
        context["coaches"] = (
            coaches.annotate(open_count=Count("trajectories", filter=counted, distinct=True))
            .order_by("first_name", "last_name")
            .distinct()[:50]
        )
        context["recent_clients"] = (
            Client.objects.visible_to(user)
            .select_related("organisation")
            .only(
                "first_name",
                "last_name",
                "created_at",
                "postal_code",
                "city",
                "organisation__name",
            )
            .order_by("-created_at")[:10]
        )
        context["show_staff"] = True
        # The funder's numbers run out on a known day: say so before new trajectories are refused.
        context["ruleset_endings"] = rulesets_ending(today)
    return render(request, "core/dashboard.html", context)


@login_required
def client_list(request):
    query = request.GET.get("q", "").strip()[:100]
    clients = selectors.client_search(user=request.user, query=query).only(
        "first_name",
        "last_name",
        "birth_date",
        "postal_code",
        "city",
        "email",
        "phone",
        "organisation__name",
    )
    page = Paginator(clients, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "query": query}
    template = "core/_client_table.html" if request.htmx else "core/client_list.html"
    return render(request, template, context)


def _client_data(cleaned) -> ClientData:
    return ClientData(
        first_name=cleaned["first_name"],
        last_name=cleaned["last_name"],
        birth_date=cleaned["birth_date"],
        email=cleaned["email"],
        phone=cleaned["phone"],
        street=cleaned["street"],
        postal_code=cleaned["postal_code"],
        city=cleaned["city"],
        preferred_language=cleaned["preferred_language"],
        consent_processing=cleaned["consent_processing"],
        consent_contact=cleaned["consent_contact"],
        national_number=cleaned["national_number"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def client_create_view(request):
    user = request.user
    organisations = _user_organisations(user)
    if not organisations:
        raise PermissionDenied
    # A coach sees a client through a trajectory: a new client comes with its first one.
    needs_trajectory = bool(user.roles & GUIDING_ROLES) and not (
        user.is_centre_staff or user.is_administrator
    )
    form = ClientForm(
        request.POST or None, organisations=organisations, programmes=needs_trajectory
    )
    if needs_trajectory:  # only the programmes the user may open (`core/rules.py`)
        allowed = {p for o in organisations for p in permissions.openable_programmes(user, o)}
        form.fields["programme"].choices = [
            choice for choice in form.fields["programme"].choices if choice[0] in allowed | {""}
        ]
    if request.method == "POST" and form.is_valid():
        organisation = organisations[0]
        if "organisation" in form.cleaned_data:
            organisation = next(
                o for o in organisations if str(o.pk) == form.cleaned_data["organisation"]
            )
        data = _client_data(form.cleaned_data)
        try:
            if needs_trajectory:
                client, _trajectory = client_register_with_trajectory(
                    organisation=organisation,
                    data=data,
                    programme=form.cleaned_data["programme"],
                    responsible=user,
                    acting_user=user,
                )
            else:
                client = client_create(organisation=organisation, data=data, acting_user=user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De cliënt is aangemaakt."))
            return redirect("client_detail", pk=client.pk)
    return render(request, "core/client_form.html", {"form": form, "creating": True})


@login_required
@require_http_methods(["GET", "POST"])
def client_update_view(request, pk: int):
    client = _visible_client(request, pk)
    can_see_nn = request.user.has_perm("core.view_national_number")
    initial = client_data_from(client).__dict__
    if can_see_nn:
        initial["national_number"] = client.national_number_formatted()
    else:
        # Who may not read the number may not see it in the form either; keep it unchanged.
        initial["national_number"] = ""
    form = ClientForm(request.POST or None, initial=initial)
    if not can_see_nn:
        del form.fields["national_number"]
    if request.method == "POST" and form.is_valid():
        cleaned = dict(form.cleaned_data)
        if not can_see_nn:
            cleaned["national_number"] = client.national_number()
        try:
            client_update(client=client, data=_client_data(cleaned), acting_user=request.user)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De gegevens zijn bewaard."))
            return redirect("client_detail", pk=client.pk)
    return render(
        request, "core/client_form.html", {"form": form, "client": client, "creating": False}
    )


def _visible_client(request, pk: int) -> Client:
    try:
        return selectors.client_get(user=request.user, pk=pk)
    except Client.DoesNotExist:
        raise Http404 from None


@login_required
def client_detail(request, pk: int):
    from koers.vouchers.selectors import voucher_offer

    client = _visible_client(request, pk)
    file_access_log(user=request.user, client=client)
    trajectories = list(trajectories_for_client(user=request.user, client=client))
    by_id = {t.pk: t for t in trajectories}
    timeline = client_timeline(user=request.user, client=client)
    context = {
        "client": client,
        "trajectories": trajectories,
        "timeline": [(e, by_id.get(e.trajectory_id)) for e in timeline],
        "can_see_national_number": request.user.has_perm("core.view_national_number"),
        "can_view_history": request.user.has_perm("core.view_history"),
        # Only what this user may open here (`core/rules.py`), and why no new voucher (LBC-01).
        "voucher_offer": voucher_offer(
            user=request.user, client=client, today=timezone.localdate()
        ),
        "can_open_trajectory": bool(
            permissions.openable_programmes(request.user, client.organisation)
        ),
    }
    return render(request, "core/client_detail.html", context)


@login_required
def client_history(request, pk: int):
    if not request.user.has_perm("core.view_history"):
        raise Http404
    client = _visible_client(request, pk)
    page = _page_number(request)
    entries, total = audit.client_history(user=request.user, client=client, page=page)
    pages = max((total + audit.HISTORY_PAGE_SIZE - 1) // audit.HISTORY_PAGE_SIZE, 1)
    context = {
        "client": client,
        "entries": entries,
        "page_number": page,
        "num_pages": pages,
        "has_previous": page > 1,
        "has_next": page < pages,
        "accesses": audit.recent_file_accesses(client=client),
    }
    return render(request, "core/client_history.html", context)


def _require_manage(request) -> None:
    if not request.user.has_perm("core.manage_organisations"):
        raise PermissionDenied


@login_required
def organisation_list(request):
    _require_manage(request)
    organisations = Organisation.objects.annotate(
        location_count=Count("locations", distinct=True),
        staff_count=Count("memberships__user", distinct=True),
    ).order_by("name")
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/organisation_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create_view(request):
    _require_manage(request)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = organisation_create(
                data=OrganisationData(**form.cleaned_data), acting_user=request.user
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De organisatie is aangemaakt."))
            return redirect("organisation_detail", pk=organisation.pk)
    return render(request, "core/organisation_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_detail(request, pk: int):
    _require_manage(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    managed = _staff_organisation_ids(request.user)
    # The organisation register is shared; who works where is only shown to those who manage it.
    manages = managed is None or organisation.pk in managed
    form = LocationForm(request.POST or None)
    if request.method == "POST":
        if not manages:
            raise PermissionDenied
        if form.is_valid():
            try:
                location_add(
                    organisation=organisation, acting_user=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("De locatie is toegevoegd."))
                return redirect("organisation_detail", pk=organisation.pk)
    memberships = (
        Membership.objects.filter(organisation=organisation)
        .select_related("user", "location")
        .order_by("user__first_name", "user__last_name", "role")
        if manages
        else Membership.objects.none()
    )
    context = {
        "organisation": organisation,
        "locations": organisation.locations.all(),
        "memberships": memberships,
        "manages": manages,
        "location_form": form,
    }
    return render(request, "core/organisation_detail.html", context)


def _managed_organisations(user: User):
    org_ids = _staff_organisation_ids(user)
    organisations = Organisation.objects.filter(is_active=True).order_by("name")
    return organisations if org_ids is None else organisations.filter(pk__in=org_ids)


@login_required
def staff_list(request):
    _require_manage(request)
    org_ids = _staff_organisation_ids(request.user)
    memberships = Membership.objects.select_related("user", "organisation").order_by(
        "user__first_name", "user__last_name", "organisation__name"
    )
    if org_ids is not None:
        memberships = memberships.filter(organisation_id__in=org_ids)
    page = Paginator(memberships, 50).get_page(request.GET.get("page"))
    return render(request, "core/staff_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def staff_create_view(request):
    _require_manage(request)
    organisations = _managed_organisations(request.user)
    grantable = {
        role
        for organisation in organisations
        for role in permissions.grantable_roles(request.user, organisation)
    }
    form = StaffForm(
        request.POST or None,
        organisations=organisations,
        roles=grantable,
        companies=Organisation.objects.filter(
            kind=OrganisationKind.SUBCONTRACTOR, is_active=True
        ).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data
        try:
            if cleaned["password"]:
                try:
                    validate_password(cleaned["password"])
                except ValidationError as exc:
                    raise ValidationError({"password": exc.messages}) from exc
            user = staff_create(
                data=StaffData(
                    username=cleaned["username"],
                    first_name=cleaned["first_name"],
                    last_name=cleaned["last_name"],
                    email=cleaned["email"],
                    organisation=cleaned["organisation"],
                    roles=cleaned["roles"],
                    company=cleaned["company"],
                    password=cleaned["password"] or None,
                ),
                acting_user=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, _("De medewerker %(name)s is aangemaakt.") % {"name": str(user)}
            )
            return redirect("staff_list")
    return render(request, "core/staff_form.html", {"form": form})
