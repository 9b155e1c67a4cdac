from importlib.util import find_spec

from django.urls import include, path

from koers.core.views import clients, devmail, organisations, security, staff, status

urlpatterns = [
    # The benchmarks' framework floor (issue 14): a signed-in page that does nothing.
    path("status/ping", status.ping, name="status_ping"),
    path("clienten/<int:pk>/bewerken/", clients.client_update_view, name="client_update"),
    path("organisaties/", organisations.organisation_list, name="organisation_list"),
    path(
        "organisaties/nieuw/",
        organisations.organisation_create_view,
        name="organisation_create",
    ),
    path("organisaties/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path(
        "organisaties/<int:pk>/tweestapsverificatie/",
        security.organisation_mfa,
        name="organisation_mfa",
    ),
    path(
        "organisaties/<int:pk>/werklijst/",
        organisations.organisation_worklist,
        name="organisation_worklist",
    ),
    path("vergrendelde-accounts/", security.lockout_list, name="lockout_list"),
    path(
        "vergrendelde-accounts/<int:pk>/ontgrendelen/",
        security.lockout_release_view,
        name="lockout_release",
    ),
    path("medewerkers/", staff.staff_list, name="staff_list"),
    path("medewerkers/nieuw/", staff.staff_create_view, name="staff_create"),
    # Development only (404 elsewhere): the mails Koers "sent" (issue 16).
    path("ontwikkeling/mails/", devmail.mailbox, name="dev_mailbox"),
    path("ontwikkeling/mails/<str:key>/", devmail.mailbox_mail, name="dev_mail"),
]

# The API-key pages are built beside this module; mount them once they exist.
if find_spec("koers.core.token_urls") is not None:
    urlpatterns.append(path("api-sleutels/", include("koers.core.token_urls")))
