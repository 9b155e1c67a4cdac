"""The billing API: hours, statements, coach administration, deliveries (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import aftercare, coaches, delivery, hours

router = Router()
for part in (hours, coaches, delivery, aftercare):
    router.add_router("/", part.router)
