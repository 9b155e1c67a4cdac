"""The billing API: hours, statements, coach administration, deliveries (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import coaches

router = Router()
router.add_router("/", coaches.router)
