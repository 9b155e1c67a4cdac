"""Leads (INT-01..08), coach unavailability (INT-05), lead feedback (INT-07), the centre's branding
and e-mail templates (INT-04, COM-01) and recorded communication checks (COM-02)."""

from koers.intake.models.branding import (
    CentreBranding,
    CommunicationCheck,
    EmailTemplate,
    TemplateKind,
    logo_upload_to,
)
from koers.intake.models.calls import (
    AckChannel,
    Acknowledgement,
    CallKind,
    CallOutcome,
    Introduction,
)
from koers.intake.models.centre import (
    CalendarFeed,
    CoachUnavailability,
    FeedbackField,
    FieldKind,
    LeadFeedback,
)
from koers.intake.models.leads import (
    Handover,
    Lead,
    LeadChannel,
    LeadQuerySet,
    LeadState,
    ReachableWindow,
    Routing,
)

__all__ = [
    "AckChannel",
    "Acknowledgement",
    "CalendarFeed",
    "CallKind",
    "CallOutcome",
    "CentreBranding",
    "CoachUnavailability",
    "CommunicationCheck",
    "EmailTemplate",
    "FeedbackField",
    "FieldKind",
    "Handover",
    "Introduction",
    "Lead",
    "LeadChannel",
    "LeadFeedback",
    "LeadQuerySet",
    "LeadState",
    "ReachableWindow",
    "Routing",
    "TemplateKind",
    "logo_upload_to",
]
