"""TRN-08: a worker's application actions, the full log, removing one recorded by mistake, and
the portfolio with the VDAB status — all from the worker's file page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.core.form_pages import object_post, submitted
from koers.transition.forms.activities import ActivityDeleteForm, ActivityForm, PortfolioForm
from koers.transition.selectors import activities as sel
from koers.transition.selectors import files as file_sel
from koers.transition.services import activities as services
from koers.transition.views.file_forms import back_to_file, file_page_rejected, file_post


@file_post
def transition_activity_add(request, file):
    form = ActivityForm(request.POST, employers=sel.employers_for(file))
    with submitted(form, "activity_form") as data:
        services.activity_add(
            file=file, data=services.ActivityData(**data), acting_user=request.user
        )
    messages.success(request, _("De sollicitatieactie is genoteerd."))
    return back_to_file(file, "acties")


@file_post
def transition_portfolio(request, file):
    form = PortfolioForm(request.POST)
    with submitted(form, "portfolio_form") as data:
        services.portfolio_set(
            file=file,
            pieces=data["portfolio"],
            vdab_status=data["vdab_status"],
            acting_user=request.user,
        )
    messages.success(request, _("Portfolio en VDAB-status zijn bewaard."))
    return back_to_file(file, "acties")


@login_required
@require_GET
def transition_activity_log(request, pk: int):
    file = file_sel.file_get(user=request.user, pk=pk)
    page = sel.activity_log(file, request.GET.get("page", 1))
    return render(request, "transition/activities/log.html", {"file": file, "page": page})


@object_post(
    load=lambda request, pk: sel.activity_get(user=request.user, pk=pk),
    page=lambda request, activity, rejected: file_page_rejected(request, activity.file, rejected),
    back=lambda activity: back_to_file(activity.file, "acties"),
)
def transition_activity_delete(request, activity):
    form = ActivityDeleteForm(request.POST)
    with submitted(form, "delete_form") as data:
        services.activity_delete(activity=activity, why=data["why"], acting_user=request.user)
    messages.success(request, _("De sollicitatieactie is geschrapt."))
    return back_to_file(activity.file, "acties")
