"""Transition use cases: they load models, ask `rules`, and save in one transaction.

Every refusal is a ValidationError naming the rule ("… (TRN-09)") and changes nothing. Views, the
API, jobs and commands call these; none writes transition models directly. The two status fields
(the referral's, a measure's) move only through `states`.
"""

from koers.transition.services.opening import Proposal, file_open, open_for_programme
from koers.transition.services.phase import phase_refresh
from koers.transition.services.states import measure_set_state, referral_set_state

__all__ = [
    "Proposal",
    "file_open",
    "measure_set_state",
    "open_for_programme",
    "phase_refresh",
    "referral_set_state",
]
