"""Usernames that django-axes has locked, for an administrator to see and lift; and the second
factor counted like the password.

A wrong TOTP or recovery code at the second-factor step counts as a failed login toward the same
lock-out as a wrong password. Because of that, the failures are cleared only when the whole sign-in
succeeded: at the password for a user without a device, at the code for a user with one (else a
stolen password would reset the count before each fresh round of code guesses).

Each lift is audited on the `koers.audit.lockouts` logger with ids only (who lifted whose lock,
never a username: usernames may be e-mail addresses).
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone
from django_otp import user_has_device

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


def _credentials(user: User) -> dict:
    return {getattr(settings, "AXES_USERNAME_FORM_FIELD", "username"): user.get_username()}


def second_factor_failed(request, user: User) -> bool:
    """Count a wrong code as a failed login (django-axes); True when that locked the account."""
    user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
    return bool(getattr(request, "axes_locked_out", False))


def is_locked(request, user: User) -> bool:
    return AxesProxyHandler.is_locked(request, _credentials(user))


def sign_in_completed(request, user: User) -> None:
    """The whole sign-in succeeded: clear the failures of this username and of this address (what
    AXES_RESET_ON_SUCCESS would do at the password)."""
    AxesProxyHandler.update_request(request)
    axes_reset(ip=request.axes_ip_address, username=user.get_username(), ip_or_username=True)


def reset_at_login(sender, request, user, **kwargs) -> None:
    """`user_logged_in` receiver: a user without a second factor is signed in by the password."""
    if request is not None and not user_has_device(user, confirmed=True):
        sign_in_completed(request, user)
