"""/mediation: the intensive-mediation (MED) API — referrals, first appointments and outcomes,
agreement sheets, month-end categories, closing and final advice, the rest of the file and the
partner's settings per tender.

Every service is looked up through `MediationService.objects.visible_to(user)` (404 otherwise, also
from the moment the partner loses access: MED-03, MED-15, MED-16); every write goes through
`koers.mediation.services`, whose refusals name the rule (e.g. "(MED-02)") and change nothing.
Mounted by `koers.api.api` like every app's router; the operation ids keep the prefixes of the
modules they came from (`OPERATION_ID_PREFIX`).
"""

from ninja import Router

from koers.mediation.api import appointments, closing, file, referrals, settings, sheets

router = Router()  # the sub-routers carry the tag
for module in (referrals, appointments, sheets, closing, settings, file):
    router.add_router("/", module.router)
