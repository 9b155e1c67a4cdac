"""Exports of hours per coach and month and of statements (issue 12 "Exports"; BIL-02, BIL-03):
XLSX that openpyxl opens with the rows, CSV for Belgian Excel, a coach only their own rows,
centre staff their centre's, formulas neutralised, a constant number of queries, the log line."""

import csv
import io
import logging
from datetime import date

import openpyxl
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.billing.rules.periods import Month
from koers.billing.services.hours import hour_mark_entered, statement_correct, statement_settle
from tests.api.conftest import Api
from tests.billing.factories import held_contact, open_voucher, rate
from tests.factories import ClientFactory

TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def june():
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


def _client(centre, first, last):
    return ClientFactory(organisation=centre, first_name=first, last_name=last)


def _hours(coach, centre, *, name=("An", "Peeters"), may=(4,), june=(1,)):
    voucher = open_voucher(coach, centre, _client(centre, *name))
    for day in may:
        c = held_contact(voucher, date(2026, 5, day))
        hour_mark_entered(
            contact_id=c.pk, entered_on=date(2026, 5, 20), acting_user=coach, today=TODAY
        )
    for day in june:
        held_contact(voucher, date(2026, 6, day), 90)
    return voucher


def _xlsx(response) -> list[tuple]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return list(book.active.iter_rows(values_only=True))


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def _export(web, slug, fmt="xlsx", **params):
    return web.get(reverse("billing_export", args=[slug]), {"formaat": fmt, **params})


def test_bil_02_hours_per_coach_and_month_as_xlsx(coach, centre, logged_in):
    _hours(coach, centre, may=(4, 5), june=(1,))
    [header, may, june] = _xlsx(_export(logged_in(coach), "uren"))
    assert header[:4] == ("Coach", "Maand", "Getelde uren", "Ingegeven bij VDAB")
    assert may[:6] == (coach.get_full_name(), "2026-05", 2, 2, 0, 0)
    assert june[:5] == (coach.get_full_name(), "2026-06", 1.5, 0, 1.5)


def test_bil_03_statements_export_has_lines_and_corrections(coach, centre, centre_staff, logged_in):
    rate(coach, centre)
    _hours(coach, centre, may=(4, 5), june=())
    [statement] = statement_settle(
        centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY
    )
    line = statement.lines.get()
    statement_correct(
        statement_id=statement.pk,
        line_id=line.pk,
        minutes=-30,
        note="Dubbel ingegeven",
        acting_user=centre_staff,
    )
    rows = _xlsx(_export(logged_in(coach), "afrekeningen"))
    assert rows[0][:8] == (
        "Maand", "Coach", "Centrum", "Cliënt", "Cheque", "Uurtarief", "Uren", "Bedrag"
    )  # fmt: skip
    assert rows[1][:9] == (
        "2026-05", coach.get_full_name(), str(centre), "An Peeters", "1", 90, 2, 180, "afrekening"
    )  # fmt: skip
    assert rows[2][6:10] == (-0.5, -45, "correctie", "Dubbel ingegeven")
    csv_rows = _csv(_export(logged_in(coach), "afrekeningen", "csv"))
    assert csv_rows[1][5:8] == ["90.00".replace(".", ","), "2,00", "180,00"]
    assert csv_rows[2][7] == "-45,00"  # a negative amount stays a number
    assert _csv(_export(logged_in(coach), "afrekeningen", "csv", maand="2026-04")) == [csv_rows[0]]


def test_bil_03_a_coach_never_gets_another_coachs_rows(
    coach, other_coach, centre, centre_staff, outsider, logged_in
):
    rate(coach, centre)
    rate(other_coach, centre)
    _hours(coach, centre, name=("An", "Peeters"))
    _hours(other_coach, centre, name=("Bart", "Claes"))
    statement_settle(centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY)
    for slug in ("uren", "afrekeningen"):
        own = _csv(_export(logged_in(coach), slug, "csv"))
        names = {row[1] if slug == "afrekeningen" else row[0] for row in own[1:]}
        assert names == {coach.get_full_name()}, slug
        assert "Bart Claes" not in "".join(map(";".join, own))
        staff = _csv(_export(logged_in(centre_staff), slug, "csv"))
        assert {coach.get_full_name(), other_coach.get_full_name()} <= {
            cell for row in staff[1:] for cell in row
        }
        assert len(_csv(_export(logged_in(outsider), slug, "csv"))) == 1  # the header only


def test_bil_03_export_neutralises_a_formula_in_a_clients_name(
    coach, centre, centre_staff, logged_in
):
    rate(coach, centre)
    _hours(coach, centre, name=('=HYPERLINK("http://x")', "@Peeters"), june=())
    statement_settle(centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY)
    [_, row] = _xlsx(_export(logged_in(coach), "afrekeningen"))
    assert row[3] == '\'=HYPERLINK("http://x") @Peeters'
    [_, csv_row] = _csv(_export(logged_in(coach), "afrekeningen", "csv"))
    assert csv_row[3].startswith("'=")


def test_bil_02_export_refuses_an_unknown_format_or_month(coach, logged_in):
    web = logged_in(coach)
    assert _export(web, "uren", "pdf").status_code == 400
    assert _export(web, "uren", maand="2026-13").status_code == 400
    assert web.get(reverse("billing_export", args=["facturen-x"])).status_code == 404
    assert "?formaat=xlsx" in web.get(reverse("billing_hours")).content.decode()
    assert (
        reverse("billing_export", args=["afrekeningen"])
        in web.get(reverse("billing_statements")).content.decode()
    )


def test_bil_03_each_export_is_logged_without_personal_data(coach, centre, logged_in, caplog):
    _hours(coach, centre, name=("Zoë", "Vermeulen"))
    with caplog.at_level(logging.INFO, logger="koers.audit.exports"):
        _export(logged_in(coach), "uren", "csv")
    [record] = [r for r in caplog.records if r.name == "koers.audit.exports"]
    line = record.getMessage()
    assert "kind=hours" in line and f"user={coach.pk}" in line and "rows=2" in line
    assert "Zoë" not in line and "Vermeulen" not in line and coach.last_name not in line


def test_bil_03_exports_through_the_api(coach, other_coach, centre, centre_staff):
    rate(coach, centre)
    _hours(coach, centre)
    statement_settle(centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY)
    answer = Api(coach).get("/billing/exports/statements", {"format": "csv", "month": "2026-05"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    assert len(_csv(answer)) == 2
    assert len(_csv(Api(other_coach).get("/billing/exports/statements", {"format": "csv"}))) == 1
    assert len(_xlsx(Api(coach).get("/billing/exports/hours"))) == 3
    assert Api(coach).get("/billing/exports/unknown").status_code == 404
    bad = Api(coach).get("/billing/exports/hours", {"month": "mei"})
    assert bad.status_code == 422
    assert Api().get("/billing/exports/hours").status_code == 401


def test_bil_03_export_queries_do_not_grow_with_the_rows(
    coach, other_coach, centre, centre_staff, logged_in
):
    rate(coach, centre)
    rate(other_coach, centre)
    _hours(coach, centre, may=(4,), june=(1,))
    statement_settle(centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY)
    web = logged_in(centre_staff)

    def counts():
        out = []
        for slug in ("uren", "afrekeningen"):
            with CaptureQueriesContext(connection) as ctx:
                assert _export(web, slug).status_code == 200
            out.append(len(ctx))
        return out

    before = counts()
    for n in range(4):
        _hours(coach, centre, name=(f"Client{n}", "Extra"), may=(6, 7), june=(2, 3))
        _hours(other_coach, centre, name=(f"Klant{n}", "Meer"), may=(6, 7), june=(2, 3))
    settled = statement_settle(
        centre=centre, month=Month(2026, 5), acting_user=centre_staff, today=TODAY
    )  # the other coach's statement: more statements, lines and a correction
    statement = next(s for s in settled if s.coach_id == other_coach.pk)
    line = statement.lines.first()
    statement_correct(
        statement_id=statement.pk,
        line_id=line.pk,
        minutes=30,
        note="Vergeten",
        acting_user=centre_staff,
    )
    after = counts()
    assert after == before, (before, after)
