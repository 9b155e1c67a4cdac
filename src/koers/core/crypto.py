"""Encryption at rest for personal identifiers, and a blind index to search them exactly."""

import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


@cache
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in settings.FIELD_ENCRYPTION_KEYS])


def encrypt(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def blind_index(value: str) -> str:
    """A keyed hash: equal inputs give equal outputs, but it cannot be reversed or guessed."""
    return hmac.new(settings.BLIND_INDEX_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


# The purpose string keeps this key apart from every other use of SECRET_KEY.
_RECOVERY_CODE_PURPOSE = b"koers.core.mfa.recovery-code.v1"


def normalise_code(text: str) -> str:
    """A second-factor code as typed: without spaces and dashes, in lower case."""
    return "".join(text.split()).replace("-", "").lower()


def recovery_code_digest(code: str) -> str:
    """The stored form of a recovery code: HMAC-SHA256 under a key derived from SECRET_KEY.

    The code is normalised first, so "abcde-fghij", "ABCDE FGHIJ" and "abcdefghij" are one code.
    """
    key = hmac.new(settings.SECRET_KEY.encode(), _RECOVERY_CODE_PURPOSE, hashlib.sha256).digest()
    return hmac.new(key, normalise_code(code).encode(), hashlib.sha256).hexdigest()
