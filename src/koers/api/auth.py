"""How API callers prove who they are: a personal token, or the browser session of a staff user.

The token comes first: an integration that sends `Authorization: Bearer …` must not trip over the
session's CSRF check on a POST.
"""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp import user_has_device
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from koers.core.mfa import second_factor_missing
from koers.core.models import User
from koers.core.services import api_token_lookup

# A read-only token may call these; anything else changes data.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>` with a personal API token (see the API-keys page)."""

    def __call__(self, request: HttpRequest) -> User | None:
        # Overrides HttpBearer.__call__, which in DEBUG logs an unexpected header in full:
        # that header may well be a credential.
        value = request.headers.get(self.header, "")
        scheme, _sep, key = value.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            return None
        return self.authenticate(request, key.strip())

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = api_token_lookup(token)  # None when unknown, revoked or expired: a 401
        if api_token is None:
            return None
        if api_token.read_only and request.method not in SAFE_METHODS:
            raise HttpError(403, _("Deze API-sleutel mag alleen lezen."))
        return api_token.user


class SessionAuth(APIKeyCookie):
    """Django's session cookie, with the CSRF check for unsafe methods.

    A user who set up a TOTP device but has not confirmed it in this session is refused, and so
    is one who must enrol and has not yet: the second factor must not be skippable by calling the
    API instead of opening a page.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest) -> User | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        is_verified = getattr(user, "is_verified", lambda: False)
        if not is_verified() and (
            second_factor_missing(request) or user_has_device(user, confirmed=True)
        ):
            return None
        # Only now, for a real session, does CSRF matter: an anonymous POST gets a 401, not a 403.
        csrf_exempt = getattr(request, "_ninja_csrf_exempt", False)
        if self.csrf and not csrf_exempt and check_csrf(request):
            raise HttpError(403, _("De CSRF-controle is mislukt. Herlaad de pagina."))
        return user

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        return self(request)  # pragma: no cover - __call__ does the work


token_auth = TokenAuth()
session_auth = SessionAuth()
