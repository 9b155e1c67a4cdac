"""The trajectory list and the contact list (issue 16), each with its filter, keyset pages and
the links to export the same rows (`koers.listexports`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from koers.trajectories import lists
from koers.trajectories.models import Programme, TrajectoryStatus

MAX_ID = 2**63 - 1  # BigAutoField: a larger cursor is no row


def _cursor(request, name: str) -> int | None:
    """A keyset cursor (a row's id) from the query string; None when absent or not an id."""
    try:
        value = int(request.GET.get(name, ""))
    except ValueError:
        return None
    return value if 0 < value <= MAX_ID else None


def _paging(request) -> dict:
    try:
        number = max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        number = 1
    return {
        "number": number,
        "after": _cursor(request, "after"),
        "before": _cursor(request, "before"),
    }


@login_required
@require_GET
def trajectory_list(request):
    chosen = lists.trajectory_filter(request.GET)
    page = lists.trajectory_list_page(user=request.user, chosen=chosen, **_paging(request))
    dossiers = lists.dossier_states(page.object_list)
    context = {
        "page": page,
        "chosen": chosen,
        "rows": [(t, dossiers.get(t.pk)) for t in page.object_list],
        "programmes": Programme.choices,
        "statuses": TrajectoryStatus.choices,
        "dossier_choices": (lists.DOSSIER_COMPLETE, lists.DOSSIER_OPEN),
    }
    return render(request, "trajectories/trajectory_list.html", context)


@login_required
@require_GET
def contact_list(request):
    chosen = lists.contact_filter(request.GET, timezone.localdate())
    page = lists.contact_list_page(user=request.user, chosen=chosen, **_paging(request))
    return render(request, "trajectories/contact_list.html", {"page": page, "chosen": chosen})
