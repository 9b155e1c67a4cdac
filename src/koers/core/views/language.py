"""The visible language switch: stores the choice on the person, then sets Django's cookie."""

from django.conf import settings
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from koers.core.languages import ui_language
from koers.core.middleware_language import PORTAL_SESSION_KEY
from koers.core.models import Client, Language


@require_POST
def set_language(request):
    code = request.POST.get("language", "")
    if code not in {c for c, _name in settings.LANGUAGES}:
        return django_set_language(request)  # Django answers an unknown code without a change
    user = request.user
    if user.is_authenticated:
        user.language = code
        user.save(update_fields=["language"])
    elif client_id := request.session.get(PORTAL_SESSION_KEY):
        preferred = Language.ENGLISH if ui_language(code) == "en" else Language.DUTCH
        Client.objects.filter(pk=client_id).update(preferred_language=preferred)
    return django_set_language(request)
