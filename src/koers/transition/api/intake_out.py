"""The intake and kick-off as the API answers them (from the selectors' section)."""

from koers.transition import models as m

INTAKE_FIELDS = (
    "id",
    "file_id",
    "held_on",
    "coach_id",
    "second_coach_id",
    "second_coach_independent",
    "administrative",
    "administrative_by_worker",
    "administrative_via_portal",
    "administrative_completed",
    "language_observation",
    "motivation",
    "decision",
    "decided_on",
    "decision_reason",
    "feedback_worker_on",
    "feedback_supervisors_on",
    "feedback_text",
    "engagement_worker_signed_on",
    "engagement_coach_signed_on",
    "engagement_document_id",
)
STARR_FIELDS = ("id", "competence", "situation", "task", "action", "result", "reflection")


def reasons_out(reasons) -> list[dict]:
    return [{"rule": r.rule, "message": r.message} for r in reasons]


def intake_out(section) -> dict:
    intake = section.intake
    return {
        **{name: getattr(intake, name) for name in INTAKE_FIELDS},
        "engagement_signed_on": section.engagement_signed_on,
        "warnings": reasons_out(section.warnings),
        "feedback_missing": reasons_out(section.feedback_missing),
    }


def notes_out(section) -> list[dict]:
    return [
        {**{n: getattr(line.note, n) for n in STARR_FIELDS}, "missing": reasons_out(line.missing)}
        for line in section.notes
    ]


def kick_off_out(kick_off: m.KickOff, invitees, warnings=()) -> dict:
    return {
        "id": kick_off.pk,
        "organisation_id": kick_off.organisation_id,
        "held_on": kick_off.held_on,
        "place": kick_off.place,
        "note": kick_off.note,
        "invitees": [
            {"file_id": i.file_id, "supervisors_invited": i.supervisors_invited} for i in invitees
        ],
        "warnings": reasons_out(warnings),
    }
