"""The one way a service refuses: a Django `ValidationError` on a field, built from rule reasons.

Kept apart from `lib/rules.py`, which stays free of Django (the purity contract covers it).
"""

from django.core.exceptions import ValidationError

from koers.lib.rules import Reason


def refusal(field: str, *reasons: Reason) -> ValidationError:
    """The error to `raise`: each reason as "sentence (RULE-ID)" on `field` ("__all__" for the form)."""
    return ValidationError({field: [str(r) for r in reasons]})
