"""TRN-02/15: propose a worker, edit the referral, the readiness dialogue, the checks and the
invitation to intake (with its letter), calling the trajectory off. Every file is looked up
through the access rules (404 otherwise); every write is a service's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.data import ClientData
from koers.core.form_pages import object_post
from koers.transition.forms import referral as forms
from koers.transition.selectors import files as sel
from koers.transition.selectors import referral as referral_sel
from koers.transition.services import Proposal, intake_pdfs
from koers.transition.services import referral as services
from koers.transition.views.pages import FormPage, form_page


def _file_url(file) -> str:
    return reverse("transition_file", args=[file.pk])


def _propose(request, data: dict):
    file = services.referral_propose(
        client=data["client"],
        new_worker=ClientData(first_name=data["first_name"], last_name=data["last_name"]),
        organisation=data["organisation"],
        responsible=request.user,
        proposal=Proposal(
            referred_on=data["referred_on"],
            proposed_by=data["proposed_by"],
            proposer_name=data["proposer_name"],
            why=data["why"],
            job_target=data["job_target"],
        ),
        supervisors=forms.lines(data["supervisors"]),
        acting_user=request.user,
    )
    request.proposed_file = file


@login_required
@require_http_methods(["GET", "POST"])
def transition_propose(request):
    """TRN-02: anyone may propose a worker as ready; the coach records who and why (TRN-15)."""
    initial = {"referred_on": timezone.localdate(), "client": request.GET.get("client")}
    form = forms.ProposeForm(request.POST or None, initial=initial, user=request.user)
    page = FormPage(
        title=_("Werknemer voorstellen voor doorstroom"),
        rule="TRN-02, TRN-15",
        intro=_("Iedereen kan een werknemer doorstroomklaar noemen, ook de werknemer zelf."),
        submit=_("Voorstellen"),
        back=reverse("transition_home"),
    )
    response = form_page(
        request,
        form=form,
        page=page,
        save=lambda d: _propose(request, d),
        done=reverse("transition_home"),
        success=_("De werknemer is voorgesteld voor doorstroom."),
    )
    file = getattr(request, "proposed_file", None)
    return redirect("transition_file", pk=file.pk) if file else response


@login_required
@require_http_methods(["GET", "POST"])
def transition_referral_edit(request, pk: int):
    file = sel.file_get(user=request.user, pk=pk)
    form = forms.ReferralEditForm(
        request.POST or None, initial=forms.ReferralEditForm.initial_for(file)
    )

    def save(data):
        changes = services.ReferralChanges(
            **{k: data[k] for k in ("proposed_by", "proposer_name", "why", "job_target")},
            supervisors=forms.lines(data["supervisors"]),
        )
        services.referral_update(file=file, changes=changes, acting_user=request.user)

    page = FormPage(
        title=_("Toeleiding wijzigen"), rule="TRN-15", submit=_("Opslaan"), back=_file_url(file)
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=save,
        done=_file_url(file),
        success=_("De toeleiding is bijgewerkt."),
        context={"file": file},
    )


@login_required
@require_http_methods(["GET", "POST"])
def transition_dialogue(request, pk: int):
    """TRN-02: the dialogue with worker and supervisors on the seed's four questions."""
    file = sel.file_get(user=request.user, pk=pk)
    initial = forms.DialogueForm.initial_for(file, timezone.localdate())
    form = forms.DialogueForm(request.POST or None, initial=initial)
    page = FormPage(
        title=_("Doorstroomdialoog"),
        rule="TRN-02",
        intro=_("Worden de werknemer en zijn omkadering het eens? Noteer hun antwoorden."),
        submit=_("Dialoog opslaan"),
        back=_file_url(file),
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=lambda d: services.referral_dialogue(
            file=file, answers=form.answers(), held_on=d["held_on"], acting_user=request.user
        ),
        done=_file_url(file),
        success=_("De dialoog is opgeslagen."),
        context={"file": file},
    )


def _checks(data) -> services.Checks:
    return services.Checks(
        basic_dutch_confirmed=data["basic_dutch_confirmed"],
        no_pretext_confirmed=data["no_pretext_confirmed"],
        pretext_signals=tuple(data["pretext_signals"]),
    )


def _invite_save(request, file, data) -> None:
    checks = _checks(data)
    if request.POST.get("only_checks") == "1":
        services.referral_checks_save(file=file, checks=checks, acting_user=request.user)
        return
    services.referral_invite(
        file=file, checks=checks, invited_on=data["invited_on"], acting_user=request.user
    )


def _invite_page(file) -> FormPage:
    return FormPage(
        title=_("Uitnodigen voor het intakegesprek"),
        rule="TRN-02, TRN-15",
        submit=_("Officieel uitnodigen"),
        confirm=_("De werknemer officieel uitnodigen voor het intakegesprek?"),
        back=_file_url(file),
        aside="transition/referral/_invite_aside.html",
        secondary=("only_checks", _("Enkel de controles bewaren")),
    )


@login_required
@require_http_methods(["GET", "POST"])
def transition_invite(request, pk: int):
    """TRN-15 checks, then the official invitation to intake (TRN-02); "only the checks" keeps
    them without inviting."""
    file = sel.file_get(user=request.user, pk=pk)
    initial = forms.InvitationForm.initial_for(file, timezone.localdate())
    form = forms.InvitationForm(request.POST or None, initial=initial)
    success = (
        _("De controles zijn opgeslagen.")
        if request.POST.get("only_checks") == "1"
        else _("De werknemer is uitgenodigd voor het intakegesprek.")
    )
    return form_page(
        request,
        form=form,
        page=_invite_page(file),
        save=lambda d: _invite_save(request, file, d),
        done=_file_url(file),
        success=success,
        context={"file": file, "problems": referral_sel.invitation_problems(file)},
    )


@object_post(
    load=lambda request, pk: sel.file_get(user=request.user, pk=pk),
    page=lambda request, file, rejected: redirect("transition_file", pk=file.pk),
    back=lambda file: redirect("transition_file", pk=file.pk),
)
def transition_invitation_pdf(request, file):
    document = intake_pdfs.invitation_pdf(file=file, acting_user=request.user)
    messages.success(request, _("De uitnodiging staat klaar bij de documenten."))
    return redirect("document_download", pk=document.pk)


@login_required
@require_http_methods(["GET", "POST"])
def transition_call_off(request, pk: int):
    """TRN-02: the coach calls the trajectory off; ground and reason are recorded."""
    file = sel.file_get(user=request.user, pk=pk)
    form = forms.CallOffForm(request.POST or None, initial={"called_off_on": timezone.localdate()})
    page = FormPage(
        title=_("Traject afblazen"),
        rule="TRN-02",
        intro=_("Een afgeblazen traject kan niet verder: er komt niets meer bij."),
        submit=_("Traject afblazen"),
        confirm=_("Het doorstroomtraject afblazen? Dit kan niet ongedaan gemaakt worden."),
        back=_file_url(file),
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=lambda d: services.referral_call_off(
            file=file,
            ground=d["ground"],
            reason=d["reason"],
            called_off_on=d["called_off_on"],
            acting_user=request.user,
        ),
        done=_file_url(file),
        success=_("Het traject is afgeblazen."),
        context={"file": file},
    )
