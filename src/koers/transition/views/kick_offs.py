"""TRN-03: the group kick-off — the selected workers invited with their supervisors. The list
and page show the kick-offs of the user's companies (404 otherwise)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.transition.forms import intake as forms
from koers.transition.selectors import intake as sel
from koers.transition.selectors import referral as referral_sel
from koers.transition.services import engagement
from koers.transition.views.pages import FormPage, form_page


@login_required
@require_GET
def transition_kick_offs(request):
    page = sel.kick_off_list(user=request.user, page=request.GET.get("page", 1))
    return render(request, "transition/kick_offs.html", {"page": page})


@login_required
@require_GET
def transition_kick_off(request, pk: int):
    kick_off = sel.kick_off_get(user=request.user, pk=pk)
    invitees = sel.kick_off_invitees(kick_off, request.user)
    return render(request, "transition/kick_off.html", {"kick_off": kick_off, "invitees": invitees})


def _create(request, data):
    invitations = [
        engagement.Invitation(
            file=file,
            supervisors_invited=tuple(file.supervisors or ())
            if data["supervisors_invited"]
            else (),
        )
        for file in data["files"]
    ]
    kick_off, warnings = engagement.kick_off_create(
        organisation=data["organisation"],
        held_on=data["held_on"],
        place=data["place"],
        note=data["note"],
        invitations=invitations,
        acting_user=request.user,
    )
    for warning in warnings:
        messages.warning(request, str(warning))
    request.kick_off = kick_off


@login_required
@require_http_methods(["GET", "POST"])
def transition_kick_off_new(request):
    organisations = referral_sel.proposing_organisations(request.user)
    form = forms.KickOffForm(
        request.POST or None,
        initial={"held_on": timezone.localdate()},
        user=request.user,
        organisations=organisations,
    )
    page = FormPage(
        title=_("Kick-off plannen"),
        rule="TRN-03",
        submit=_("Kick-off opslaan"),
        back=reverse("transition_kick_offs"),
        intro=_(
            "Nodig de geselecteerden samen uit met hun instructeurs en begeleiders: kennismaking met collega-doorstromers, de aanpak en de engagementen."
        ),
    )
    response = form_page(
        request,
        form=form,
        page=page,
        save=lambda d: _create(request, d),
        done=reverse("transition_kick_offs"),
        success=_("De kick-off is opgeslagen."),
    )
    kick_off = getattr(request, "kick_off", None)
    return redirect("transition_kick_off", pk=kick_off.pk) if kick_off else response
