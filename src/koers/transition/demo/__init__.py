"""The transition part of `manage.py demo`: the social-economy company's workers, each in
another phase; each module of this package registers its part."""

from koers.transition.demo import (
    assessment,  # noqa: F401
    intake,  # noqa: F401
    kpis,  # noqa: F401
    measures,  # noqa: F401
    plan,  # noqa: F401
    referrals,  # noqa: F401
)
