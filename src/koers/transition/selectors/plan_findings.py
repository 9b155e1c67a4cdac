"""TRN-16: the assessment findings the PDP builds on — the agreed level per competence, the
growth points and the points of attention of each reported assessment of the worker.

Read here from the `AgreedLevel` / `SessionCandidate` rows; when the assessment area's
`selectors.assessment.assessment_findings(file)` lands, the PDP can read that instead."""

from dataclasses import dataclass, field
from datetime import date

from koers.transition import models as m


@dataclass(frozen=True)
class LevelRow:
    competence: str
    level: int
    label: str
    note: str


@dataclass
class Finding:
    session: str
    reported_on: date | None
    levels: list[LevelRow] = field(default_factory=list)
    growth_points: str = ""
    attention_points: str = ""


def plan_findings(file: m.TransitionFile) -> list[Finding]:
    """Each assessment of the worker, newest first (three queries whatever the number)."""
    candidates = list(
        m.SessionCandidate.objects.filter(file=file)
        .select_related("session")
        .prefetch_related("agreed_levels")
        .order_by("-reported_on", "-id")
    )
    names = dict(
        m.Competence.objects.filter(organisation_id=file.trajectory.organisation_id).values_list(
            "code", "name"
        )
    )
    labels = dict(m.SamLevel.choices)
    found = []
    for c in candidates:
        levels = [
            LevelRow(names.get(a.competence, a.competence), a.level, str(labels[a.level]), a.note)
            for a in sorted(c.agreed_levels.all(), key=lambda a: a.competence)
        ]
        if levels or c.growth_points or c.attention_points:
            found.append(
                Finding(
                    session=c.session.title,
                    reported_on=c.reported_on,
                    levels=levels,
                    growth_points=c.growth_points,
                    attention_points=c.attention_points,
                )
            )
    return found
