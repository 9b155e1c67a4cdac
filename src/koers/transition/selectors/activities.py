"""TRN-08: a worker's activity log, portfolio and VDAB status, as the file page and the API read
them (a fixed number of queries whatever the number of actions)."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.http import Http404

from koers.core.models import User
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import actions as rules

RECENT = 10
PER_PAGE = 25
TRAINING_LABELS = {t.key: str(t.label) for t in rules.TRAININGS}
PORTFOLIO_LABELS = {p.value: str(label) for p, label in rules.PORTFOLIO_LABELS.items()}
JOB_CENTER_II_QUESTIONS = tuple(str(q) for q in rules.JOB_CENTER_II_QUESTIONS)


def activities_of(file: m.TransitionFile) -> QuerySet[m.Activity]:
    return m.Activity.objects.filter(file=file).select_related("employer", "by")


def activity_get(*, user: User, pk: int) -> m.Activity:
    found = (
        m.Activity.objects.visible_to(user)
        .select_related("file__trajectory", "file__client")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


def _labelled(activities) -> list[m.Activity]:
    found = list(activities)
    for a in found:
        a.training_label = training_label(a.training)
    return found


def activity_log(file: m.TransitionFile, page: int | str = 1) -> Page:
    found = Paginator(activities_of(file).order_by("-on", "-id"), PER_PAGE).get_page(page)
    found.object_list = _labelled(found.object_list)
    return found


def employers_for(file: m.TransitionFile) -> QuerySet[m.Employer]:
    return m.Employer.objects.filter(organisation_id=file.trajectory.organisation_id)


def training_label(key: str) -> str:
    return TRAINING_LABELS.get(key, key)


@dataclass
class ActivitiesSection:
    file: m.TransitionFile
    recent: list[m.Activity]
    total: int
    counts: list[tuple[str, int]]
    portfolio: list[str]
    reminders: list[Reason] = field(default_factory=list)
    job_center_questions: tuple[str, ...] = JOB_CENTER_II_QUESTIONS
    forms: dict = field(default_factory=dict)


def reminders_of(file: m.TransitionFile, has_actions: bool) -> list[Reason]:
    found = [rules.portfolio_reminder(file.portfolio or [])]
    if has_actions:  # TRN-08: once application actions start
        found.append(rules.vdab_status_reminder(file.vdab_status or None))
    return [r for r in found if r is not None]


def activities_section(file: m.TransitionFile, user: User | None = None) -> ActivitiesSection:
    from koers.transition.forms.activities import ActivityForm, PortfolioForm

    labels = dict(m.ActivityKind.choices)
    per_kind = dict(
        m.Activity.objects.filter(file=file)
        .values_list("kind")
        .annotate(n=Count("id"))
        .values_list("kind", "n")
    )
    total = sum(per_kind.values())
    return ActivitiesSection(
        file=file,
        recent=_labelled(activities_of(file).order_by("-on", "-id")[:RECENT]),
        total=total,
        counts=[(str(labels[k]), per_kind[k]) for k in m.ActivityKind.values if k in per_kind],
        portfolio=[PORTFOLIO_LABELS[p] for p in file.portfolio or [] if p in PORTFOLIO_LABELS],
        reminders=reminders_of(file, total > 0),
        forms={
            "activity_form": ActivityForm(employers=employers_for(file)),
            "delete_form": None,  # shown again only when a removal was refused
            "portfolio_form": PortfolioForm(
                initial={"portfolio": file.portfolio, "vdab_status": file.vdab_status}
            ),
        },
    )
