"""The client's file to print (issue 16): the person (the national number masked), every
trajectory the user may see and the timeline, bounded, in one page for paper. The same access as
the file (404 for others); its read is logged like the file's (`workplace/reads.py`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from koers.core.views.clients import client_or_404
from koers.workplace.printing import client_print_context


@login_required
def client_print(request, pk: int):
    client = client_or_404(request.user, pk)
    context = client_print_context(user=request.user, client=client, now=timezone.localtime())
    return render(request, "workplace/client_print.html", context)
