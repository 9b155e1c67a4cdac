"""TRN-06/16: the assessment centre — the sessions of the user's organisations, a new session,
one session's page (tasks, candidates, assessors, the seed's advice as warnings, the notes and the
comparison of the assessors' proposals)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.core.form_pages import (
    REJECTED_STATUS,
    FormRejected,
    distinct_ids,
    object_post,
    submitted,
)
from koers.transition.forms import assessment as forms
from koers.transition.selectors import assessment as sel
from koers.transition.selectors.competences import competence_choices, profile_organisations
from koers.transition.services import assessment as services
from koers.transition.services import assessment_levels as levels


def warn(request, warnings) -> None:
    """The seed's advice: shown after the save, never a block."""
    for w in warnings:
        messages.warning(request, f"{w.message} ({w.rule})")


@login_required
@require_GET
def transition_sessions(request):
    query = request.GET.get("q", "")
    page = sel.session_list(user=request.user, query=query, page=request.GET.get("page", 1))
    return render(request, "transition/sessions.html", {"page": page, "query": query})


@login_required
def transition_session_new(request):
    organisations = profile_organisations(request.user)
    form = forms.SessionForm(request.POST or None, organisations=organisations)
    if request.method == "POST":
        try:
            with submitted(form, "form") as data:
                session = services.session_create(
                    data=services.SessionData(**data), acting_user=request.user
                )
                return redirect("transition_session", pk=session.pk)
        except FormRejected:
            pass
    status = REJECTED_STATUS if form.is_bound else 200
    return render(request, "transition/session_new.html", {"form": form}, status=status)


def _session(request, pk):
    return sel.session_get(user=request.user, pk=pk)


def session_forms(request, p: sel.SessionPage) -> dict:
    competences = competence_choices(p.session.organisation_id)
    return {
        "task_form": forms.TaskForm(competences=competences),
        "candidate_form": forms.CandidateForm(
            files=sel.candidate_file_choices(request.user, p.session)
        ),
        "assessor_form": forms.AssessorForm(users=sel.new_assessor_choices(p.session)),
        "observation_form": forms.ObservationForm(
            candidates=[(c.pk, str(c.file.client)) for c in p.candidates],
            tasks=[(t.pk, f"{t.name} ({t.day:%d/%m})") for t in p.tasks],
            competences=competences,
        ),
        "competences": competences,
    }


def session_page(request, session, rejected=None, about=None):
    p = sel.session_page(user=request.user, pk=session.pk)
    context = {"p": p, **session_forms(request, p)}
    if rejected and about is not None:
        context["classify_errors"] = {about.pk: rejected.form.errors.get("competence", [])}
    elif rejected:
        if rejected.name == "observation_form":  # parsed with the posted ids: show the names
            for name in ("candidate", "task"):
                fresh = context["observation_form"].fields[name].choices
                rejected.form.fields[name].choices = fresh
        context[rejected.name] = rejected.form
    status = REJECTED_STATUS if rejected else 200
    return render(request, "transition/session.html", distinct_ids(context), status=status)


@login_required
@require_GET
def transition_session(request, pk: int):
    return session_page(request, _session(request, pk))


session_action = object_post(
    load=_session,
    page=session_page,
    back=lambda s: redirect("transition_session", pk=s.pk),
)


@session_action
def transition_session_task_add(request, session):
    form = forms.TaskForm(request.POST, competences=competence_choices(session.organisation_id))
    with submitted(form, "task_form") as data:
        _task, warnings = services.task_add(
            session=session, data=services.TaskData(**data), acting_user=request.user
        )
    messages.success(request, _("De proef is toegevoegd."))
    warn(request, warnings)


@session_action
def transition_session_candidate_add(request, session):
    form = forms.CandidateForm(
        request.POST, files=sel.candidate_file_choices(request.user, session)
    )
    with submitted(form, "candidate_form") as data:
        _c, warnings = services.candidate_add(
            session=session, file=data["file"], acting_user=request.user
        )
    messages.success(request, _("De kandidaat neemt deel aan de sessie."))
    warn(request, warnings)


@session_action
def transition_session_assessor_add(request, session):
    form = forms.AssessorForm(request.POST, users=sel.new_assessor_choices(session))
    with submitted(form, "assessor_form") as data:
        _a, warnings = services.assessor_add(
            session=session, user=data["user"], acting_user=request.user
        )
    messages.success(request, _("De assessor is toegevoegd."))
    warn(request, warnings)


def _observation_form(request, session):
    # Any candidate id and task id parse: the service decides whether they belong to the session
    # (TRN-06: an observation on a candidate outside the session is refused by the rule).
    ids = request.POST.get("candidate", ""), request.POST.get("task", "")
    return forms.ObservationForm(
        request.POST,
        candidates=[(ids[0], ids[0])],
        tasks=[(ids[1], ids[1])] if ids[1] else [],
        competences=competence_choices(session.organisation_id),
    )


@session_action
def transition_session_observation_add(request, session):
    form = _observation_form(request, session)
    with submitted(form, "observation_form") as data:
        _o, warnings = levels.observation_add(
            session=session,
            candidate_id=data["candidate"],
            task_id=data["task"],
            text=data["text"],
            competence=data["competence"],
            acting_user=request.user,
        )
    messages.success(request, _("De waarneming is genoteerd."))
    warn(request, warnings)


def _observation(request, pk):
    return sel.observation_get(user=request.user, pk=pk)


@object_post(
    load=_observation,
    page=lambda request, o, rejected: session_page(request, o.session, rejected, about=o),
    back=lambda o: redirect(reverse("transition_session", args=[o.session_id]) + "#waarnemingen"),
)
def transition_observation_classify(request, observation):
    form = forms.ClassifyForm(
        request.POST, competences=competence_choices(observation.session.organisation_id)
    )
    with submitted(form, "classify_form") as data:
        levels.observation_classify(
            observation=observation, competence=data["competence"], acting_user=request.user
        )
    if request.POST.get("back") == "candidate":
        return redirect("transition_candidate", pk=observation.candidate_id)
    return None
