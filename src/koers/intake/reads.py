"""The lead pages and API paths whose reads are logged (`koers.core.access_log`): a lead's file
is logged under its client once it became one, under the lead itself before."""

from django.utils.translation import gettext_lazy as _

from koers.core.access_log import FileRead
from koers.intake.models import Lead
from koers.trajectories.reads import CONTACT

LEAD = FileRead("lead", _("aanvraag"), Lead, "client")

PAGES = {
    "intake_lead_detail": LEAD,
    "intake_lead_acknowledge": LEAD,
    "intake_lead_call": LEAD,
    "intake_lead_feedback": LEAD,
    "intake_lead_assign": LEAD,
    "intake_lead_route": LEAD,
    "intake_lead_convert": LEAD,
    "intake_lead_introduction_ics": LEAD,
    "intake_contact_ics": CONTACT,
}
API = {"leads/{lead_id}": LEAD}
