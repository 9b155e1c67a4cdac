"""A small per-address rate limit on Django's cache, for public forms (no third-party captcha).

With several app servers, configure a shared cache (Redis) so the count is shared too.
"""

from django.core.cache import cache


def too_many(request, *, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request for the caller's address; True once it exceeds `limit` per window."""
    key = f"ratelimit:{scope}:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit
