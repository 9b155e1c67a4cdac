"""The billing API: hours, statements, coach administration, deliveries (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import coaches, delivery, hours, statement_pdf

router = Router()
for part in (hours, coaches, delivery, statement_pdf):
    router.add_router("/", part.router)
