"""The voucher pages and API paths whose reads are logged (`koers.core.access_log`). Every URL
under a voucher names the voucher; a group session is read for each of its participants."""

from django.utils.translation import gettext_lazy as _

from koers.core.access_log import FileRead
from koers.vouchers.models import GroupSession, Voucher

VOUCHER = FileRead("voucher", _("loopbaancheque"), Voucher, "trajectory__client")
GROUP_SESSION = FileRead(
    "group_session", _("groepssessie"), GroupSession, "participants__voucher__trajectory__client"
)

_VOUCHER_PAGES = (
    "detail",
    "contact_create",
    "intake",
    "scope",
    "phase",
    "interim",
    "pop",
    "pop_finalise",
    "combined_pop",
    "document",
    "certificate",
    "aftercare",
    "aftercare_informed",
    "close",
    "code_of_conduct",
    "evaluation_letter",
    "evaluation_received",
    "video_consent",
    "group_feedback",
    "print",
)
PAGES = {f"voucher_{name}": VOUCHER for name in _VOUCHER_PAGES}
API = {"vouchers/{voucher_id}": VOUCHER, "group-sessions/{session_id}": GROUP_SESSION}
