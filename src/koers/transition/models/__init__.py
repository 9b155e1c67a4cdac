"""Social-economy transition (TRN): a worker's transition file is a trajectory of the
"transition" programme plus these facts.

`choices` (values from the rule modules), `file` (the file and referral), `intake` (intake,
STARR, kick-off), `competences` (the profile), `assessment` (the assessment centre),
`activities` (actions, employers), `measures` (BVS/TBS/IBO/ACTIVA), `followup` (transition and
its checkpoints), `checklist` (organisation readiness).
"""

from koers.transition.models.activities import Activity, Employer, EmployerContact
from koers.transition.models.assessment import (
    AgreedLevel,
    AssessmentSession,
    AssessmentTask,
    LevelProposal,
    Observation,
    SessionAssessor,
    SessionCandidate,
)
from koers.transition.models.checklist import ChecklistFilling
from koers.transition.models.choices import (
    ActivityKind,
    CallOffGround,
    Checkpoint,
    CompetenceGroup,
    Decision,
    Destination,
    EmployerContactKind,
    EvaluationKind,
    FollowupStatus,
    MeasureKind,
    MeasureState,
    Proposer,
    ReferralState,
    SamLevel,
    TrainingForm,
    VdabStatus,
)
from koers.transition.models.competences import Competence, IndicatorRow
from koers.transition.models.file import TransitionFile, TransitionSettings
from koers.transition.models.followup import FollowupRecord, Placement
from koers.transition.models.intake import Intake, KickOff, KickOffInvitee, StarrNote
from koers.transition.models.kpi_export import KpiExport, KpiExportStatus
from koers.transition.models.kpi_memo import KpiMemo, KpiStamp
from koers.transition.models.measures import Measure, MeasureEvaluation
from koers.transition.models.reminders import FollowupReminder

__all__ = [
    "Activity",
    "ActivityKind",
    "AgreedLevel",
    "AssessmentSession",
    "AssessmentTask",
    "CallOffGround",
    "ChecklistFilling",
    "Checkpoint",
    "Competence",
    "CompetenceGroup",
    "Decision",
    "Destination",
    "Employer",
    "EmployerContact",
    "EmployerContactKind",
    "EvaluationKind",
    "FollowupRecord",
    "FollowupReminder",
    "FollowupStatus",
    "IndicatorRow",
    "Intake",
    "KickOff",
    "KickOffInvitee",
    "KpiExport",
    "KpiExportStatus",
    "KpiMemo",
    "KpiStamp",
    "LevelProposal",
    "Measure",
    "MeasureEvaluation",
    "MeasureKind",
    "MeasureState",
    "Observation",
    "Placement",
    "Proposer",
    "ReferralState",
    "SamLevel",
    "SessionAssessor",
    "SessionCandidate",
    "StarrNote",
    "TrainingForm",
    "TransitionFile",
    "TransitionSettings",
    "VdabStatus",
]
