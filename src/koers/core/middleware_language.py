"""Activate the person's own language for each request (see koers.core.languages)."""

from django.conf import settings
from django.utils import translation

from koers.core.languages import DEFAULT, language_of, ui_language

PORTAL_SESSION_KEY = "portal_client_id"  # set by the portal's sign-in (koers.portal.views)


class PreferredLanguageMiddleware:
    """Staff: their stored choice; a signed-in client: their preferred language; anyone else: the
    language they switched to (cookie), else Dutch. The browser's Accept-Language is ignored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self._language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response

    @staticmethod
    def _language(request) -> str:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return language_of(user)
        client_id = request.session.get(PORTAL_SESSION_KEY)
        if client_id:
            from koers.core.models import Client

            client = Client.objects.filter(pk=client_id).only("preferred_language").first()
            if client is not None:
                return language_of(client)
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        return ui_language(cookie) if cookie else DEFAULT
