"""Intensive mediation (MED): a service is a trajectory of the "mediation" programme plus these facts.

`choices` (values from the rule modules), `service` (the service), `appointments` (the referral
appointments), `file` (what the file holds and the partner's tender settings), `deadlines` (the
deadlines of "klanten opvolgen", kept as rows).
"""

from koers.mediation.models.appointments import FirstAppointment
from koers.mediation.models.choices import (
    AbsenceReason,
    Advice,
    AppointmentKind,
    AppointmentOutcome,
    ClosingReason,
    ClosingWay,
    FollowUpReason,
    LadderState,
    ReturnTo,
    SendBy,
    ServiceState,
    Tender,
    TrainingKind,
)
from koers.mediation.models.deadlines import ServiceDeadline
from koers.mediation.models.file import (
    AgreementSheet,
    ContactCheck,
    MonthEndCategory,
    ProjectFollowUpContact,
    TenderSetting,
    TrainingRegistration,
)
from koers.mediation.models.service import MediationService, ServiceQuerySet

__all__ = [
    "AbsenceReason",
    "Advice",
    "AgreementSheet",
    "AppointmentKind",
    "AppointmentOutcome",
    "ClosingReason",
    "ClosingWay",
    "ContactCheck",
    "FirstAppointment",
    "FollowUpReason",
    "LadderState",
    "MediationService",
    "MonthEndCategory",
    "ProjectFollowUpContact",
    "ReturnTo",
    "SendBy",
    "ServiceDeadline",
    "ServiceQuerySet",
    "ServiceState",
    "Tender",
    "TenderSetting",
    "TrainingKind",
    "TrainingRegistration",
]
