"""`run_once`: do a create at most once per (user, scope, key), and answer a repeat with the
first result."""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from koers.core.models import User
from koers.idempotency.models import KEY_MAX_LENGTH, IdempotentRequest


@dataclass(frozen=True)
class Outcome:
    result_id: int
    status_code: int
    replayed: bool  # True: the first request's result, nothing new was made


class KeyReused(ValidationError):
    """The key was used before for a request with another body."""

    def __init__(self):
        super().__init__(
            {
                "Idempotency-Key": [
                    _(
                        "Deze Idempotency-Key werd al gebruikt voor een andere aanvraag. "
                        "Gebruik een nieuwe sleutel voor een nieuwe aanvraag."
                    )
                ]
            }
        )


def fingerprint(body: object) -> str:
    """A stable hash of a request body (a dict from the parsed input)."""
    text = json.dumps(body, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def key_refusal(key: str) -> ValidationError | None:
    """A key that cannot be one (too long, not printable); None when fine."""
    if len(key) > KEY_MAX_LENGTH or not key.isprintable():
        message = _("Een Idempotency-Key heeft hoogstens %(max)s gewone tekens.") % {
            "max": KEY_MAX_LENGTH
        }
        return ValidationError({"Idempotency-Key": [message]})
    return None


def _replay(row: IdempotentRequest, body_hash: str) -> Outcome:
    if body_hash and row.fingerprint and row.fingerprint != body_hash:
        raise KeyReused
    return Outcome(result_id=row.result_id, status_code=row.status_code, replayed=True)


def _find(user: User, scope: str, key: str) -> IdempotentRequest | None:
    return IdempotentRequest.objects.filter(user=user, scope=scope, key=key).first()


def earlier_outcome(*, user: User, scope: str, key: str) -> Outcome | None:
    """The result of an earlier request with this key, if there was one (a repeat of a form
    answers it before any other check: the person was already made)."""
    found = _find(user, scope, key) if key and not key_refusal(key) else None
    return _replay(found, "") if found is not None else None


def run_once(
    *,
    user: User,
    scope: str,
    key: str,
    action: Callable[[], tuple[int, int]],
    body_hash: str = "",
) -> Outcome:
    """Run `action` (returns the new record's id and the answer's status) unless this user
    already ran `scope` with `key`: then answer the first result. With `body_hash`, a repeat
    with another body raises `KeyReused`. The key row and the record are written in one
    transaction, so a failed create leaves the key free for the next try."""
    if refusal := key_refusal(key):
        raise refusal
    found = _find(user, scope, key)
    if found is not None:
        return _replay(found, body_hash)
    try:
        with transaction.atomic():
            row = IdempotentRequest.objects.create(
                user=user, scope=scope, key=key, fingerprint=body_hash
            )
            row.result_id, row.status_code = action()
            row.save(update_fields=["result_id", "status_code"])
    except IntegrityError:
        # A parallel request with the same key committed first (or the action itself broke a
        # constraint: then there is no row and the error stands).
        found = _find(user, scope, key)
        if found is None:
            raise
        return _replay(found, body_hash)
    return Outcome(result_id=row.result_id, status_code=row.status_code, replayed=False)
