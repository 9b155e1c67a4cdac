"""The intake API (INT), mounted by `koers.api.api` with every app's router: `/leads` (`leads`),
a lead becoming a client (`conversion`), `/coach-unavailability` and `/lead-marketing`
(`centre`). Each module keeps the operation ids it had under `koers.api`."""

from ninja import Router

from koers.intake.api import centre, conversion, leads

router = Router()
router.add_router("", leads.router)
router.add_router("", conversion.router)
router.add_router("", centre.router)
