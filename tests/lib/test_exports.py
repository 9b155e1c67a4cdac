"""koers.lib.exports: tables to CSV (Belgian Excel) and XLSX, with formula injection neutralised."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koers.lib.exports import (
    FORMULA_START,
    Column,
    Table,
    csv_bytes,
    export_bytes,
    neutralise,
    xlsx_bytes,
)

COLUMNS = (
    Column("Cliënt", 30),
    Column("Uren"),
    Column("Bedrag", number_format="0.00"),
    Column("Dag"),
)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def _xlsx_rows(data: bytes) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return list(book.active.iter_rows(values_only=True))


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x")', "+32 470", "-2+3", "@SUM(A1)", "\tcmd", "\r=1", "\x00=1+1"],
)
def test_export_formula_starts_get_a_leading_quote(text):
    assert neutralise(text) == "'" + text
    assert _csv_rows(csv_bytes(Table("t", COLUMNS[:1], [[text]])))[1] == ["'" + text]
    [_, (cell,)] = _xlsx_rows(xlsx_bytes(Table("t", COLUMNS[:1], [[text]])))
    assert cell.startswith("'")


def test_export_numbers_stay_numbers_and_plain_text_stays_as_it_is():
    assert neutralise(-12) == -12 and neutralise(Decimal("-12.50")) == Decimal("-12.50")
    assert neutralise("Marie Peeters") == "Marie Peeters"
    rows = [["Marie", 3, Decimal("-12.50"), date(2026, 5, 31)]]
    assert _csv_rows(csv_bytes(Table("t", COLUMNS, rows)))[1] == [
        "Marie",
        "3",
        "-12,50",
        "2026-05-31",
    ]
    [_, row] = _xlsx_rows(xlsx_bytes(Table("t", COLUMNS, rows)))
    assert row == ("Marie", 3, -12.5, datetime(2026, 5, 31))


def test_export_csv_is_for_belgian_excel():
    data = csv_bytes(Table("t", COLUMNS, [['Anaïs; "De" Smet', 1, Decimal("90.00"), None]]))
    assert data.decode("utf-8-sig").splitlines()[0] == "Cliënt;Uren;Bedrag;Dag"
    assert _csv_rows(data)[1] == ['Anaïs; "De" Smet', "1", "90,00", ""]


def test_export_xlsx_has_a_bold_header_and_amount_format():
    data = export_bytes(
        Table("Afrekeningen 05/2026", COLUMNS, [["A", 1, Decimal("9.5"), None]]), "xlsx"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Afrekeningen 05-2026"
    assert sheet["A1"].font.bold and sheet["A1"].value == "Cliënt"
    assert sheet["C2"].number_format == "0.00"
    with pytest.raises(ValueError, match="pdf"):
        export_bytes(Table("t", COLUMNS, []), "pdf")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_export_no_text_is_ever_read_as_a_formula(text):
    safe = neutralise(text)
    visible = safe.lstrip("".join(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32))))
    assert not visible.startswith(FORMULA_START)
    assert safe == text or safe == "'" + text
    [_, (csv_cell,)] = _csv_rows(csv_bytes(Table("t", COLUMNS[:1], [[text]])))
    assert csv_cell == safe.replace("\r\n", "\n") or csv_cell == safe  # csv keeps the text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=5))
def test_export_xlsx_cells_are_text_never_formulas(texts):
    [_, *rows] = _xlsx_rows(xlsx_bytes(Table("t", COLUMNS[:1], [[t] for t in texts])))
    for (cell,) in rows:
        assert cell is None or not str(cell).startswith(("=", "+", "-", "@", "\t", "\r"))
