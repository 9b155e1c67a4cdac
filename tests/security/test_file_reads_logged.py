# ruff: noqa: F811 - the walkers' fixtures are imported and used as arguments
"""Every read of a file is logged (issue 15): each client-bearing URL declares its read in its app's
`reads.py` (`koers.core.access_log`), and walking the URLs as their owner writes a FileAccess row
for each one with the user, the client (or the lead), the channel and what was read. The log is
shown on the client file to centre staff and administrators, not to coaches."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

import tests.intake.test_url_access as intake_walk
import tests.test_url_access as core_walk
from koers.api.api import api
from koers.core.access_log import read_of, registry
from koers.core.models import FileAccess, Role
from koers.core.services import api_token_create
from tests.factories import staff_user
from tests.intake.test_url_access import objects as intake_objects  # noqa: F401 - a fixture
from tests.test_url_access import _object_urls, file_objects  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("voucher_rules_in_force")

# URLs with an id that read no client's or lead's file, and why.
NOT_A_FILE = {
    "organisation_detail",  # an organisation
    "token_revoke",  # one's own API key
    "password_reset_confirm",  # a signed one-time token
    "portal_pop",  # the client reading their own POP in the portal
    "intake_unavailability_delete",  # a coach's own absence
    "mediation_settings",  # an organisation's tender settings
    # An erasure request holds the subject by id only; the export of a person is recorded by
    # the privacy app itself (`privacy.exports`), with who and when.
    "privacy_erasure_detail",
    "lockout_release",  # a locked-out staff member
    "organisation_mfa",  # an organisation's second-factor setting
    "organisation_worklist",  # an organisation's stalled-days setting
    "outbox_retry",  # an outgoing message, retried by id; it shows no file
    "privacy_erasure_confirm",
    "privacy_erasure_cancel",
}
# The coach's own administration (hours, statements, invoices, locations, development plans) and
# a company's own settings (competences, PDP questions, employers, checklists, KPI exports).
NOT_A_FILE_PREFIXES = (
    "billing_hour",
    "billing_aftercare",
    "billing_statement",
    "billing_invoice",
    "billing_plan",
    "billing_change",
    "billing_location",
    "transition_profile",
    "transition_observation_form",
    "transition_competence",
    "transition_indicator",
    "transition_plan_questions",
    "transition_employer",
    "transition_checklist",
    "transition_kpi_export",
    "intake_public",  # the public registration form and logos of a centre
    # A list export of its requester (issue 16): recorded as a ListExport (who, which list, the
    # filter, how many rows), not as the read of one file.
    "list_export_",
)
# API paths with an id that are not a file: the same kinds as above.
API_NOT_A_FILE = re.compile(
    r"^/api/v1/(billing/(statements|invoices|centre-billing-details)|transition/(employers|"
    r"checklists|kpis|organisations)|mediation/settings|privacy/subjects|exports/jobs)/"
)


def test_every_url_with_an_id_declares_its_read_or_is_no_file():
    declared = set(registry().pages)
    unknown = {
        name
        for name in set(_object_urls()) - declared - NOT_A_FILE
        if not name.startswith(NOT_A_FILE_PREFIXES)
    }
    assert not unknown, f"declare these in the app's reads.py (PAGES): {sorted(unknown)}"


def test_every_declared_read_is_a_url_of_koers():
    assert set(registry().pages) <= set(_object_urls())


def _api_paths_with_an_id():
    for path, methods in api.get_openapi_schema()["paths"].items():
        if "{" in path and "get" in methods:
            yield path


def test_every_api_read_with_an_id_is_declared_or_is_no_file():
    from django.urls import resolve

    unknown = [
        path
        for path in _api_paths_with_an_id()
        if not API_NOT_A_FILE.match(path)
        and read_of(resolve(re.sub(r"\{\w+\}", "1", path))) is None
    ]
    assert not unknown, f"declare these in the app's reads.py (API): {unknown}"


def _logged(user, path):
    return list(FileAccess.objects.filter(user=user, path=path))


GET_PAGES = sorted(set(core_walk.OBJECT_FOR_URL) - core_walk.POST_ONLY - {"client_history"}) + [
    "client_history"
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", GET_PAGES)
def test_opening_a_client_bearing_page_writes_a_row(
    name, file_objects, coach, centre_staff, logged_in
):
    reader = centre_staff if name == "client_history" else coach  # history: centre staff only
    obj = file_objects[core_walk.OBJECT_FOR_URL[name]]
    url = reverse(name, kwargs={"pk": obj.pk})
    assert logged_in(reader).get(url).status_code == 200
    rows = _logged(reader, url)
    assert rows, f"{name} wrote no FileAccess row"
    read = registry().pages[name]
    assert {(r.kind, r.object_id) for r in rows} == {(read.kind, obj.pk)}
    if name != "billing_batch_detail" and name != "billing_batch_cover":  # an empty batch
        assert {r.client_id for r in rows} == {file_objects["client"].pk}
    assert {r.channel for r in rows} == {"download" if name == "document_download" else "page"}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(set(intake_walk.OBJECT_FOR_URL) - intake_walk.POST_ONLY))
def test_opening_a_lead_page_writes_a_row_for_the_lead(name, intake_objects, coach, logged_in):  # noqa: F811
    obj = intake_objects[intake_walk.OBJECT_FOR_URL[name]]
    url = reverse(name, kwargs={"pk": obj.pk})
    assert logged_in(coach).get(url).status_code == 200
    (row,) = _logged(coach, url)
    assert (row.kind, row.object_id) == (registry().pages[name].kind, obj.pk)
    if name.startswith("intake_lead"):
        assert row.client_id is None  # not a client yet: the lead's id says whose file


@pytest.mark.django_db
def test_a_refused_read_and_a_post_write_no_row(file_objects, coach, other_coach, logged_in):
    voucher = reverse("voucher_detail", kwargs={"pk": file_objects["voucher"].pk})
    assert logged_in(other_coach).get(voucher).status_code == 404
    status = reverse("trajectory_status", kwargs={"pk": file_objects["trajectory"].pk})
    logged_in(coach).post(status, {"status": "active"})
    assert not FileAccess.objects.exists()


@pytest.mark.django_db
def test_api_reads_and_downloads_are_logged_with_their_channel(file_objects, coach, client):
    _token, key = api_token_create(user=coach, name="koppeling")
    headers = {"Authorization": f"Bearer {key}"}
    voucher, document = file_objects["voucher"], file_objects["document"]
    for path in (
        f"/api/v1/vouchers/{voucher.pk}/checklist",
        f"/api/v1/documents/{document.pk}/download",
        "/api/v1/vouchers",  # a list: no file read
    ):
        assert client.get(path, headers=headers).status_code == 200
    rows = FileAccess.objects.filter(user=coach).order_by("pk")
    assert [(r.kind, r.object_id, r.channel) for r in rows] == [
        ("voucher", voucher.pk, "api"),
        ("document", document.pk, "download"),
    ]
    assert {r.client_id for r in rows} == {file_objects["client"].pk}


@pytest.mark.django_db
def test_the_query_string_is_never_stored(file_objects, coach, logged_in):
    url = reverse("client_detail", kwargs={"pk": file_objects["client"].pk})
    logged_in(coach).get(url + "?q=Peeters")
    assert FileAccess.objects.get().path == url


@pytest.mark.django_db
def test_centre_staff_see_who_read_the_file_newest_first_paginated(
    file_objects, coach, centre_staff, logged_in
):
    client_file = reverse("client_detail", kwargs={"pk": file_objects["client"].pk})
    voucher = reverse("voucher_detail", kwargs={"pk": file_objects["voucher"].pk})
    start = timezone.now()
    for minutes in range(30):
        with time_machine.travel(start + timedelta(minutes=minutes)):
            logged_in(coach).get(voucher)
    with time_machine.travel(start + timedelta(hours=1)):
        web = logged_in(centre_staff)  # signed in then: an hour idle would end the session
        first = web.get(client_file).content.decode()
    assert "Wie heeft dit dossier ingekeken" in first
    rows = first.split('data-testid="access-row"')[1:]
    assert len(rows) == 25
    # This opening is logged once answered: the newest row shown is the coach's last read.
    assert f"Loopbaancheque #{file_objects['voucher'].pk}" in rows[0]
    assert coach.get_full_name() in rows[0] and "pagina" in rows[0]
    second = web.get(client_file + "?inzages=2").content.decode()
    later = second.split('data-testid="access-row"')[1:]
    assert len(later) == 6  # 30 reads and the first opening, 25 a page
    assert coach.get_full_name() in later[-1]  # the oldest: the coach's first read


@pytest.mark.django_db
def test_coaches_do_not_see_the_access_log(file_objects, coach, logged_in):
    url = reverse("client_detail", kwargs={"pk": file_objects["client"].pk})
    page = logged_in(coach).get(url).content.decode()
    assert "Wie heeft dit dossier ingekeken" not in page


@pytest.mark.django_db
def test_centre_staff_do_not_see_reads_by_other_organisations(
    file_objects, centre_staff, administrator, other_centre, logged_in
):
    outsider = staff_user(other_centre, Role.CENTRE_STAFF, username="elders")
    FileAccess.objects.create(
        user=outsider, client=file_objects["client"], kind="mediation", object_id=9, channel="page"
    )
    url = reverse("client_detail", kwargs={"pk": file_objects["client"].pk})
    assert "Bemiddeling #9" not in logged_in(centre_staff).get(url).content.decode()
    assert "Bemiddeling #9" in logged_in(administrator).get(url).content.decode()
