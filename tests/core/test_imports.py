"""Spreadsheet import: parsing, validation with the services' messages, dry run, commit, pages."""

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from koers.core.imports import (
    MAX_BYTES,
    ImportFileError,
    ImportKind,
    RowError,
    cell_text,
    parse_bool,
    parse_date,
    pending_dir,
    read_table,
    run_import,
)
from koers.core.models import Client, Organisation, OrganisationKind, Role, User
from tests.factories import ClientFactory, OrganisationFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NN = "85.07.30-033.28"  # a valid, fictional national number (python-stdnum's example)
NN_2 = "90.02.01-997.04"


@pytest.fixture(autouse=True)
def _dutch():
    """The messages are compared in Dutch, whatever another test left active."""
    with translation.override("nl-be"):
        yield


def csv_bytes(rows: list[list[str]], delimiter: str = ";", bom: bool = False) -> bytes:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    return ("\ufeff" if bom else "").encode() + text.encode()


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CLIENT_HEADER = ["voornaam", "achternaam", "geboortedatum", "e-mail", "telefoon", "postcode"]
CLIENT_HEADER += ["gemeente", "rijksregisternummer"]


def client_row(first="Ann", last="Peeters", born="30/07/1985", email="ann@example.org", **kw):
    return [
        first,
        last,
        born,
        email,
        kw.get("phone", "0470 12 34 56"),
        kw.get("postal", "9000"),
        kw.get("city", "Gent"),
        kw.get("nn", ""),
    ]


def errors_of(result) -> set[tuple[int, str, str]]:
    return {(e.row, e.column, e.message) for e in result.errors}


# --- Pure parsing helpers ----------------------------------------------------------------------


def test_parse_date_accepts_belgian_iso_and_excel_dates():
    assert parse_date("30/07/1985") == date(1985, 7, 30)
    assert parse_date("3/7/1985") == date(1985, 7, 3)
    assert parse_date("30-07-1985") == date(1985, 7, 30)
    assert parse_date("1985-07-30") == date(1985, 7, 30)
    assert parse_date(datetime(1985, 7, 30)) == date(1985, 7, 30)
    assert parse_date("") is None
    with pytest.raises(Exception, match="geen geldige datum"):
        parse_date("31/02/1985")


def test_parse_bool_and_cell_text():
    assert parse_bool("Ja") and parse_bool("x") and parse_bool(True)
    assert not parse_bool("nee") and not parse_bool("") and not parse_bool(None)
    with pytest.raises(Exception, match="ja of nee"):
        parse_bool("misschien")
    assert cell_text(9000.0) == "9000"
    assert cell_text(None) == ""


def test_read_table_sniffs_semicolon_comma_and_bom():
    for delimiter in ";,":
        for bom in (False, True):
            table = read_table(
                csv_bytes([["Voornaam", "Achternaam"], ["Ann", "Peeters"]], delimiter, bom)
            )
            assert table.headers == ["Voornaam", "Achternaam"]
            assert table.rows == [(2, ["Ann", "Peeters"])]


def test_read_table_keeps_excel_row_numbers_across_blank_lines():
    table = read_table(b"voornaam;achternaam\nAnn;Peeters\n;\nBram;Maes\n")
    assert [number for number, _cells in table.rows] == [2, 4]


def test_read_table_rejects_too_big_and_too_many_rows_and_old_xls():
    with pytest.raises(ImportFileError, match="groter dan 5 MB"):
        read_table(b"a" * (MAX_BYTES + 1))
    many = b"voornaam;achternaam\n" + b"Ann;Peeters\n" * 20_001
    with pytest.raises(ImportFileError, match="meer dan 20.000 rijen"):
        read_table(many)
    with pytest.raises(ImportFileError, match=r"\.xls"):
        read_table(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ImportFileError, match="leeg"):
        read_table(b"\n\n")


def test_exactly_the_row_limit_is_accepted():
    content = b"voornaam;achternaam\n" + b"Ann;Peeters\n" * 20_000
    assert len(read_table(content).rows) == 20_000


# --- Clients -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_client_csv_with_semicolons_and_bom_dry_run_writes_nothing(centre, centre_staff):
    content = (FIXTURES / "clienten.csv").read_bytes()
    result = run_import(
        kind=ImportKind.CLIENTS, content=content, user=centre_staff, organisation=centre
    )
    assert (result.total, result.valid, result.errors) == (2, 2, [])
    assert result.preview[0][:2] == ["Ann", "Peeters"]
    assert result.preview[0][-1] == "••.••.••-•••.28"  # the preview never shows it in full
    assert not Client.objects.exists()


@pytest.mark.django_db
def test_client_csv_with_commas_commits_through_the_service(centre, centre_staff):
    content = csv_bytes(
        [["Voornaam", "Achternaam", "Geboortedatum", "Rijksregisternummer", "Taal", "Toestemming"]]
        + [["Ann", "Peeters", "1985-07-30", NN, "Frans", "ja"]],
        delimiter=",",
    )
    result = run_import(
        kind=ImportKind.CLIENTS,
        content=content,
        user=centre_staff,
        organisation=centre,
        commit=True,
    )
    assert result.committed and result.created == 1
    client = Client.objects.get()
    assert client.organisation == centre
    assert client.national_number() == "85073003328"
    assert client.preferred_language == "fr"
    assert client.consent_processing and client.consent_processing_at
    assert client.history.first().history_user == centre_staff


@pytest.mark.django_db
def test_client_xlsx_with_real_dates_numbers_and_header_aliases(centre, centre_staff):
    content = xlsx_bytes(
        [
            [
                "VOORNAAM",
                "Familienaam",
                "Geboren",
                "E-mailadres",
                "GSM",
                "Postnummer",
                "Woonplaats",
            ],
            ["Ann", "Peeters", datetime(1985, 7, 30), "Ann@Example.org", 470123456, 9000, "Gent"],
            [None, None, None, None, None, None, None],
            ["Bram", "Maes", "15/01/1990", "", "", "", ""],
        ]
    )
    result = run_import(
        kind=ImportKind.CLIENTS,
        content=content,
        user=centre_staff,
        organisation=centre,
        commit=True,
    )
    assert result.errors == [] and result.created == 2
    ann = Client.objects.get(first_name="Ann")
    assert (ann.birth_date, ann.email, ann.phone) == (
        date(1985, 7, 30),
        "ann@example.org",
        "+32470123456",
    )
    assert (ann.postal_code, ann.city) == ("9000", "Gent")


@pytest.mark.django_db
def test_invalid_client_rows_give_row_column_and_the_services_dutch_message(centre, centre_staff):
    existing = ClientFactory(organisation=centre)
    existing.set_national_number("90020199704")
    existing.save()
    content = csv_bytes(
        [CLIENT_HEADER]
        + [client_row(nn="12.34.56-789.01")]  # row 2: bad national number
        + [client_row(phone="12")]  # row 3
        + [client_row(postal="123")]  # row 4
        + [client_row(email="geen-mail")]  # row 5
        + [client_row(born="31/02/1990")]  # row 6
        + [client_row(nn=NN)]  # row 7
        + [client_row(nn="85073003328")]  # row 8: same as row 7
        + [client_row(nn=NN_2)]  # row 9: already in the database
        + [client_row(first="")]  # row 10
    )
    result = run_import(
        kind=ImportKind.CLIENTS,
        content=content,
        user=centre_staff,
        organisation=centre,
        commit=True,
    )
    nn_msg = "Dit is geen geldig rijksregisternummer (11 cijfers, bv. 85.07.30-033.28)."
    assert errors_of(result) == {
        (2, "rijksregisternummer", nn_msg),
        (3, "telefoon", "Dit is geen geldig telefoonnummer."),
        (4, "postcode", "Een Belgische postcode heeft vier cijfers (1000 tot 9999)."),
        (5, "e-mail", "Voer een geldig e-mailadres in."),
        (6, "geboortedatum", "Dit is geen geldige datum (gebruik dd/mm/jjjj)."),
        (8, "rijksregisternummer", "Dit rijksregisternummer komt al voor in rij 7."),
        (9, "rijksregisternummer", "Er bestaat al een cliënt met dit rijksregisternummer."),
        (10, "voornaam", "Vul een voornaam in."),
    }
    assert (result.total, result.valid, result.invalid) == (9, 1, 8)
    assert not result.committed and result.created == 0
    assert Client.objects.count() == 1  # only the one that was already there


@pytest.mark.django_db
def test_only_valid_imports_the_good_rows_and_reports_the_others(centre, centre_staff):
    content = csv_bytes([CLIENT_HEADER, client_row(), client_row(phone="12"), client_row("Bram")])
    result = run_import(
        kind=ImportKind.CLIENTS,
        content=content,
        user=centre_staff,
        organisation=centre,
        commit=True,
        only_valid=True,
    )
    assert result.committed and result.created == 2
    assert result.errors == [RowError(3, "telefoon", "Dit is geen geldig telefoonnummer.")]
    assert sorted(Client.objects.values_list("first_name", flat=True)) == ["Ann", "Bram"]


@pytest.mark.django_db
def test_missing_required_column_and_foreign_organisation_are_refused(
    centre, centre_staff, other_centre
):
    with pytest.raises(ImportFileError, match="Deze kolommen ontbreken: achternaam"):
        run_import(
            kind=ImportKind.CLIENTS,
            content=b"voornaam\nAnn\n",
            user=centre_staff,
            organisation=centre,
        )
    with pytest.raises(ImportFileError, match="Kies een organisatie"):
        run_import(
            kind=ImportKind.CLIENTS,
            content=csv_bytes([CLIENT_HEADER, client_row()]),
            user=centre_staff,
            organisation=other_centre,
        )


# --- Organisations and staff -------------------------------------------------------------------


@pytest.mark.django_db
def test_organisations_csv_with_commas(centre_staff):
    content = (FIXTURES / "organisaties.csv").read_bytes()
    result = run_import(
        kind=ImportKind.ORGANISATIONS, content=content, user=centre_staff, commit=True
    )
    assert result.errors == [] and result.created == 2
    noord = Organisation.objects.get(enterprise_number="0403170701")
    assert (noord.kind, noord.working_name) == (OrganisationKind.CAREER_CENTRE, "Noord")
    assert Organisation.objects.get(name="Coaching Verhelst").kind == OrganisationKind.SUBCONTRACTOR


@pytest.mark.django_db
def test_invalid_organisation_rows(centre_staff):
    OrganisationFactory(enterprise_number="0403170701")
    content = csv_bytes(
        [["Naam", "Soort", "KBO-nummer", "E-mail"]]
        + [["A", "loopbaancentrum", "0403.170.701", ""]]  # row 2: in the database
        + [["B", "bakkerij", "", ""]]  # row 3: unknown kind
        + [["C", "werkgever", "0123.456.789", ""]]  # row 4: bad number
        + [["D", "werkgever", "BE 0202.239.951", ""]]  # row 5
        + [["E", "werkgever", "0202239951", "x@"]]  # row 6: duplicate of 5, bad e-mail
    )
    result = run_import(
        kind=ImportKind.ORGANISATIONS, content=content, user=centre_staff, commit=True
    )
    assert errors_of(result) == {
        (2, "KBO-nummer", "Er bestaat al een organisatie met dit ondernemingsnummer."),
        (3, "Soort", "Kies een soort organisatie uit de lijst."),
        (4, "KBO-nummer", "Dit is geen geldig ondernemingsnummer (10 cijfers, bv. 0403.170.701)."),
        (6, "KBO-nummer", "Dit ondernemingsnummer komt al voor in rij 5."),
        (6, "E-mail", "Voer een geldig e-mailadres in."),
    }
    assert Organisation.objects.count() == 2  # the existing one and `centre_staff`'s centre


@pytest.mark.django_db
def test_staff_csv_with_roles_by_dutch_name_or_code(centre, centre_staff):
    company = OrganisationFactory(
        enterprise_number="0202239951", kind=OrganisationKind.SUBCONTRACTOR
    )
    content = (
        FIXTURES / "medewerkers.csv"
    ).read_bytes() + b"sofie;Sofie;Wouters;;coach;0202.239.951\n"
    result = run_import(
        kind=ImportKind.STAFF, content=content, user=centre_staff, organisation=centre, commit=True
    )
    assert result.errors == [] and result.created == 3
    karel = User.objects.get(username="karel")
    assert karel.roles == {Role.CENTRE_STAFF, Role.COACH}
    assert User.objects.get(username="sofie").company == company
    # A random password nobody knows: the colleague picks one through "Wachtwoord vergeten?".
    assert karel.has_usable_password() and not karel.check_password("")


@pytest.mark.django_db
def test_invalid_staff_rows(centre, centre_staff):
    content = csv_bytes(
        [["Gebruikersnaam", "Voornaam", "Achternaam", "E-mail", "Rollen", "Bedrijf"]]
        + [["backoffice", "A", "B", "", "coach", ""]]  # row 2: username in the database
        + [["nieuw", "A", "B", "", "tovenaar", ""]]  # row 3: unknown role
        + [["nieuw2", "A", "B", "fout", "coach", ""]]  # row 4: bad e-mail
        + [["Nieuw2", "A", "B", "", "coach", ""]]  # row 5: same username as row 4
        + [["nieuw3", "A", "B", "", "coach", "0202.239.951"]]  # row 6: no such company
    )
    result = run_import(
        kind=ImportKind.STAFF, content=content, user=centre_staff, organisation=centre, commit=True
    )
    assert errors_of(result) == {
        (2, "Gebruikersnaam", "Deze gebruikersnaam is al in gebruik."),
        (3, "Rollen", "Kies minstens één geldige rol."),
        (4, "E-mail", "Voer een geldig e-mailadres in."),
        (5, "Gebruikersnaam", "Deze gebruikersnaam komt al voor in rij 4."),
        (6, "Bedrijf", "Er bestaat geen organisatie met dit ondernemingsnummer."),
    }
    assert list(User.objects.values_list("username", flat=True)) == ["backoffice"]


# --- Pages -------------------------------------------------------------------------------------


def _upload(kind: str, content: bytes, name: str = "bestand.csv"):
    upload = io.BytesIO(content)
    upload.name = name
    return {"kind": kind, "file": upload}


@pytest.mark.django_db
def test_preview_then_confirm_as_centre_staff(logged_in, centre, centre_staff):
    web = logged_in(centre_staff)
    assert web.get(reverse("import_start")).status_code == 200
    data = _upload(
        "clients", csv_bytes([CLIENT_HEADER, client_row(), client_row("Bram", phone="12")])
    )
    response = web.post(reverse("import_start"), {**data, "organisation": centre.pk})
    assert response.status_code == 302 and response["Location"] == reverse("import_preview")
    key = web.session["koers_import"]["key"]
    assert key not in response["Location"]
    assert (pending_dir() / key).stat().st_mode & 0o077 == 0  # personal data: owner only

    page = web.get(reverse("import_preview")).content.decode()
    assert "Dit is geen geldig telefoonnummer." in page and "Peeters" in page
    assert 'value="all" class="btn" disabled' in page
    assert not Client.objects.exists()

    # "Alles importeren" is refused while the file has errors; the file stays for another try.
    response = web.post(reverse("import_confirm"), {"action": "all"})
    assert response["Location"] == reverse("import_preview") and not Client.objects.exists()

    response = web.post(reverse("import_confirm"), {"action": "valid"})
    assert response.status_code == 302
    assert list(Client.objects.values_list("first_name", flat=True)) == ["Ann"]
    assert not (pending_dir() / key).exists()
    assert "koers_import" not in web.session


@pytest.mark.django_db
def test_xlsx_upload_and_cancel_deletes_the_file(logged_in, centre, centre_staff):
    web = logged_in(centre_staff)
    content = xlsx_bytes([["naam", "soort"], ["Werkgever X", "werkgever"]])
    response = web.post(reverse("import_start"), _upload("organisations", content, "lijst.xlsx"))
    assert response.status_code == 302
    key = web.session["koers_import"]["key"]
    assert "Werkgever X" in web.get(reverse("import_preview")).content.decode()
    web.post(reverse("import_confirm"), {"action": "cancel"})
    assert not (pending_dir() / key).exists()
    assert not Organisation.objects.filter(name="Werkgever X").exists()


@pytest.mark.django_db
def test_start_shows_file_level_errors_inline(logged_in, centre, centre_staff):
    web = logged_in(centre_staff)
    response = web.post(
        reverse("import_start"),
        {**_upload("clients", b"voornaam\nAnn\n"), "organisation": centre.pk},
    )
    assert response.status_code == 200
    assert "Deze kolommen ontbreken: achternaam." in response.content.decode()
    too_big = _upload("clients", b"voornaam;achternaam\n" + b"x" * MAX_BYTES)
    response = web.post(reverse("import_start"), {**too_big, "organisation": centre.pk})
    assert "Het bestand is groter dan 5 MB." in response.content.decode()
    response = web.post(reverse("import_start"), _upload("clients", b"x", "foto.png"))
    assert "Kies een CSV- of XLSX-bestand." in response.content.decode()
    assert "Kies een organisatie." in response.content.decode()


@pytest.mark.django_db
def test_pages_are_404_for_a_coach(logged_in, coach):
    web = logged_in(coach)
    assert web.get(reverse("import_start")).status_code == 404
    assert web.get(reverse("import_preview")).status_code == 404
    assert web.post(reverse("import_confirm"), {"action": "all"}).status_code == 404
    assert web.get(reverse("import_template", args=["clients"])).status_code == 404


@pytest.mark.django_db
def test_confirm_without_pending_import_is_404(logged_in, centre_staff):
    assert (
        logged_in(centre_staff).post(reverse("import_confirm"), {"action": "all"}).status_code
        == 404
    )


@pytest.mark.django_db
def test_example_templates_import_cleanly(logged_in, centre, centre_staff):
    web = logged_in(centre_staff)
    for kind in ImportKind.values:
        response = web.get(reverse("import_template", args=[kind]))
        assert response["Content-Type"].startswith("text/csv")
        result = run_import(
            kind=kind, content=response.content, user=centre_staff, organisation=centre
        )
        assert (result.total, result.errors) == (1, []), kind


# --- Management command ------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_data_command_dry_run_then_commit(centre, centre_staff, tmp_path, capsys):
    path = tmp_path / "clienten.csv"
    path.write_bytes(csv_bytes([CLIENT_HEADER, client_row(), client_row("Bram", postal="12")]))
    args = [
        "import_data",
        "clienten",
        str(path),
        "--organisation",
        str(centre.pk),
        "--user",
        "backoffice",
    ]
    with pytest.raises(CommandError, match="niets bewaard"):
        call_command(*args)
    assert "rij 3, postcode: Een Belgische postcode heeft vier cijfers" in capsys.readouterr().out
    call_command(*args, "--commit", "--only-valid")
    assert "1 rijen geïmporteerd" in capsys.readouterr().out
    assert Client.objects.get().first_name == "Ann"


@pytest.mark.django_db
def test_import_data_command_refuses_a_coach(centre, coach, tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(csv_bytes([CLIENT_HEADER, client_row()]))
    with pytest.raises(CommandError, match="mag niet importeren"):
        call_command(
            "import_data",
            "clienten",
            str(path),
            "--organisation",
            str(centre.pk),
            "--user",
            "coach",
        )
