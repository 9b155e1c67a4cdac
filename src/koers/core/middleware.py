"""Staff sessions: they expire when idle, and a second factor is asked (or enrolled) before going on."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

from koers.core import mfa, sessions

_OPEN_PREFIXES = ("/static/", "/i18n/", "/api/", "/portal/", "/health")
# Under /accounts/ only what one needs before the second factor stays open. Changing the password
# (/accounts/wachtwoord/) is not: it needs the second factor like any other page.
_OPEN_ACCOUNT_PREFIXES = (
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/wachtwoord-vergeten/",
    "/accounts/tweestapsverificatie/",
)


class SessionTimeoutMiddleware:
    """Sign staff out after KOERS_IDLE_MINUTES without a request, or SESSION_COOKIE_AGE after login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sessions.end_if_expired(request)
        return self.get_response(request)


class OTPRequiredMiddleware:
    """A confirmed device must be confirmed once per session; a user who must have one enrols first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path
        if (
            user.is_authenticated
            and not path.startswith(_OPEN_PREFIXES + _OPEN_ACCOUNT_PREFIXES)
            and not user.is_verified()
        ):
            next_query = urlencode({"next": request.get_full_path()})
            if user_has_device(user, confirmed=True):
                return redirect(f"{reverse('otp_verify')}?{next_query}")
            if mfa.required(request):
                return redirect(f"{reverse('otp_setup')}?{next_query}")
        return self.get_response(request)
