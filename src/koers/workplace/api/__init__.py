"""The workplace's API: /clients (registering a client may open its first trajectory), and /me
and /staff (who you are, and the colleagues whose ids go in `responsible_id`, `coach_id`, …).
Mounted by `koers.api.api` like every app's `router`."""

from ninja import Router

from koers.workplace.api import clients, search, staff, worklist

router = Router()
router.add_router("", clients.router)
router.add_router("", staff.router)
router.add_router("", search.router)
router.add_router("", worklist.router)
