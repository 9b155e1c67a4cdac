"""A staff user who set up a TOTP device must confirm it once per session before going on."""

from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

_OPEN_PREFIXES = ("/static/", "/accounts/", "/i18n/", "/api/", "/portal/", "/health")


class OTPRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES)
            and not user.is_verified()
            and user_has_device(user, confirmed=True)
        ):
            return redirect(f"{reverse('otp_verify')}?next={request.path}")
        return self.get_response(request)
