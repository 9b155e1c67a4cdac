"""Every list exports its current filter as XLSX and CSV (issue 16): the headers a coach reads,
only the rows the user sees, formula injection neutralised, no national number, and a record of
who exported what without the search text."""

import pytest
from django.utils import timezone

from koers.listexports.models import ExportStatus, ListExport
from tests.factories import ClientFactory, ContactFactory, TrajectoryFactory
from tests.listexports.conftest import csv_rows, download, xlsx_rows
from tests.privacy.conftest import NATIONAL_NUMBER, make_lead

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("voucher_rules_in_force")]

KINDS = ["clients", "leads", "mediation", "trajectories", "contacts"]
FORMATS = ["xlsx", "csv"]

# Each list's first row, as a coach reads it (`kinds.py`); the shorter ones are the first columns.
HEADERS = {
    "clients": [
        "Achternaam",
        "Voornaam",
        "Geboortedatum",
        "Postcode",
        "Gemeente",
        "E-mail",
        "Telefoon",
        "Organisatie",
    ],
    "leads": ["Achternaam", "Voornaam", "E-mail"],
    "mediation": ["Cliënt", "VDAB-klantnummer", "Tender", "Perceel", "Status"],
    "trajectories": [
        "Cliënt",
        "Programma",
        "Status",
        "Verantwoordelijke",
        "Organisatie",
        "Startdatum",
        "Einddatum",
        "Dossier",
        "Open punten",
    ],
    "contacts": [
        "Datum en uur",
        "Cliënt",
        "Programma",
        "Vorm",
        "Duur (min)",
        "Uitkomst",
        "Medewerker",
        "Plaats",
    ],
}
FULL_HEADERS = {"clients", "trajectories", "contacts"}  # compared whole, the others by prefix


def _url(kind: str, fmt: str, query: str = "") -> str:
    return f"/exporteren/{kind}/?formaat={fmt}{query}"


def _names(rows: list[list], column: int = 0) -> set:
    return {row[column] for row in rows[1:]}


@pytest.fixture
def export(logged_in):
    """`export(user, kind, fmt, query)`: the downloaded export's rows (header first), as openpyxl
    or the CSV reader reads them."""

    def _rows(user, kind: str, fmt: str = "xlsx", query: str = "") -> list[list]:
        content = download(logged_in(user).get(_url(kind, fmt, query)))
        return xlsx_rows(content) if fmt == "xlsx" else csv_rows(content)

    return _rows


@pytest.fixture
def coach_data(coach, other_coach, centre, open_voucher):
    """Two clients of the coach (one with a voucher and a contact), one of another coach."""
    mine = ClientFactory(organisation=centre, first_name="Ann", last_name="Peeters")
    mine.set_national_number(NATIONAL_NUMBER)
    mine.save()
    voucher = open_voucher(mine, coach)
    ContactFactory(trajectory=voucher.trajectory, starts_at=timezone.now())
    second = ClientFactory(organisation=centre, first_name="Bart", last_name="Aerts")
    TrajectoryFactory(client=second, responsible=coach, organisation=centre)
    theirs = ClientFactory(organisation=centre, first_name="Zoë", last_name="Janssens")
    other = TrajectoryFactory(client=theirs, responsible=other_coach, organisation=centre)
    ContactFactory(trajectory=other, starts_at=timezone.now())
    return mine, second, theirs


@pytest.fixture
def nora(centre):
    """A lead (Nora Peeters) of the centre, not yet given to a coach."""
    lead = make_lead(centre, first_name="Nora")
    lead.coach_id = None
    lead.save()
    return lead


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_export_starts_with_the_headers_a_coach_reads(kind, fmt, coach, coach_data, export):
    header = export(coach, kind, fmt)[0]
    expected = HEADERS[kind]
    assert (header if kind in FULL_HEADERS else header[: len(expected)]) == expected


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_export_holds_the_national_number(kind, fmt, coach, coach_data, export):
    rows = export(coach, kind, fmt)
    cells = " ".join(str(cell) for row in rows for cell in row)
    assert NATIONAL_NUMBER not in cells
    assert "85.07.30" not in cells
    assert not any("rijksregister" in str(title).lower() for title in rows[0])


def test_client_export_in_excel_has_the_coachs_clients_only(coach, coach_data, export):
    assert _names(export(coach, "clients", "xlsx")) == {"Aerts", "Peeters"}


def test_client_export_in_csv_follows_the_search(coach, coach_data, export):
    rows = export(coach, "clients", "csv", "&q=peeters")
    assert [r[:2] for r in rows[1:]] == [["Peeters", "Ann"]]


def test_trajectory_export_shows_the_voucher_dossier_status(coach, coach_data, export):
    by_client = {row[0]: row for row in export(coach, "trajectories", "xlsx")[1:]}
    assert set(by_client) == {"Peeters, Ann", "Aerts, Bart"}
    assert by_client["Peeters, Ann"][7] == "Open punten"
    assert "Overeenkomst: origineel ontvangen" in by_client["Peeters, Ann"][8]


def test_contact_export_holds_this_months_visible_contacts(coach, coach_data, export):
    rows = export(coach, "contacts", "csv")
    assert _names(rows, 1) == {"Peeters, Ann"}  # not the other coach's client


def test_contact_export_outside_the_date_range_is_empty(coach, coach_data, export):
    assert export(coach, "contacts", "csv", "&van=2020-01-01&tot=2020-01-31")[1:] == []


def test_lead_export_follows_the_state_filter(coach, nora, export):
    nora.coach = coach
    nora.save()
    rows = export(coach, "leads", "xlsx", "&status=all")
    assert [r[:2] for r in rows[1:]] == [["Peeters", "Nora"]]


def test_lead_export_of_a_coach_leaves_out_the_leads_of_others(other_coach, nora, export):
    assert export(other_coach, "leads", "xlsx", "&status=all")[1:] == []


def test_mediation_export_lists_the_mediators_services(mediator, service, export):
    rows = export(mediator, "mediation", "xlsx")
    assert [r[0] for r in rows[1:]] == ["Nora Claes"]
    assert rows[1][3] == "Perceel 3 Leuven"


def test_mediator_sees_no_voucher_clients_in_any_export(mediator, service, coach_data, export):
    assert _names(export(mediator, "clients", "xlsx")) == {"Claes"}
    trajectories = export(mediator, "trajectories", "xlsx")
    assert {r[1] for r in trajectories[1:]} == {"Intensieve bemiddeling"}


def test_coach_sees_no_mediation_services(coach, service, export):
    assert export(coach, "mediation", "xlsx")[1:] == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_formula_as_name_arrives_as_text(fmt, coach, centre, export):
    name = '=HYPERLINK("http://evil.example","klik")'
    client = ClientFactory(organisation=centre, first_name="Eva", last_name=name)
    TrajectoryFactory(client=client, responsible=coach, organisation=centre)
    assert export(coach, "clients", fmt)[1][0] == "'" + name


def test_the_record_keeps_who_and_what_but_not_the_search_text(coach, coach_data, export):
    export(coach, "clients", "xlsx", "&q=Peeters")
    record = ListExport.objects.get()
    assert record.requested_by == coach
    assert (record.kind, record.format, record.row_count) == ("clients", "xlsx", 1)
    assert record.searched is True
    assert record.filters == {}
    assert record.status == ExportStatus.DONE
    assert "Peeters" not in str(ListExport.objects.values().get())


def test_the_record_keeps_the_filter_of_a_list(coach, coach_data, export):
    export(coach, "trajectories", "csv", "&programma=voucher&mijn=1&x=y")
    record = ListExport.objects.get()
    assert record.filters == {"programma": "voucher", "mijn": "1"}
    assert record.searched is False


def test_an_unknown_list_is_404_and_an_unknown_format_400(coach, logged_in):
    client = logged_in(coach)
    assert client.get(_url("unknown", "xlsx")).status_code == 404
    assert client.get(_url("clients", "pdf")).status_code == 400
    assert not ListExport.objects.exists()


def test_export_needs_a_signed_in_user(client):
    response = client.get(_url("clients", "xlsx"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("url", "kind", "user", "link"),
    [
        ("/clienten/", "clients", "coach", "/exporteren/clients/"),
        ("/aanvragen/", "leads", "coach", "/exporteren/leads/"),
        ("/trajecten/", "trajectories", "coach", "/exporteren/trajectories/"),
        ("/trajecten/contacten/", "contacts", "coach", "/exporteren/contacts/"),
        ("/bemiddeling/", "mediation", "mediator", "/exporteren/mediation/?formaat=xlsx"),
    ],
)
def test_each_list_page_offers_both_exports(url, kind, user, link, request, logged_in):
    html = logged_in(request.getfixturevalue(user)).get(url).content.decode()
    assert link in html
    assert "Exporteer (Excel)" in html and "Exporteer (CSV)" in html


def test_the_export_links_carry_the_pages_filter(coach, logged_in):
    html = logged_in(coach).get("/trajecten/?programma=voucher&mijn=1&after=5").content.decode()
    assert "/exporteren/trajectories/?programma=voucher&amp;mijn=1&amp;formaat=xlsx" in html
