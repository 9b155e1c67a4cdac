"""The billing API: hours, statements, coach administration, deliveries (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import aftercare, coaches, delivery, hours, statement_pdf

router = Router()
for part in (hours, coaches, delivery, statement_pdf, aftercare):
    router.add_router("/", part.router)
