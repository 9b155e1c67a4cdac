"""The billing API: hours, statements, coach administration, deliveries (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import delivery

router = Router()
router.add_router("/", delivery.router)
