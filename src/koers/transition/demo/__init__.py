"""The transition part of `manage.py demo`: the social-economy company's workers, each in
another phase (see the modules of this package for each part)."""

from koers.transition.demo import (
    assessment,  # noqa: F401  (profile and assessment centre)
    referrals,  # noqa: F401  (registers the demo trajectories)
)
