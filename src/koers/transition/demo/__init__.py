"""The transition part of `manage.py demo`: the social-economy company's workers, each in
another phase (see the modules of this package for each part)."""

from koers.transition.demo import (
    intake,  # noqa: F401  (referrals and intakes, order 40)
    referrals,  # noqa: F401  (registers the demo trajectories)
)
