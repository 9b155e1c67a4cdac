"""LBC-21: the phases of a career-guidance trajectory, in order."""

from enum import StrEnum


class Phase(StrEnum):
    INTRODUCTION = "introduction"  # free, never counted (INT-08)
    INTAKE = "intake"
    DEEPENING = "deepening"
    ASSIGNMENTS = "assignments"
    SYNTHESIS = "synthesis"  # with the POP
    EVALUATION = "evaluation"
    AFTERCARE = "aftercare"


PHASE_LABELS: dict[Phase, str] = {
    Phase.INTRODUCTION: "Kennismaking (gratis)",
    Phase.INTAKE: "Intake",
    Phase.DEEPENING: "Verdiepende gesprekken",
    Phase.ASSIGNMENTS: "Opdrachten",
    Phase.SYNTHESIS: "Synthese met POP",
    Phase.EVALUATION: "Evaluatie",
    Phase.AFTERCARE: "Nazorg",
}

PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


def can_move(current: str, target: str) -> bool:
    """LBC-21: phases go forward; deepening and assignments alternate, so going back one step
    between those two is allowed."""
    order = [p.value for p in PHASE_ORDER]
    if current not in order or target not in order:
        return False
    i, j = order.index(current), order.index(target)
    return j > i or {current, target} == {Phase.DEEPENING, Phase.ASSIGNMENTS}
