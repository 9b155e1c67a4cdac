"""The billing API: hours, statements, coach administration, deliveries, invoices (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import aftercare, coaches, delivery, hours, invoices, statement_pdf
from koers.billing.api import exports as exports_api

router = Router()
for part in (hours, coaches, delivery, statement_pdf, aftercare, invoices, exports_api):
    router.add_router("/", part.router)
