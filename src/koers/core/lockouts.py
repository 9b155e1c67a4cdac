"""Usernames that django-axes has locked, for an administrator to see and lift.

Each lift is audited on the `koers.audit.lockouts` logger with ids only (who lifted whose lock,
never a username: usernames may be e-mail addresses).
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone

from koers.core.models import Role, User

audit = logging.getLogger("koers.audit.lockouts")


@dataclass(frozen=True)
class LockedAccount:
    user: User
    failures: int
    last_attempt: datetime


def staff_visible_to(admin: User) -> QuerySet[User]:
    """The accounts an administrator answers for: those of the organisations they administer."""
    if admin.is_superuser:
        return User.objects.all()
    return User.objects.filter(
        memberships__organisation_id__in=admin.organisation_ids(Role.ADMINISTRATOR)
    ).distinct()


def _locked_usernames() -> dict[str, tuple[int, datetime]]:
    since = timezone.now() - get_cool_off()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since, username__isnull=False)
        .values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"]: (row["failures"], row["last"]) for row in rows}


def locked_accounts(admin: User) -> list[LockedAccount]:
    locked = _locked_usernames()
    if not locked:
        return []
    users = staff_visible_to(admin).filter(username__in=locked).order_by("username")
    return [LockedAccount(user, *locked[user.username]) for user in users]


def lockout_release(*, admin: User, user_id: int) -> User | None:
    """Lift the lock-out of one account the administrator answers for (None: not theirs)."""
    user = staff_visible_to(admin).filter(pk=user_id).first()
    if user is None:
        return None
    removed = axes_reset(username=user.get_username())
    audit.info("lockout lifted user=%s by=%s attempts=%s", user.pk, admin.pk, removed)
    return user
