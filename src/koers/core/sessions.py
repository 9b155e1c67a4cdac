"""Staff sessions end after an idle time (KOERS_IDLE_MINUTES) and after an absolute one.

Django's session expiry slides whenever the session is saved; the moment of login kept here makes
SESSION_COOKIE_AGE a real upper bound. The last activity is written at most once a minute, so a
busy page does not write the session on every request.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest
from django.utils.translation import gettext as _

SIGNED_IN_KEY = "koers_signed_in_at"
SEEN_KEY = "koers_seen_at"
_SEEN_GRANULARITY = 60


def note_at_login(sender, request, user, **kwargs) -> None:
    """`user_logged_in` receiver: start both clocks."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_KEY] = now
        request.session[SEEN_KEY] = now


def expiry_reason(request: HttpRequest, now: int) -> str | None:
    """Why this staff session is over (None: it goes on)."""
    session = request.session
    signed_in = session.setdefault(SIGNED_IN_KEY, now)
    seen = session.get(SEEN_KEY, now)
    if now - signed_in > settings.SESSION_COOKIE_AGE:
        return _("Je sessie is verlopen. Meld je opnieuw aan.")
    if now - seen > settings.KOERS_IDLE_MINUTES * 60:
        return _(
            "Je werd afgemeld na %(minutes)d minuten zonder activiteit. Meld je opnieuw aan."
        ) % {"minutes": settings.KOERS_IDLE_MINUTES}
    return None


def end_if_expired(request: HttpRequest) -> None:
    """Sign out an expired staff session; otherwise note this request as activity."""
    if not request.user.is_authenticated:
        return
    now = int(time.time())
    reason = expiry_reason(request, now)
    if reason is not None:
        logout(request)
        messages.warning(request, reason)
        return
    if now - request.session.get(SEEN_KEY, 0) >= _SEEN_GRANULARITY:
        request.session[SEEN_KEY] = now
