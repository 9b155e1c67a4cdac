"""The job coach's workers and one worker's file (TRN-01): every read starts from `visible_to`;
each page reads a fixed number of queries, whatever the number of files."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404

from koers.core.models import User
from koers.lib.rules import Reason
from koers.transition import models as m
from koers.transition.rules import phases
from koers.transition.selectors.facts import trajectory_facts
from koers.transition.selectors.file_sections import Section, file_sections

PER_PAGE = 25


def files_visible_to(user: User) -> QuerySet[m.TransitionFile]:
    return m.TransitionFile.objects.visible_to(user).select_related(
        "client", "trajectory", "trajectory__responsible"
    )


def files_filtered(*, user: User, query: str = "", phase: str = "") -> QuerySet[m.TransitionFile]:
    """The workers on the transition home page for its search `q` and phase `fase`, in the page's
    order: the page shows them a page at a time, the list export all at once."""
    files = files_visible_to(user)
    if query.strip():
        q = query.strip()
        files = files.filter(Q(client__last_name__icontains=q) | Q(client__first_name__icontains=q))
    if phase:
        files = files.filter(trajectory__phase=phase)
    return files.order_by("client__last_name", "client__first_name", "pk")


def file_list(*, user: User, query: str = "", phase: str = "", page: int | str = 1) -> Page:
    files = files_filtered(user=user, query=query, phase=phase)
    return Paginator(files, PER_PAGE).get_page(page)


def phase_choices() -> list[tuple[str, str]]:
    return [(p.value, f"{p.value} {phases.PHASE_LABELS[p]}") for p in phases.ORDER]


def phase_label(phase: str) -> str:
    return str(phases.PHASE_LABELS[phases.Phase(phase)]) if phase else ""


def file_get(*, user: User, pk: int) -> m.TransitionFile:
    try:
        return files_visible_to(user).get(pk=pk)
    except m.TransitionFile.DoesNotExist:
        raise Http404 from None


@dataclass(frozen=True)
class PhaseStep:
    phase: phases.Phase
    label: str
    main: str
    reached: bool
    current: bool


@dataclass
class FilePage:
    file: m.TransitionFile
    position: phases.Position | None
    steps: list[PhaseStep]
    worker_word: str
    coach_role: str
    milestone_warnings: tuple[Reason, ...]
    sections: list[Section] = field(default_factory=list)


def _steps(position: phases.Position | None) -> list[PhaseStep]:
    reached_index = phases.ORDER.index(position.phase) if position else -1
    return [
        PhaseStep(
            phase=p,
            label=str(phases.PHASE_LABELS[p]),
            main=phases.main_phase(p),
            reached=i <= reached_index,
            current=position is not None and p == position.phase,
        )
        for i, p in enumerate(phases.ORDER)
    ]


def file_page(*, user: User, pk: int) -> FilePage:
    """The file with where the worker is: the phases of TRN-01, the current one marked."""
    file = file_get(user=user, pk=pk)
    facts = trajectory_facts(file)
    position = phases.phase_of(facts)
    phase = position.phase if position else phases.Phase.READY
    return FilePage(
        file=file,
        position=position,
        steps=_steps(position),
        worker_word=phases.worker_word(phase),
        coach_role=phases.ROLE_LABELS[phases.coach_role(phase)],
        milestone_warnings=phases.milestone_warnings(facts),
        sections=file_sections(file, user),
    )
