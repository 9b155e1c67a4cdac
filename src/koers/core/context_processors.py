from django.conf import settings


def navigation(request):
    """What the layout needs on every page: the user's roles and the language choices."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"LANGUAGE_CHOICES": settings.LANGUAGES}
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "user_roles": user.roles,
        "user_is_staff_or_admin": user.is_administrator or user.is_centre_staff,
    }
