"""What lead intake adds to a client file's history ("Geschiedenis", core/audit.py): the calls,
hand-overs and feedback of the leads that became this client and that the reader may see."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from koers.core.audit import HistorySource
from koers.core.models import Client, User
from koers.intake.models import CallOutcome, Handover, Lead, LeadFeedback


def lead_history_sources(*, user: User, client: Client) -> list[HistorySource]:
    lead_ids = list(
        Lead.objects.visible_to(user).filter(client=client).values_list("pk", flat=True)
    )
    of_leads = Q(lead_id__in=lead_ids)
    return [
        HistorySource(CallOutcome.history, of_leads, _("gesprek over een aanvraag")),
        HistorySource(Handover.history, of_leads, _("overdracht van een aanvraag")),
        HistorySource(LeadFeedback.history, of_leads, _("feedback over een aanvraag")),
    ]
