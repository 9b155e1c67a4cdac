"""The people of the security tests: every role around one client's file, signed in the way the
middleware expects (a confirmed second factor where the user has one), and a database snapshot
to prove that a refused write changed nothing."""

from django.db import connection
from django.test import Client as HttpClient
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.core.models import OrganisationKind, Role
from koers.lib.backups import table_rows
from koers.portal.views import SESSION_KEY as PORTAL_SESSION_KEY
from tests.factories import OrganisationFactory, staff_user

# Who sees the file: the responsible coach, the centre's staff and an administrator.
ALLOWED = ("owner", "administrator", "centre_staff")
# Who does not: staff of the same centre without the file, staff of another organisation.
REFUSED_STAFF = (
    "colleague_coach",
    "subcontracting_coach",
    "mediator",
    "job_coach",
    "other_organisation",
)
# Not staff at all: sent to the staff login.
NOT_STAFF = ("anonymous", "portal_client")
ROLES = ALLOWED + REFUSED_STAFF + NOT_STAFF

# Tables a request may write without changing anyone's data: the session, the login throttle,
# the second factor's counters and an API token's "last used" time.
VOLATILE_TABLES = ("django_session", "axes_", "otp_", "core_apitoken")


def people(centre, other_centre, coach) -> dict:
    subcontractor = OrganisationFactory(kind=OrganisationKind.SUBCONTRACTOR, name="Eigen BV")
    return {
        "owner": coach,
        "administrator": staff_user(centre, Role.ADMINISTRATOR, username="m-beheerder"),
        "centre_staff": staff_user(centre, Role.CENTRE_STAFF, username="m-backoffice"),
        "colleague_coach": staff_user(centre, Role.COACH, username="m-collega"),
        "subcontracting_coach": staff_user(
            centre, Role.COACH, username="m-onderaannemer", company=subcontractor
        ),
        "mediator": staff_user(centre, Role.MEDIATOR, username="m-bemiddelaar"),
        "job_coach": staff_user(centre, Role.JOB_COACH, username="m-jobcoach"),
        "other_organisation": staff_user(other_centre, Role.CENTRE_STAFF, username="m-elders"),
    }


def browser_for(role: str, users: dict, client_record) -> HttpClient:
    """A fresh browser for `role`: staff signed in with a verified second factor, the portal
    client signed in to the portal (its own file), anonymous with nothing."""
    browser = HttpClient()
    if role == "anonymous":
        return browser
    if role == "portal_client":
        session = browser.session
        session[PORTAL_SESSION_KEY] = client_record.pk
        session.save()
        return browser
    user = users[role]
    browser.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="matrix", confirmed=True)
    session = browser.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return browser


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table that holds data (not the volatile ones)."""
    tables = [
        name
        for name in connection.introspection.table_names()
        if not name.startswith(VOLATILE_TABLES)
    ]
    connection.ensure_connection()
    return table_rows(connection.connection, tables)


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(table for table in before if before[table] != after.get(table))


def sent_to_login(response) -> bool:
    return response.status_code == 302 and "/accounts/login" in response["Location"]
