"""Assignments: work points with a deadline, within a trajectory."""

from dataclasses import asdict, dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.trajectories.models import Assignment, AssignmentStatus, Trajectory


@dataclass
class AssignmentData:
    title: str
    description: str = ""
    deadline: date | None = None
    status: str = AssignmentStatus.OPEN
    evaluation: str = ""

    @classmethod
    def of(cls, assignment: Assignment) -> "AssignmentData":
        return cls(**{name: getattr(assignment, name) for name in cls.__dataclass_fields__})


def _assignment_validate(data: AssignmentData, trajectory: Trajectory) -> None:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = [_("Geef de opdracht een titel.")]
    if data.status not in AssignmentStatus.values:
        errors["status"] = [_("Kies een status uit de lijst.")]
    if data.deadline and data.deadline < trajectory.start_date:
        errors["deadline"] = [_("De deadline ligt vóór de start van het traject.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def assignment_create(
    *, trajectory: Trajectory, data: AssignmentData, acting_user: User
) -> Assignment:
    _assignment_validate(data, trajectory)
    assignment = Assignment(trajectory=trajectory, created_by=acting_user, **asdict(data))
    return save_with_user(assignment, acting_user)


@transaction.atomic
def assignment_update(
    *, assignment: Assignment, data: AssignmentData, acting_user: User
) -> Assignment:
    # Two edits at once: the second is checked against (and overwrites) what the first saved,
    # never a copy read before it.
    assignment = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("trajectory")
        .get(pk=assignment.pk)
    )
    _assignment_validate(data, assignment.trajectory)
    for name, value in asdict(data).items():
        setattr(assignment, name, value)
    return save_with_user(assignment, acting_user)
