from django.http import HttpResponse
from django.urls import include, path

from koers.core.views.language import set_language


def health(_request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("health", health, name="health"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("koers.core.auth_urls")),
    path("api/v1/", include("koers.api.urls")),
    path("import/", include("koers.core.import_urls")),
    path("trajecten/", include("koers.trajectories.urls")),
    path("cheques/", include("koers.vouchers.urls")),
    path("bemiddeling/", include("koers.mediation.urls")),
    path("aanvragen/", include("koers.intake.urls")),
    path("inschrijven/", include("koers.intake.public_urls")),
    path("portal/", include("koers.portal.urls")),
    path("facturatie/", include("koers.billing.urls")),
    path("doorstroom/", include("koers.transition.urls")),
    path("regelsets/", include("koers.trajectories.ruleset_urls")),
    path("privacy/", include("koers.privacy.urls")),
    path("exporteren/", include("koers.listexports.urls")),
    path("uitgaande-berichten/", include("koers.outbox.urls")),
    path("", include("koers.workplace.urls")),
    path("", include("koers.core.urls")),
]

# Uploaded files are never served as static files, not even under DEBUG (`make run`): they hold
# personal data, and every download goes through a view that checks the access rule and is logged.
