"""The staff's working pages that compose programmes: the dashboard, the client list (search),
a new client, the client file and its history. Thin glue: selectors assemble, services write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core import permissions
from koers.core import selectors as core_selectors
from koers.core.forms import apply_errors, form_client_data
from koers.core.models import GUIDING_ROLES, Client, Organisation, User
from koers.core.services import client_create
from koers.core.views.clients import client_or_404
from koers.idempotency.services import Outcome, earlier_outcome, run_once
from koers.privacy.reveals import record_reveal
from koers.trajectories.services import client_register_with_trajectory
from koers.workplace import selectors, worklist
from koers.workplace.duplicates import possible_duplicates
from koers.workplace.forms import ClientCreateForm

MAX_ID = 2**63 - 1  # BigAutoField: a larger cursor is no row
CREATE_SCOPE = "page:client_create"  # the idempotency keys of the new-client form


def _page_number(request) -> int:
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        return 1


@login_required
def dashboard(request):
    context = selectors.dashboard_context(
        user=request.user, today=timezone.localdate(), now=timezone.now()
    )
    return render(request, "workplace/dashboard.html", context)


@login_required
def work_list(request, key: str):
    """The whole list behind one figure of the dashboard's work list."""
    group = worklist.work_page(
        request.user, key, timezone.localdate(), timezone.now(), _page_number(request)
    )
    if group is None:
        raise Http404
    # The pager counts from the source's own count: no second read of the list.
    page = Paginator(range(group.count), worklist.LIST_SIZE).get_page(_page_number(request))
    context = {"group": group, "today": timezone.localdate(), "page": page}
    return render(request, "workplace/work_list.html", context)


def _cursor(request, name: str) -> int | None:
    """A keyset cursor (a row's id) from the query string; None when absent or not an id."""
    try:
        value = int(request.GET.get(name, ""))
    except ValueError:
        return None
    return value if 0 < value <= MAX_ID else None


@login_required
def client_list(request):
    query = request.GET.get("q", "").strip()[:100]
    page = selectors.client_list_page(
        user=request.user,
        query=query,
        number=_page_number(request),
        after=_cursor(request, "after"),
        before=_cursor(request, "before"),
    )
    template = "workplace/_client_table.html" if request.htmx else "workplace/client_list.html"
    return render(request, template, {"page": page, "query": query})


def _needs_trajectory(user: User) -> bool:
    """A coach sees a client through a trajectory: a new client comes with its first one."""
    return bool(user.roles & GUIDING_ROLES) and not (user.is_centre_staff or user.is_administrator)


def _create_form(request, organisations: list[Organisation]) -> ClientCreateForm:
    programmes = None
    if _needs_trajectory(request.user):  # only the programmes the user may open (`core/rules.py`)
        programmes = {
            p for o in organisations for p in permissions.openable_programmes(request.user, o)
        }
    return ClientCreateForm(
        request.POST or None, organisations=organisations, programmes=programmes
    )


def _create(form: ClientCreateForm, organisations: list[Organisation], user: User) -> Client:
    organisation = organisations[0]
    if "organisation" in form.cleaned_data:
        chosen = form.cleaned_data["organisation"]
        organisation = next(o for o in organisations if str(o.pk) == chosen)
    data = form_client_data(form.cleaned_data)
    if "programme" not in form.fields:
        return client_create(organisation=organisation, data=data, acting_user=user)
    client, _trajectory = client_register_with_trajectory(
        organisation=organisation,
        data=data,
        programme=form.cleaned_data["programme"],
        responsible=user,
        acting_user=user,
    )
    return client


def _create_once(form: ClientCreateForm, organisations: list[Organisation], user: User) -> Outcome:
    """The client, made once per form: the same form sent again answers the first client."""

    def create() -> tuple[int, int]:
        return _create(form, organisations, user).pk, 201

    key = form.cleaned_data.get("idempotency_key", "")
    if not key:
        return Outcome(result_id=create()[0], status_code=201, replayed=False)
    return run_once(user=user, scope=CREATE_SCOPE, key=key, action=create)


def _duplicates(form: ClientCreateForm, user: User) -> list[Client]:
    if form.cleaned_data.get("not_a_duplicate"):
        return []  # the user looked at the possible duplicates and chose to go on
    return possible_duplicates(user=user, data=form_client_data(form.cleaned_data))


def _created(request, outcome: Outcome):
    if outcome.replayed:
        messages.info(request, _("Deze cliënt werd al aangemaakt: het formulier kwam twee keer."))
    else:
        messages.success(request, _("De cliënt is aangemaakt."))
    return redirect("client_detail", pk=outcome.result_id)


@login_required
@require_http_methods(["GET", "POST"])
def client_create_view(request):
    organisations = core_selectors.client_organisations(request.user)
    if not organisations:
        raise PermissionDenied
    form = _create_form(request, organisations)
    duplicates: list[Client] = []
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data.get("idempotency_key", "")
        if earlier := earlier_outcome(user=request.user, scope=CREATE_SCOPE, key=key):
            return _created(request, earlier)  # the form came twice: the first client
        duplicates = _duplicates(form, request.user)
        if not duplicates:
            try:
                return _created(request, _create_once(form, organisations, request.user))
            except ValidationError as exc:
                apply_errors(form, exc)
    context = {"form": form, "creating": True, "duplicates": duplicates}
    return render(request, "core/client_form.html", context)


@login_required
def client_detail(request, pk: int):
    client = client_or_404(request.user, pk)
    context = selectors.client_file_context(
        user=request.user,
        client=client,
        today=timezone.localdate(),
        trajectories_page=request.GET.get("trajectories"),
        accesses_page=request.GET.get("inzages"),
    )
    if context["can_see_national_number"] and client.has_national_number:
        record_reveal(user=request.user, client_id=client.pk, where="web:file")
    return render(request, "workplace/client_detail.html", context)


@login_required
def client_history(request, pk: int):
    if not request.user.has_perm("core.view_history"):
        raise Http404
    client = client_or_404(request.user, pk)
    context = selectors.client_history_context(
        user=request.user, client=client, page=_page_number(request)
    )
    return render(request, "workplace/client_history.html", context)
