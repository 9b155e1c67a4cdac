import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from tests.mediation.conftest import mediator, partner, referral, service  # noqa: F401 - fixtures


def xlsx_rows(content: bytes) -> list[list]:
    """The sheet's rows as openpyxl reads them (header first)."""
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def download(response) -> bytes:
    assert response.status_code == 200, response.content[:300]
    assert "attachment" in response["Content-Disposition"]
    return b"".join(response.streaming_content) if response.streaming else response.content


def query_count(func) -> int:
    with CaptureQueriesContext(connection) as captured:
        func()
    return len(captured)


@pytest.fixture
def open_voucher(voucher_rules_in_force):
    from koers.vouchers.services import voucher_open

    def _open(client, coach):
        return voucher_open(
            client=client,
            responsible=coach,
            organisation=client.organisation,
            start_date=timezone.localdate() - timedelta(days=10),
            acting_user=coach,
        )

    return _open
