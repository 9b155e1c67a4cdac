"""The transition (TRN-17): "Doorstroom registreren", the follow-up at its checkpoints, the job
coach's list of follow-ups due, and a worker who left for a training (TRN-13 KPI 11)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.core.form_pages import REJECTED_STATUS, FormRejected, object_post, submitted
from koers.transition.forms import followup as ff
from koers.transition.selectors import followup as sel
from koers.transition.selectors.files import file_get
from koers.transition.selectors.measures import employers_for, measure_choices_for_file
from koers.transition.services import followup as services


def _placement_form(request, file):
    return ff.PlacementForm(
        request.POST if request.method == "POST" else None,
        initial={"first_day": timezone.localdate()},
        employers=employers_for(request.user, file.trajectory.organisation),
        measures=file.measures.all(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def transition_placement_new(request, pk: int):
    file = file_get(user=request.user, pk=pk)
    form = _placement_form(request, file)
    status = 200
    if request.method == "POST":
        try:
            with submitted(form, "form"):
                data = services.PlacementData(**form.cleaned_data)
                placement = services.placement_record(
                    file=file, data=data, acting_user=request.user
                )
            messages.success(request, _("De doorstroom is geregistreerd."))
            return redirect("transition_placement", pk=placement.pk)
        except FormRejected:
            status = REJECTED_STATUS
    context = {"file": file, "form": form, "measures": measure_choices_for_file(file)}
    return render(request, "transition/placement_new.html", context, status=status)


def _page(request, placement, followup_form=None, status=200):
    view = sel.placement_view(placement, timezone.localdate())
    form = followup_form or ff.FollowupForm(
        initial={
            "day": timezone.localdate(),
            "checkpoint": next((c.checkpoint for c in view.open_checkpoints), ""),
        }
    )
    context = {"v": view, "placement": placement, "file": placement.file, "form": form}
    return render(request, "transition/placement.html", context, status=status)


@login_required
@require_GET
def transition_placement(request, pk: int):
    return _page(request, sel.placement_get(user=request.user, pk=pk))


@object_post(
    load=lambda request, pk: sel.placement_get(user=request.user, pk=pk),
    page=lambda request, placement, rejected: _page(
        request, placement, rejected.form, REJECTED_STATUS
    ),
    back=lambda placement: redirect("transition_placement", pk=placement.pk),
)
def transition_followup_add(request, placement):
    form = ff.FollowupForm(request.POST)
    with submitted(form, "form"):
        data = services.FollowupData(**form.cleaned_data)
        services.followup_add(placement=placement, data=data, acting_user=request.user)
    messages.success(request, _("De opvolging is geregistreerd."))


@login_required
@require_GET
def transition_followups(request):
    page = sel.followups_page(
        user=request.user, today=timezone.localdate(), page=request.GET.get("page", 1)
    )
    return render(request, "transition/followups.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def transition_left_for_training(request, pk: int):
    file = file_get(user=request.user, pk=pk)
    initial = {"left_for_training_on": file.left_for_training_on or timezone.localdate()}
    form = ff.LeftForTrainingForm(request.POST or None, initial=initial)
    if request.method == "POST":
        try:
            with submitted(form, "form") as data:
                services.left_for_training_record(
                    file=file, on=data["left_for_training_on"], acting_user=request.user
                )
            messages.success(request, _("Bewaard."))
            return redirect("transition_file", pk=file.pk)
        except FormRejected:
            return render(
                request,
                "transition/left_for_training.html",
                {"file": file, "form": form},
                status=REJECTED_STATUS,
            )
    return render(request, "transition/left_for_training.html", {"file": file, "form": form})
