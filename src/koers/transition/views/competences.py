"""TRN-04/05: the competence profile of a social-economy company ("Competentieprofiel"), for
its members: the first visit seeds it; competences switched off or on, the company's own added,
definitions and indicator rows edited; and the printable observation form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.core.form_pages import REJECTED_STATUS, object_post, submitted
from koers.transition.forms import competences as forms
from koers.transition.selectors import competences as sel
from koers.transition.services import competences as services


def _org(request, pk):
    return sel.profile_organisation_get(user=request.user, pk=pk)


def _profile(request, organisation, rejected=None):
    services.profile_ensure(organisation, acting_user=request.user)
    context = {
        "organisation": organisation,
        "organisations": sel.profile_organisations(request.user),
        "groups": sel.profile_groups(organisation),
        "add_form": rejected.form if rejected else forms.CompetenceAddForm(),
    }
    status = REJECTED_STATUS if rejected else 200
    return render(request, "transition/profile.html", context, status=status)


@login_required
@require_GET
def transition_profile_index(request):
    first = sel.profile_organisations(request.user).first()
    if first is not None:
        return redirect("transition_profile", pk=first.pk)
    return render(request, "transition/profile.html", {"organisation": None})


@login_required
@require_GET
def transition_profile(request, pk: int):
    return _profile(request, _org(request, pk))


@object_post(
    load=_org,
    page=_profile,
    back=lambda org: redirect("transition_profile", pk=org.pk),
)
def transition_profile_competence_add(request, organisation):
    form = forms.CompetenceAddForm(request.POST)
    with submitted(form, "add_form") as data:
        competence = services.competence_add(
            organisation=organisation, acting_user=request.user, **data
        )
    messages.success(request, _("%(name)s staat in het profiel.") % {"name": competence.name})


@login_required
@require_GET
def transition_observation_form(request, pk: int):
    pdf = sel.observation_form_pdf(_org(request, pk))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="observatieformulier.pdf"'
    return response


# ---- one competence -------------------------------------------------------------------------------


def _competence(request, pk):
    return sel.competence_get(user=request.user, pk=pk)


def _competence_page(request, competence, rejected=None, about=None):
    rows = list(competence.indicators.all())
    context = {
        "competence": competence,
        "levels": sel.level_labels(),
        "edit_form": forms.CompetenceEditForm(
            initial={"name": competence.name, "definition": competence.definition}
        ),
        "row_forms": [
            (row, forms.IndicatorForm(initial=_texts(row), prefix=f"r{row.pk}")) for row in rows
        ],
        "add_form": forms.IndicatorForm(prefix="new"),
    }
    if rejected and about is not None:
        context["row_forms"] = [
            (r, rejected.form if r.pk == about.pk else f) for r, f in context["row_forms"]
        ]
    elif rejected:
        context[rejected.name] = rejected.form
    return render(
        request,
        "transition/competence.html",
        context,
        status=REJECTED_STATUS if rejected else 200,
    )


def _texts(row) -> dict:
    return {
        "insufficient": row.insufficient,
        "moderate": row.moderate,
        "good": row.good,
        "very_good": row.very_good,
    }


@login_required
@require_GET
def transition_competence(request, pk: int):
    return _competence_page(request, _competence(request, pk))


competence_action = object_post(
    load=_competence,
    page=_competence_page,
    back=lambda c: redirect("transition_competence", pk=c.pk),
)


@object_post(
    load=_competence,
    page=_competence_page,
    back=lambda c: redirect("transition_profile", pk=c.organisation_id),
)
def transition_competence_toggle(request, competence):
    form = forms.ActiveForm(request.POST)
    with submitted(form, "active_form") as data:
        services.competence_update(competence, active=data["active"], acting_user=request.user)


@competence_action
def transition_competence_edit(request, competence):
    form = forms.CompetenceEditForm(request.POST)
    with submitted(form, "edit_form") as data:
        services.competence_update(
            competence,
            name=data["name"] or None,
            definition=data["definition"],
            acting_user=request.user,
        )
    messages.success(request, _("De definitie is bewaard."))


@competence_action
def transition_indicator_add(request, competence):
    form = forms.IndicatorForm(request.POST, prefix="new")
    with submitted(form, "add_form") as data:
        services.indicator_add(
            competence=competence, texts=services.RowTexts(**data), acting_user=request.user
        )
    messages.success(request, _("De rij gedragsindicatoren is toegevoegd."))


def _row(request, pk):
    return sel.indicator_get(user=request.user, pk=pk)


@object_post(
    load=_row,
    page=lambda request, row, rejected: _competence_page(
        request, _competence(request, row.competence_id), rejected, about=row
    ),
    back=lambda row: redirect("transition_competence", pk=row.competence_id),
)
def transition_indicator_edit(request, row):
    form = forms.IndicatorForm(request.POST, prefix=f"r{row.pk}")
    with submitted(form, "row_form") as data:
        services.indicator_update(
            row=row, texts=services.RowTexts(**data), acting_user=request.user
        )
    messages.success(request, _("De rij gedragsindicatoren is bewaard."))
