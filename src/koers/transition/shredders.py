"""What the transition programme holds of a client (the worker in social economy): the file,
the intake, assessments, measures, placements and their follow-up (see
`koers.privacy.shredding`). Employers and their contact people are not subjects here."""

from koers.privacy.shredding import ModelShredder
from koers.transition.models import (
    Activity,
    AgreedLevel,
    EmployerContact,
    FollowupRecord,
    FollowupReminder,
    Intake,
    KickOffInvitee,
    LevelProposal,
    Measure,
    MeasureEvaluation,
    Observation,
    Placement,
    SessionCandidate,
    StarrNote,
    TransitionFile,
)

FILE = {"client": "file__client_id"}
CANDIDATE = {"client": "candidate__file__client_id"}
EMPLOYER = "Over de werkgever (bedrijf en contactpersoon), niet over de werknemer."

SHREDDERS = [
    ModelShredder(
        TransitionFile,
        paths={"client": "client_id"},
        erase=("why", "dialogue", "supervisors", "job_target", "pretext_signals", "portfolio")
        + ("call_off_reason",),
        kept_fields=("proposer_name",),
        keep="Het dossier blijft als feit (data, fasen) voor de financier; wie voorstelde is "
        "een begeleider, geen betrokkene.",
    ),
    ModelShredder(Activity, paths=FILE, erase=("note", "vacancy")),
    ModelShredder(
        SessionCandidate,
        paths=FILE,
        erase=("growth_points", "attention_points", "compared_with_intake"),
    ),
    ModelShredder(Observation, paths=CANDIDATE, erase=("text",)),
    ModelShredder(LevelProposal, paths=CANDIDATE, keep="Enkel competentie en niveau."),
    ModelShredder(AgreedLevel, paths=CANDIDATE, erase=("note",)),
    ModelShredder(
        Measure,
        paths=FILE,
        erase=("task_description", "c4_text", "note"),
        kept_fields=("mentor",),
        keep="De maatregel blijft als feit (soort, data); de mentor is een werkgever.",
    ),
    ModelShredder(
        MeasureEvaluation, paths={"client": "measure__file__client_id"}, erase=("remarks",)
    ),
    ModelShredder(Placement, paths=FILE, erase=("note",), kept_fields=("employer_name",)),
    ModelShredder(
        FollowupRecord,
        paths={"client": "placement__file__client_id"},
        erase=("note",),
        kept_fields=("employer_name",),
    ),
    ModelShredder(
        FollowupReminder, paths={"client": "placement__file__client_id"}, keep="Enkel ids."
    ),
    ModelShredder(
        Intake,
        paths=FILE,
        erase=("administrative", "language_observation", "motivation", "decision_reason")
        + ("feedback_text",),
    ),
    ModelShredder(
        StarrNote,
        paths={"client": "intake__file__client_id"},
        erase=("situation", "task", "action", "result", "reflection"),
    ),
    ModelShredder(KickOffInvitee, paths=FILE, erase=("supervisors_invited",)),
    ModelShredder(
        EmployerContact, paths={"client": "files__client_id"}, kept_fields=("note",), keep=EMPLOYER
    ),
]
