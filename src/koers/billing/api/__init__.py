"""The billing API: hours, statements, coach administration, deliveries, invoices (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import coaches, delivery, hours, invoices

router = Router()
for part in (hours, coaches, delivery, invoices):
    router.add_router("/", part.router)
