"""TRN-04/05: an organisation's competence profile as its members read it — by group, each
competence with its indicator rows — and the observation form that holds it (one form for
intake, assessment, coaching and the internship evaluation)."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from koers.core.models import Organisation, OrganisationKind, User
from koers.documents.render import render_pdf
from koers.transition import models as m
from koers.transition.rules.competences import SAM_LABELS, Group, SamLevel


def profile_organisations(user: User) -> QuerySet[Organisation]:
    """The social-economy companies whose profile the user may read and edit (its members)."""
    found = Organisation.objects.filter(kind=OrganisationKind.SOCIAL_ECONOMY)
    if not user.is_administrator:
        found = found.filter(pk__in=user.organisation_ids())
    return found.order_by("name")


def profile_organisation_get(*, user: User, pk: int) -> Organisation:
    try:
        return profile_organisations(user).get(pk=pk)
    except Organisation.DoesNotExist:
        raise Http404 from None


def competences_of(organisation: Organisation, *, active_only: bool = False):
    rows = m.Competence.objects.filter(organisation=organisation)
    if active_only:
        rows = rows.filter(active=True)
    return rows.prefetch_related(
        Prefetch("indicators", queryset=m.IndicatorRow.objects.order_by("position", "id"))
    )


def competence_names(organisation_id: int) -> dict[str, str]:
    """code -> name, switched-off ones included (older observations may name them)."""
    return dict(
        m.Competence.objects.filter(organisation_id=organisation_id).values_list("code", "name")
    )


def competence_choices(organisation_id: int) -> list[tuple[str, str]]:
    """The competences now in the profile, in its order, for a select."""
    return list(
        m.Competence.objects.filter(organisation_id=organisation_id, active=True).values_list(
            "code", "name"
        )
    )


@dataclass(frozen=True)
class ProfileGroup:
    group: str
    label: str
    competences: list[m.Competence]


# The page's headings: the seed's words ("Extra competenties", where the model's choice says "Extra").
GROUP_HEADINGS = {
    Group.CORE: _("Kerncompetenties"),
    Group.ADDITIONAL: _("Bijkomende competenties"),
    Group.EXTRA: _("Extra competenties"),
}


def profile_groups(organisation: Organisation, *, active_only: bool = False) -> list[ProfileGroup]:
    rows = list(competences_of(organisation, active_only=active_only))
    return [
        ProfileGroup(
            g.value, str(m.CompetenceGroup(g.value).label), [c for c in rows if c.group == g.value]
        )
        for g in Group
    ]


def level_labels() -> list[str]:
    return [str(SAM_LABELS[level]) for level in SamLevel]


def competence_get(*, user: User, pk: int) -> m.Competence:
    try:
        return (
            m.Competence.objects.visible_to(user)
            .select_related("organisation")
            .prefetch_related("indicators")
            .get(pk=pk)
        )
    except m.Competence.DoesNotExist:
        raise Http404 from None


def indicator_get(*, user: User, pk: int) -> m.IndicatorRow:
    try:
        return m.IndicatorRow.objects.select_related("competence__organisation").get(
            pk=pk, competence__in=m.Competence.objects.visible_to(user)
        )
    except m.IndicatorRow.DoesNotExist:
        raise Http404 from None


def observation_form_pdf(organisation: Organisation) -> bytes:
    """TRN-05: the observation form with the profile now in force: per competence its
    definition, the indicator rows on the four SAM levels, room to note facts and a level."""
    context = {
        "centre": organisation,
        "groups": profile_groups(organisation, active_only=True),
        "levels": level_labels(),
        "today": timezone.localdate(),
    }
    return render_pdf("transition/pdf/observation_form.html", context)
