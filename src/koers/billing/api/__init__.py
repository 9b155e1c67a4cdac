"""The billing API: hours, statements, coach administration, deliveries (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import coaches, delivery, hours

router = Router()
for part in (hours, coaches, delivery):
    router.add_router("/", part.router)
