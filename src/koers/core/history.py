"""The one way to save a change with the person who made it (django-simple-history's user)."""

from django.db import models

from koers.core.models import User


def save_with_user(obj: models.Model, acting_user: User | None, **save_kwargs) -> models.Model:
    """Save `obj`, its history row naming `acting_user` (None: the system, e.g. a nightly job)."""
    obj._history_user = acting_user
    obj.save(**save_kwargs)
    return obj
