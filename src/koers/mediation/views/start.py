"""MED-06 "Start bemiddelingsproces", confirmed first: the start begins the clock of MED-12/13
(6 or 18 months), so a page says the dates it gives before the mediator starts it. Works without
JavaScript; a POST without the confirmation only shows that page again and starts nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.mediation import selectors, services
from koers.mediation.views.common import service_action, service_or_404


@service_action
def _start(request, service):
    services.mediation_start(service=service, acting_user=request.user, now=timezone.now())
    messages.success(request, _("Het bemiddelingsproces is gestart. (MED-06)"))


@login_required
@require_http_methods(["GET", "POST"])
def start(request, pk: int):
    service = service_or_404(request, pk)
    if request.method == "POST" and request.POST.get("confirmed") == "1":
        return _start(request, pk)
    context = {
        "service": service,
        "client": service.trajectory.client,
        "trajectory": service.trajectory,
        "preview": selectors.start_preview(service, timezone.now()),
    }
    return render(request, "mediation/start_confirm.html", context)
