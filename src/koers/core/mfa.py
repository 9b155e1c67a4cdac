"""Who must sign in with a second factor, decided once per login and kept in the session.

Administrators and everyone who sees full national numbers (`core.view_national_number`) must;
so does all staff of an organisation that asks it (`Organisation.staff_mfa_required`). Deciding at
login means a change of role or of the organisation's choice counts from the next login on.
"""

import secrets

from django.conf import settings
from django.http import HttpRequest

from koers.core import crypto
from koers.core.models import Organisation, RecoveryCode, RecoveryCodeDevice, User

SESSION_KEY = "koers_mfa_required"


def required_for(user: User) -> bool:
    if not settings.KOERS_MFA_REQUIRED:
        return False
    if user.is_administrator or user.has_perm("core.view_national_number"):
        return True
    return Organisation.objects.filter(
        memberships__user=user, memberships__is_active=True, staff_mfa_required=True
    ).exists()


def note_at_login(sender, request, user, **kwargs) -> None:
    """`user_logged_in` receiver: remember for this session whether a second factor is due."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = required_for(user)


def required(request: HttpRequest) -> bool:
    """Whether this signed-in session must pass a second factor."""
    if not settings.KOERS_MFA_REQUIRED:
        return False
    value = request.session.get(SESSION_KEY)
    if value is None:  # a session from before this rule: decide once
        value = request.session[SESSION_KEY] = required_for(request.user)
    return value


def second_factor_missing(request: HttpRequest) -> bool:
    """A second factor is due in this session and none was given yet."""
    user = request.user
    return required(request) and not user.is_verified()


RECOVERY_DEVICE_NAME = "Herstelcodes"
# Ten letters and digits of base32 (no 0/1/8/9 to mistake for O/I/B/g): 50 bits per code,
# shown as "abcde-fghij"; typed with or without the dash.
_CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
_CODE_LENGTH = 10


def _new_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def recovery_codes_issue(user: User) -> list[str]:
    """New single-use recovery codes for `user`; the earlier ones stop working. Shown once, and
    stored only as digests (`crypto.recovery_code_digest`)."""
    device, _created = RecoveryCodeDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.codes.all().delete()
    codes = [_new_code() for _ in range(settings.KOERS_RECOVERY_CODES)]
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(device=device, digest=crypto.recovery_code_digest(code)) for code in codes]
    )
    return codes


def recovery_codes_left(user: User) -> int:
    return RecoveryCode.objects.filter(device__user=user, device__confirmed=True).count()
