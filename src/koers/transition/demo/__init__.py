"""The transition part of `manage.py demo`: the social-economy company's workers, each in
another phase (see the modules of this package for each part)."""

from koers.transition.demo import (
    measures,  # noqa: F401  (the measures and follow-up)
    referrals,  # noqa: F401  (registers the demo trajectories)
)
