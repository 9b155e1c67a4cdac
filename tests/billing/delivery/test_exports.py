"""The deliveries export (issue 12 "Exports"; BIL-01): every dossier of the batches a user sees,
as XLSX and CSV, a coach only their own, a constant number of queries."""

import csv
import io
from datetime import date, datetime

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.billing.services.delivery import batch_create, batch_set_state
from tests.api.conftest import Api


def _export(web, fmt="xlsx"):
    response = web.get(reverse("billing_export", args=["dossiers"]), {"formaat": fmt})
    assert response.status_code == 200
    return response


def test_bil_01_deliveries_export_lists_each_dossier_with_its_batch(
    fake_dossiers, coach, centre, logged_in
):
    a = fake_dossiers.dossier(coach)
    b = fake_dossiers.dossier(coach, name="Bart Claes", closed_on=date(2026, 3, 2))
    batch = batch_create(trajectory_ids=[a.pk, b.pk], acting_user=coach)
    batch_set_state(batch=batch, state="posted", acting_user=coach)
    book = openpyxl.load_workbook(io.BytesIO(_export(logged_in(coach)).content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == (
        "Zending nr.", "Klaargezet op", "Coach", "Centrum", "Status", "Cheque", "Cliënt",
        "Afgerond op",
    )  # fmt: skip
    assert rows[1] == (
        batch.pk, datetime(2026, 3, 20, 10, 0), coach.get_full_name(), str(centre),
        "Verstuurd per post", "1", "An Peeters", datetime(2026, 2, 10),
    )  # fmt: skip
    assert rows[2][6:] == ("Bart Claes", datetime(2026, 3, 2))
    assert (
        reverse("billing_export", args=["dossiers"])
        in logged_in(coach).get(reverse("billing_delivery")).content.decode()
    )


def test_bil_01_a_coach_never_gets_another_coachs_batches(
    fake_dossiers, coach, other_coach, centre_staff, outsider, logged_in
):
    batch_create(trajectory_ids=[fake_dossiers.dossier(coach).pk], acting_user=coach)
    other = fake_dossiers.dossier(other_coach, name="Cas Smet")
    batch_create(trajectory_ids=[other.pk], acting_user=other_coach)

    def clients(user):
        text = _export(logged_in(user), "csv").content.decode("utf-8-sig")
        return {row[6] for row in list(csv.reader(io.StringIO(text), delimiter=";"))[1:]}

    assert clients(coach) == {"An Peeters"}
    assert clients(other_coach) == {"Cas Smet"}
    assert clients(centre_staff) == {"An Peeters", "Cas Smet"}
    assert clients(outsider) == set()
    answer = Api(other_coach).get("/billing/exports/deliveries", {"format": "csv"})
    assert "An Peeters" not in answer.content.decode("utf-8-sig")


def test_bil_01_deliveries_export_queries_do_not_grow(
    fake_dossiers, coach, centre_staff, logged_in
):
    batch_create(trajectory_ids=[fake_dossiers.dossier(coach).pk], acting_user=coach)
    web = logged_in(centre_staff)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            _export(web)
        return len(ctx)

    before = count()
    for n in range(5):
        ids = [fake_dossiers.dossier(coach, name=f"Klant{n} Een").pk]
        ids.append(fake_dossiers.dossier(coach, name=f"Klant{n} Twee").pk)
        batch_create(trajectory_ids=ids, acting_user=coach)
    assert count() == before
