"""The billing pages and API paths that read client files, logged (`koers.core.access_log`): a
delivery batch (read for each dossier in it) and a dossier's audit pack. Hours, statements and
invoices are the coach's own administration and are not file reads."""

from django.utils.translation import gettext_lazy as _

from koers.billing.models import DeliveryBatch
from koers.core.access_log import FileRead
from koers.trajectories.models import Trajectory

BATCH = FileRead(
    "delivery_batch", _("zending dossiers"), DeliveryBatch, "dossiers__trajectory__client"
)
AUDIT_PACK = FileRead("audit_pack", _("auditpakket"), Trajectory, "client")

PAGES = {
    "billing_batch_detail": BATCH,
    "billing_batch_cover": BATCH,
    "billing_batch_state": BATCH,
    "billing_audit_pack": AUDIT_PACK,
}
API = {"billing/batches/{batch_id}": BATCH}
