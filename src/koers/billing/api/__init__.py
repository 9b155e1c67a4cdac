"""The billing API: hours, statements, coach administration, deliveries (mounted by koers.api.api)."""

from ninja import Router

router = Router()
