"""/transition: the social-economy transition (TRN) API — workers and referrals, intakes,
competence profiles, assessment sessions, plans, actions and employers, measures, follow-ups,
KPIs and checklists.

Every row is looked up through the access rules (404 otherwise); every write goes through
`koers.transition.services` (refusals 422 with the rule ID, nothing saved). Mounted by
`koers.api.api` like every app's router.
"""

from ninja import Router

from koers.transition.api import (
    activities,
    assessment,
    assessment_levels,
    checklist,
    competences,
    employers,
    files,
    followup,
    kick_offs,
    kpis,
    measures,
    plan,
    referral,
)
from koers.transition.api import intake as intake_api

router = Router()  # the sub-routers carry the tag
for module in (
    files,
    referral,
    intake_api,
    kick_offs,
    competences,
    assessment,
    assessment_levels,
    plan,
    activities,
    employers,
    measures,
    followup,
    kpis,
    checklist,
):
    router.add_router("/", module.router)
