"""The job coach's workers (TRN-01) and one worker's file with the phase the worker is in."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from koers.transition.selectors import files as sel


@login_required
@require_GET
def transition_home(request):
    query = request.GET.get("q", "")
    phase = request.GET.get("fase", "")
    page = sel.file_list(
        user=request.user, query=query, phase=phase, page=request.GET.get("page", 1)
    )
    context = {"page": page, "query": query, "phase": phase, "phase_choices": sel.phase_choices()}
    return render(request, "transition/home.html", context)


@login_required
@require_GET
def transition_file(request, pk: int):
    return render(request, "transition/file.html", {"p": sel.file_page(user=request.user, pk=pk)})
