"""The transition part of `manage.py demo`: the social-economy company's workers, each in
another phase (see the modules of this package for each part)."""

from koers.transition.demo import (
    kpis,  # noqa: F401, E402  (TRN-14: two checklist fillings)
    referrals,  # noqa: F401  (registers the demo trajectories)
)
