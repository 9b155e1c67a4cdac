"""The dashboard's panels (issue 14): the page paints its cheap parts at once and loads each
heavy part from here with htmx, in parallel. Each panel is a fragment (no base.html) that reads
only its own part and answers only what its user may see; a panel with nothing to show answers
an empty body, and the placeholder it replaces disappears."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from koers.workplace import selectors, worklist


@login_required
def work_panel(request, key: str):
    """One work-list source's card: its first items, its count and the link to its full list."""
    today = timezone.localdate()
    group = worklist.work_group(request.user, key, today, timezone.now())
    if group is None:
        raise Http404
    if not group.count:
        return HttpResponse("")
    return render(request, "workplace/_work_panel.html", {"group": group, "today": today})


@login_required
def dashboard_deliveries(request):
    """BIL-01: the dossiers to deliver by the quarter's end (a coach: their own)."""
    context = selectors.deliveries_context(user=request.user, today=timezone.localdate())
    if context is None:
        raise Http404
    return render(request, "workplace/_deliveries.html", context)


@login_required
def dashboard_centre(request):
    """The centre's overview, for centre staff and administrators only."""
    context = selectors.centre_context(user=request.user)
    if context is None:
        raise Http404
    return render(request, "workplace/_centre.html", context)


@login_required
def dashboard_centre_work(request):
    """The centre's follow-up (late leads per coach, statements to make); empty when none."""
    context = selectors.centre_work_context(
        user=request.user, today=timezone.localdate(), now=timezone.now()
    )
    if context is None:
        raise Http404
    if not (context["late_leads_per_coach"] or context["statements_missing"]):
        return HttpResponse("")
    return render(request, "workplace/_centre_work.html", context)
