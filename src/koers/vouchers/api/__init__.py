"""The career-voucher API (LBC), mounted by `koers.api.api` like every app's `router`.

One router per part of the voucher; each module keeps the operation ids of the module it came
from (`OPERATION_ID_PREFIX`), since clients are generated from them.
"""

from ninja import Router

from koers.vouchers.api import (
    combined,
    contacts,
    documents,
    followup,
    group_sessions,
    pop,
    vouchers,
)

router = Router()
for part in (vouchers, contacts, pop, documents, followup, group_sessions, combined):
    router.add_router("", part.router)
