"""Every client-bearing URL: the owner gets 200, another coach 404 (never 403, never the data).

The test walks the URL configuration, so a new URL with an object id fails here until it is added
to OBJECT_FOR_URL below — that is the point: no client-bearing page escapes the access rules.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from koers.billing.models import DeliveryBatch
from koers.trajectories.services import document_add
from tests.dashboard_html import dashboard_html
from tests.factories import AssignmentFactory, ContactFactory, PlanVersionFactory

pytestmark = pytest.mark.usefixtures("voucher_rules_in_force")

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

# URL name -> which object of the file its id refers to. Organisation pages are not
# client-bearing and are covered by their own tests; API paths are walked in tests/api.
OBJECT_FOR_URL = {
    "client_detail": "client",
    "client_update": "client",
    "client_history": "client",
    "client_print": "client",
    "trajectory_detail": "trajectory",
    "trajectory_status": "trajectory",
    "contact_create": "trajectory",
    "contact_update": "contact",
    "assignment_create": "trajectory",
    "assignment_update": "assignment",
    "plan_create": "trajectory",
    "plan_detail": "plan",
    "plan_edit": "plan",
    "document_create": "trajectory",
    "document_download": "document",
    "document_status": "document",
    "voucher_detail": "voucher",
    "voucher_contact_create": "voucher",
    "voucher_intake": "voucher",
    "voucher_scope": "voucher",
    "voucher_phase": "voucher",
    "voucher_interim": "voucher",
    "voucher_pop": "voucher",
    "voucher_pop_finalise": "voucher",
    "voucher_combined_pop": "voucher",
    "voucher_document": "voucher",
    "voucher_certificate": "voucher",
    "voucher_aftercare": "voucher",
    "voucher_aftercare_informed": "voucher",
    "voucher_close": "voucher",
    "voucher_code_of_conduct": "voucher",
    "voucher_evaluation_letter": "voucher",
    "voucher_evaluation_received": "voucher",
    "voucher_video_consent": "voucher",
    "voucher_group_feedback": "voucher",
    "voucher_print": "voucher",
    "billing_batch_detail": "batch",
    "billing_batch_cover": "batch",
    "billing_batch_state": "batch",
    "billing_audit_pack": "voucher_trajectory",
}
NOT_CLIENT_BEARING = {
    "organisation_detail",
    "organisation_mfa",  # administrators only (tests/security/test_mfa.py)
    "organisation_worklist",  # managers of the organisation (tests/workplace/test_worklist.py)
    "lockout_release",  # a staff account, administrators only (tests/security/test_lockout.py)
    "token_revoke",
    "portal_pop",  # the client portal has its own login; tests/portal checks one client can't open another's
    "password_reset_confirm",  # a signed one-time token, not an object id
}
# Actions that only accept POST answer 405 to any GET, whatever the id: that reveals nothing.
POST_ONLY = {
    "trajectory_status",
    "document_status",
    "voucher_contact_create",
    "voucher_intake",
    "voucher_scope",
    "voucher_phase",
    "voucher_interim",
    "voucher_pop_finalise",
    "voucher_combined_pop",
    "voucher_document",
    "voucher_certificate",
    "voucher_aftercare",
    "voucher_aftercare_informed",
    "voucher_code_of_conduct",
    "voucher_evaluation_letter",
    "voucher_evaluation_received",
    "voucher_video_consent",
    "voucher_group_feedback",
    "billing_batch_state",
}


def _named_patterns(resolver: URLResolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace:  # admin, api: not our client pages
                continue
            yield from _named_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield entry.name, prefix + str(entry.pattern)


def _object_urls():
    return {
        name: route
        for name, route in _named_patterns(get_resolver())
        if re.search(r"<(int:)?\w+>", route)
    }


# Programme apps walk their own URLs in their own test module, with their own objects.
WALKED_ELSEWHERE = {
    "mediation_": "tests/mediation/test_url_access.py",
    "intake_": "tests/intake/test_url_access.py",
    "billing_hour": "tests/billing/hours/test_access.py",
    "billing_statement": "tests/billing/hours/test_access.py",
    "billing_plan_": "tests/billing/coaches/test_access.py",
    "billing_change_": "tests/billing/coaches/test_access.py",
    "billing_location_": "tests/billing/coaches/test_access.py",
    "billing_aftercare_": "tests/billing/hours/test_aftercare.py",
    "billing_invoice": "tests/billing/invoices/test_access.py",
    "transition_": "tests/transition/test_url_access.py",
    "privacy_": "tests/privacy/test_url_access.py",
    "outbox_": "tests/outbox/test_views.py",
    "list_export_": "tests/listexports/test_jobs.py",
}


def test_every_url_with_an_id_is_walked():
    unknown = {
        name
        for name in set(_object_urls()) - set(OBJECT_FOR_URL) - NOT_CLIENT_BEARING
        if not name.startswith(tuple(WALKED_ELSEWHERE))
    }
    assert not unknown, f"add these URLs to OBJECT_FOR_URL: {sorted(unknown)}"


@pytest.fixture
def file_objects(trajectory, coach):
    from datetime import timedelta

    from django.utils import timezone

    from koers.vouchers.services import voucher_open

    voucher = voucher_open(
        client=trajectory.client,
        responsible=coach,
        organisation=trajectory.organisation,
        start_date=timezone.localdate() - timedelta(days=10),
        acting_user=coach,
    )
    contact = ContactFactory(trajectory=trajectory)
    document = document_add(
        trajectory=trajectory,
        kind="attendance",
        title="Bewijs van deelname",
        upload=SimpleUploadedFile("bewijs.png", PNG),
        acting_user=coach,
    )
    return {
        "client": trajectory.client,
        "trajectory": trajectory,
        "contact": contact,
        "assignment": AssignmentFactory(trajectory=trajectory),
        "plan": PlanVersionFactory(plan__trajectory=trajectory).plan,
        "document": document,
        "voucher": voucher,
        "voucher_trajectory": voucher.trajectory,  # a dossier's audit pack (BIL-01)
        # A delivery batch of the coach (BIL-01), empty: its pages show it all the same.
        "batch": DeliveryBatch.objects.create(coach=coach, organisation=trajectory.organisation),
    }


def _url(name, obj):
    return reverse(name, kwargs={"pk": obj.pk})


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_other_coach_gets_404_on_get_and_post(name, file_objects, other_coach, logged_in):
    client = logged_in(other_coach)
    url = _url(name, file_objects[OBJECT_FOR_URL[name]])
    assert client.get(url).status_code == (405 if name in POST_ONLY else 404)
    assert client.post(url, {"status": "closed"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_owner_can_open_every_page(name, file_objects, coach, logged_in):
    client = logged_in(coach)
    response = client.get(_url(name, file_objects[OBJECT_FOR_URL[name]]))
    if name in ("client_history",):
        assert response.status_code == 404  # history is for centre staff, not for coaches
    elif name in POST_ONLY:
        assert response.status_code == 405
    else:
        assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_centre_staff_of_another_centre_get_404(name, file_objects, other_centre, logged_in):
    from koers.core.models import Role
    from tests.factories import staff_user

    client = logged_in(staff_user(other_centre, Role.CENTRE_STAFF))
    url = _url(name, file_objects[OBJECT_FOR_URL[name]])
    assert client.get(url).status_code == (405 if name in POST_ONLY else 404)
    assert client.post(url, {"status": "closed"}).status_code == 404


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(file_objects, client):
    response = client.get(_url("client_detail", file_objects["client"]))
    assert response.status_code == 302
    assert "/accounts/login" in response["Location"]


# Pages without an id that must still be signed in: the benchmarks' floor and the dashboard's
# panels (issue 14; what each panel shows to whom: tests/workplace/test_dashboard_panels.py).
SIGNED_IN_ONLY = [
    "status_ping",
    "lockout_list",
    "search",
    "work_panel",
    "dashboard_deliveries",
    "dashboard_centre",
    "dashboard_centre_work",
]
SIGNED_IN_ONLY_ARGS = {"work_panel": ["opdrachten"]}


@pytest.mark.django_db
@pytest.mark.parametrize("name", SIGNED_IN_ONLY)
def test_signed_in_only_pages_send_anonymous_to_login(name, client):
    response = client.get(reverse(name, args=SIGNED_IN_ONLY_ARGS.get(name, [])))
    assert response.status_code == 302
    assert "/accounts/login" in response["Location"]


@pytest.mark.django_db
def test_dashboard_and_calendar_feed_show_only_what_the_viewer_may_see(
    trajectory, coach, other_coach, other_centre, logged_in, client
):
    """`/` and the `.ics` feed are walked too: lists, counts and feeds start from `visible_to`."""
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.html import escape

    from koers.core.models import Membership, Role
    from koers.intake.services import calendar_feed_token
    from koers.trajectories.models import ContactOutcome
    from tests.factories import staff_user

    ContactFactory(
        trajectory=trajectory,
        staff=coach,
        outcome=ContactOutcome.PLANNED,
        starts_at=timezone.now() + timedelta(days=1),
    )
    name = trajectory.client.full_name
    first = trajectory.client.first_name
    # The coach also works for another centre; its staff must not count this centre's work.
    Membership.objects.create(user=coach, organisation=other_centre, role=Role.COACH)
    elsewhere = staff_user(other_centre, Role.CENTRE_STAFF)

    def dashboard(user) -> str:
        return dashboard_html(logged_in(user))

    def feed(user) -> str:
        return client.get(
            reverse("intake_calendar_feed", args=[calendar_feed_token(user=user)])
        ).content.decode()

    assert name in dashboard(coach) and first in feed(coach)
    assert name not in dashboard(other_coach) and first not in feed(other_coach)
    page = dashboard(elsewhere)
    assert name not in page
    assert f'{escape(coach.get_full_name())}</td><td class="num">0</td>' in page
