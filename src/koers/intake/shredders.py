"""What the intake programme holds of a lead (and, once converted, of the client), and the
retention of leads that never became a client (see `koers.privacy.shredding`)."""

from django.utils.translation import gettext_lazy as _

from koers.intake.models import (
    Acknowledgement,
    CallOutcome,
    Handover,
    Introduction,
    Lead,
    LeadFeedback,
    ReachableWindow,
    Routing,
)
from koers.privacy.shredding import ERASED, ModelShredder, RetentionRule, SubjectKind

LEAD = {"lead": "lead_id", "client": "lead__client_id"}


def _find_lead(user, pk: int) -> Lead | None:
    return Lead.objects.visible_to(user).filter(pk=pk).first()


SUBJECT_KINDS = [
    SubjectKind(
        kind="lead",
        label=_("aanvraag"),
        find=_find_lead,
        organisation_id=lambda lead: lead.organisation_id,
    )
]

SHREDDERS = [
    ModelShredder(ReachableWindow, paths=LEAD, keep="Enkel dagen en uren van bereikbaarheid."),
    ModelShredder(
        Routing, paths=LEAD, keep="Waarom welke coach: over de coaches, niet de persoon."
    ),
    ModelShredder(Handover, paths=LEAD, erase=("note",)),
    ModelShredder(Acknowledgement, paths=LEAD, erase=("text",)),
    ModelShredder(CallOutcome, paths=LEAD, erase=("note",)),
    ModelShredder(Introduction, paths=LEAD, keep="Vorm en plaats van het kennismakingsgesprek."),
    ModelShredder(LeadFeedback, paths=LEAD, erase=("answers",)),
    ModelShredder(
        Lead,
        paths={"lead": "pk", "client": "client_id"},
        erase=("email", "phone", "postal_code", "career_question", "channel_other", "fingerprint"),
        replace={"first_name": ERASED, "last_name": ERASED},
        keep="De aanvraag blijft als feit (kanaal, datum, toestand) voor de marketingcijfers.",
    ),
]


def _leads_not_converted(cutoff):
    return Lead.objects.filter(client__isnull=True, created_at__lt=cutoff).values_list(
        "pk", flat=True
    )


RETENTION_RULES = [
    RetentionRule(
        kind="lead_not_converted",
        label=_("Aanvragen die nooit cliënt werden"),
        subject="lead",
        setting="KOERS_RETENTION_LEAD_DAYS",
        due=_leads_not_converted,
        keep=_("Kanaal, datum en toestand blijven voor de marketingcijfers, zonder naam."),
    )
]
