"""The billing API: hours, statements, coach administration, deliveries (mounted by koers.api.api)."""

from ninja import Router

from koers.billing.api import coaches, delivery, hours
from koers.billing.api import exports as exports_api

router = Router()
for part in (hours, coaches, delivery, exports_api):
    router.add_router("/", part.router)
