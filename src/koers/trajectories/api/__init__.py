"""The trajectory core's API: trajectories, contacts, assignments, plans, documents and rule sets.

`koers.api.api` mounts `router`; each module keeps the operation ids of the module it came from
(`OPERATION_ID_PREFIX`).
"""

from ninja import Router

from koers.trajectories.api import (
    assignments,
    contacts,
    documents,
    plans,
    rulesets,
    trajectories,
)

router = Router()
for module in (trajectories, contacts, assignments, plans, documents, rulesets):
    router.add_router("", module.router)
