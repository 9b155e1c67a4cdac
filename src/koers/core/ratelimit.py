"""A small rate limit on Django's cache, for public forms (no third-party captcha).

Per caller's address (`too_many`) or per any other subject such as a target e-mail address
(`too_many_for`); subjects are hashed, so the cache never holds an address in clear. With several
app servers, configure a shared cache (Redis) so the count is shared too.
"""

import hashlib

from django.core.cache import cache


def too_many(request, *, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request for the caller's address; True once it exceeds `limit` per window."""
    subject = request.META.get("REMOTE_ADDR", "")
    return too_many_for(subject, scope=scope, limit=limit, window_seconds=window_seconds)


def too_many_for(subject: str, *, scope: str, limit: int, window_seconds: int) -> bool:
    """Count one more for `subject`; True once it exceeds `limit` per window."""
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit
