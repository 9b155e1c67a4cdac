"""The transition pages and API paths whose reads are logged (`koers.core.access_log`). An
assessment session or a kick-off is read for each worker in it. The competence profile, the
PDP questions, employers, checklists and KPI exports belong to the company, not to a file."""

from django.utils.translation import gettext_lazy as _

from koers.core.access_log import FileRead
from koers.transition.models import (
    Activity,
    AssessmentSession,
    KickOff,
    Measure,
    Observation,
    Placement,
    SessionCandidate,
    StarrNote,
    TransitionFile,
)

FILE = FileRead("transition", _("doorstroomdossier"), TransitionFile, "client")
NOTE = FileRead("starr_note", _("STARR-notitie"), StarrNote, "intake__file__client")
KICK_OFF = FileRead("kick_off", _("kick-off"), KickOff, "invitees__file__client")
MEASURE = FileRead("measure", _("maatregel"), Measure, "file__client")
PLACEMENT = FileRead("placement", _("doorstroom"), Placement, "file__client")
ACTIVITY = FileRead("activity", _("actie"), Activity, "file__client")
SESSION = FileRead("assessment", _("assessment"), AssessmentSession, "candidates__file__client")
CANDIDATE = FileRead("candidate", _("kandidaat"), SessionCandidate, "file__client")
OBSERVATION = FileRead("observation", _("waarneming"), Observation, "candidate__file__client")

_FILE_PAGES = (
    "file",
    "referral_edit",
    "dialogue",
    "invite",
    "invitation_pdf",
    "call_off",
    "intake",
    "intake_administrative",
    "starr_new",
    "intake_decision",
    "intake_feedback",
    "engagement",
    "engagement_pdf",
    "measure_new",
    "placement_new",
    "left_for_training",
    "plan",
    "plan_version",
    "plan_review",
    "plan_pdf",
    "activity_add",
    "activity_log",
    "portfolio",
)
_MEASURE_PAGES = ("", "_documents", "_start", "_evaluate", "_close", "_cancel", "_checklist")
_SESSION_PAGES = ("", "_task_add", "_candidate_add", "_assessor_add", "_observation_add")
_CANDIDATE_PAGES = ("", "_proposal", "_agreed", "_report", "_report_make")

PAGES = {
    **{f"transition_{name}": FILE for name in _FILE_PAGES},
    **{f"transition_measure{name}": MEASURE for name in _MEASURE_PAGES},
    **{f"transition_session{name}": SESSION for name in _SESSION_PAGES},
    **{f"transition_candidate{name}": CANDIDATE for name in _CANDIDATE_PAGES},
    "transition_starr_edit": NOTE,
    "transition_kick_off": KICK_OFF,
    "transition_placement": PLACEMENT,
    "transition_followup_add": PLACEMENT,
    "transition_activity_delete": ACTIVITY,
    "transition_observation_classify": OBSERVATION,
}
API = {
    "transition/files/{file_id}": FILE,
    "transition/measures/{measure_id}": MEASURE,
    "transition/placements/{placement_id}": PLACEMENT,
    "transition/assessment/sessions/{session_id}": SESSION,
    "transition/assessment/candidates/{candidate_id}": CANDIDATE,
    "transition/kick-offs/{kick_off_id}": KICK_OFF,
}
