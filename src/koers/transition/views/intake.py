"""TRN-03: the intake pages — holding it with a second coach, page 1, STARR notes with the
observation prompts, the decision, the feedback, the engagement statement and its PDF. Every
file, intake and note is looked up through the access rules (404 otherwise)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.core.form_pages import object_post
from koers.transition.forms import intake as forms
from koers.transition.selectors import files as sel
from koers.transition.selectors import intake as intake_sel
from koers.transition.services import engagement, intake_pdfs
from koers.transition.services import intake as services
from koers.transition.views.pages import FormPage, form_page


def _file_url(file) -> str:
    return reverse("transition_file", args=[file.pk]) + "#h-intake"


def _intake(request, pk: int):
    return intake_sel.intake_get(user=request.user, file_pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def transition_intake(request, pk: int):
    """Create or hold the intake, preferably with a second, independent job coach."""
    file = sel.file_get(user=request.user, pk=pk)
    existing = intake_sel.intake_section(file, request.user).intake
    initial = forms.HoldForm.initial_for(existing, timezone.localdate())
    form = forms.HoldForm(request.POST or None, initial=initial, file=file)
    page = FormPage(
        title=_("Intakegesprek"),
        rule="TRN-03",
        submit=_("Opslaan"),
        back=_file_url(file),
        intro=_("Voer de intake bij voorkeur samen met een tweede, onafhankelijke jobcoach."),
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=lambda d: services.intake_hold(
            file=file, holding=services.IntakeHolding(**d), acting_user=request.user
        ),
        done=_file_url(file),
        success=_("De intake is opgeslagen."),
        context={"file": file},
    )


def _administrative_save(request, file, form, data) -> None:
    answers = services.Administrative(
        answers=form.answers(),
        by_worker=data["by_worker"],
        completed=data["completed"],
        language_observation=data["language_observation"],
    )
    services.intake_administrative_save(file=file, data=answers, acting_user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def transition_intake_administrative(request, pk: int):
    """Page 1: what the worker filled in (paper or portal), reviewed and completed by the coach."""
    file = sel.file_get(user=request.user, pk=pk)
    existing = intake_sel.intake_section(file, request.user).intake
    initial = forms.CoachAdministrativeForm.initial_for(existing)
    form = forms.CoachAdministrativeForm(request.POST or None, initial=initial)
    page = FormPage(
        title=_("Administratief luik (blz. 1)"),
        rule="TRN-03",
        submit=_("Opslaan"),
        back=_file_url(file),
        intro=_(
            "Laat de werknemer dit blad zelf invullen, op papier of in het portaal: zo zie je "
            "zijn taalvaardigheid en zelfredzaamheid."
        ),
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=lambda d: _administrative_save(request, file, form, d),
        done=_file_url(file),
        success=_("Het administratieve luik is opgeslagen."),
        context={"file": file},
    )


def _starr_save(request, intake, note, data):
    starr = services.Starr(**data)
    if note is None:
        return services.starr_note_add(intake=intake, starr=starr, acting_user=request.user)
    return services.starr_note_update(note=note, starr=starr, acting_user=request.user)


def _starr_page(request, *, intake, note=None):
    file = intake.file
    organisation_id = file.trajectory.organisation_id
    initial = forms.StarrForm.initial_for(note) if note else {}
    form = forms.StarrForm(request.POST or None, initial=initial, organisation_id=organisation_id)
    page = FormPage(
        title=_("STARR-notitie"),
        rule="TRN-03",
        submit=_("Opslaan"),
        back=_file_url(file),
        intro=_(
            "Noteer wat de werknemer vertelde, per deel van STARR. Een onvolledige notitie "
            "blijft een concept."
        ),
        aside="transition/intake/_prompts.html",
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=lambda d: _starr_save(request, intake, note, d),
        done=_file_url(file),
        success=_("De STARR-notitie is opgeslagen."),
        context={"file": file, "prompts": intake_sel.prompts_for(organisation_id)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def transition_starr_new(request, pk: int):
    return _starr_page(request, intake=_intake(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def transition_starr_edit(request, pk: int):
    note = intake_sel.starr_note_get(user=request.user, pk=pk)
    return _starr_page(request, intake=note.intake, note=note)


@login_required
@require_http_methods(["GET", "POST"])
def transition_intake_decision(request, pk: int):
    """Start / no start after the intake."""
    intake = _intake(request, pk)
    initial = {"decided_on": timezone.localdate(), "decision": intake.decision or None}
    form = forms.DecisionForm(request.POST or None, initial=initial)
    page = FormPage(
        title=_("Beslissing na de intake"),
        rule="TRN-03",
        submit=_("Beslissing opslaan"),
        confirm=_("De beslissing na de intake opslaan?"),
        back=_file_url(intake.file),
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=lambda d: services.intake_decide(intake=intake, acting_user=request.user, **d),
        done=_file_url(intake.file),
        success=_("De beslissing is opgeslagen."),
        context={"file": intake.file},
    )


@login_required
@require_http_methods(["GET", "POST"])
def transition_intake_feedback(request, pk: int):
    """The selection fed back to the worker and the supervisors."""
    intake = _intake(request, pk)
    form = forms.FeedbackForm(request.POST or None, initial=forms.FeedbackForm.initial_for(intake))
    page = FormPage(
        title=_("Feedback over de selectie"),
        rule="TRN-03",
        submit=_("Opslaan"),
        back=_file_url(intake.file),
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=lambda d: services.intake_feedback(intake=intake, acting_user=request.user, **d),
        done=_file_url(intake.file),
        success=_("De feedback is opgeslagen."),
        context={"file": intake.file},
    )


@login_required
@require_http_methods(["GET", "POST"])
def transition_engagement(request, pk: int):
    """Both signatures of the engagement statement: the first milestone (TRN-01)."""
    intake = _intake(request, pk)
    initial = {
        "worker_on": intake.engagement_worker_signed_on or timezone.localdate(),
        "coach_on": intake.engagement_coach_signed_on or timezone.localdate(),
    }
    form = forms.EngagementForm(request.POST or None, initial=initial)
    page = FormPage(
        title=_("Engagementsverklaring ondertekend"),
        rule="TRN-03, TRN-01",
        submit=_("Handtekeningen opslaan"),
        back=_file_url(intake.file),
        confirm=_("Beide handtekeningen op de engagementsverklaring registreren?"),
        intro=_(
            "Druk de verklaring af, laat ze door de werknemer en de jobcoach tekenen en noteer hier wanneer."
        ),
    )
    return form_page(
        request,
        form=form,
        page=page,
        save=lambda d: engagement.engagement_sign(intake=intake, acting_user=request.user, **d),
        done=_file_url(intake.file),
        success=_("De engagementsverklaring is ondertekend: de eerste mijlpaal."),
        context={"file": intake.file},
    )


@object_post(
    load=_intake,
    page=lambda request, intake, rejected: redirect("transition_file", pk=intake.file_id),
    back=lambda intake: redirect(_file_url(intake.file)),
)
def transition_engagement_pdf(request, intake):
    document = intake_pdfs.engagement_pdf(intake=intake, acting_user=request.user)
    messages.success(request, _("De engagementsverklaring staat klaar bij de documenten."))
    return redirect("document_download", pk=document.pk)
