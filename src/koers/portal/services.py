"""Portal sign-in links: signed, valid 30 minutes, and usable once."""

import hashlib
import secrets
from datetime import datetime

from django.core import signing
from django.db import transaction

from koers.core.models import Client
from koers.portal.models import LoginLink

LOGIN_SALT = "koers.portal.login"
LOGIN_MAX_AGE = 30 * 60


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def login_token(client: Client) -> str:
    """A new sign-in token for the client's e-mail; earlier unused links stay valid until used
    or expired."""
    secret = secrets.token_urlsafe(24)
    LoginLink.objects.create(client=client, secret_hash=_hash(secret))
    return signing.dumps({"client": client.pk, "secret": secret}, salt=LOGIN_SALT)


def _load(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=LOGIN_SALT, max_age=LOGIN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or "secret" not in data or "client" not in data:
        return None
    return data


def login_link_valid(token: str) -> bool:
    """Signed, not expired and not used yet (the page that asks to confirm; nothing is spent)."""
    data = _load(token)
    return (
        bool(data)
        and LoginLink.objects.filter(
            secret_hash=_hash(data["secret"]), client_id=data["client"], used_at__isnull=True
        ).exists()
    )


@transaction.atomic
def login_link_use(token: str, *, now: datetime) -> int | None:
    """Spend the link: the client's id the first time, None ever after (or if invalid)."""
    data = _load(token)
    if data is None:
        return None
    spent = LoginLink.objects.filter(
        secret_hash=_hash(data["secret"]), client_id=data["client"], used_at__isnull=True
    ).update(used_at=now)
    return data["client"] if spent == 1 else None
