"""Plans of a trajectory: drawing one up, reading its versions, saving a new version."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.trajectories import selectors
from koers.trajectories.forms import PlanEditForm, PlanForm
from koers.trajectories.models import Plan
from koers.trajectories.services import plan_create, plan_save_version
from koers.trajectories.views.common import form_page, of_trajectory, visible, visible_trajectory


def _create(form: PlanForm, trajectory, user) -> Plan:
    return plan_create(
        trajectory=trajectory,
        kind=form.cleaned_data["kind"],
        title=form.cleaned_data["title"],
        content={"text": form.cleaned_data["content"]},
        acting_user=user,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create_view(request, pk: int):
    trajectory = visible_trajectory(request, pk)
    form = PlanForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: _create(form, trajectory, request.user),
        saved=_("Het plan is aangemaakt."),
        then=lambda plan: redirect("plan_detail", pk=plan.pk),
        template="trajectories/plan_form.html",
        context=of_trajectory(trajectory),
    )


def _plan(request, pk: int) -> Plan:
    return visible(Plan.objects.select_related("trajectory__client"), request.user, pk)


@login_required
def plan_detail(request, pk: int):
    plan = _plan(request, pk)
    context = of_trajectory(plan.trajectory, plan=plan, versions=selectors.plan_versions(plan))
    return render(request, "trajectories/plan_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk: int):
    plan = _plan(request, pk)
    latest = selectors.latest_plan_version(plan)
    form = PlanEditForm(request.POST or None, initial={"content": PlanEditForm.text_of(latest)})
    return form_page(
        request,
        form,
        lambda: plan_save_version(
            plan=plan, content={"text": form.cleaned_data["content"]}, acting_user=request.user
        ),
        saved=lambda version: _("Versie %(number)d is bewaard.") % {"number": version.number},
        then=lambda version: redirect("plan_detail", pk=plan.pk),
        template="trajectories/plan_edit.html",
        context=of_trajectory(plan.trajectory, plan=plan, latest=latest),
    )
