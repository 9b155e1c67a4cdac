"""Tables as downloads: columns and rows to CSV bytes (Belgian Excel) or XLSX bytes (openpyxl).

Pure of Django: the caller gives the column titles (translated) and the rows (plain values:
text, whole numbers, Decimals, dates, datetimes in local time, booleans, None). Used by the
billing exports (`koers.billing.selectors.exports`); any table of Koers can use it.

**Formula injection.** A cell a spreadsheet would read as a formula (text starting with `=`, `+`,
`-`, `@`, or a tab or carriage return, OWASP "CSV Injection") gets a leading `'`, in CSV and in
XLSX alike: a client's name such as `=HYPERLINK(…)` arrives as text, never as a formula. Numbers
stay numbers (a negative correction is a number, not text).

**CSV** is UTF-8 with a byte order mark and `;` between fields, numbers with a decimal comma:
what Excel in Belgium (nl-BE, fr-BE) opens without an import wizard. Dates are ISO (2026-05-31),
which every locale reads as a date. **XLSX** is written with openpyxl's write-only workbook (rows
are streamed, memory stays flat), with a bold header row, numbers as numbers (amounts with two
decimals) and dates as dates.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"
FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Column:
    """One column: its title (as the reader sees it) and, for XLSX, its width in characters and
    the number format of its numbers ("0.00" for amounts)."""

    title: str
    width: int = 14
    number_format: str | None = None


@dataclass(frozen=True)
class Table:
    """What an export writes: a sheet title, the columns, and the rows (one value per column)."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]


def neutralise(value: Any) -> Any:
    """A value safe to put in a spreadsheet cell: text a spreadsheet would read as a formula
    gets a leading `'` (also behind leading control characters, which XLSX drops); everything
    else is returned as it is."""
    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.sub("", value).startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_text(value: Any) -> str:
    value = neutralise(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_bytes(table: Table) -> bytes:
    """The table as CSV for Belgian Excel: UTF-8 with BOM, `;`, a decimal comma, CRLF lines."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([_csv_text(c.title) for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_text(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx_cell(sheet, column: Column, value: Any):
    value = neutralise(value)
    if isinstance(value, bool):
        value = "ja" if value else "nee"
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None)  # Excel has no time zones: the caller gives local time
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters XML cannot carry
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text is text, whatever it starts with
    elif isinstance(value, datetime):
        cell.number_format = "DD/MM/YYYY HH:MM"
    elif isinstance(value, date):
        cell.number_format = "DD/MM/YYYY"
    elif column.number_format and isinstance(value, int | float | Decimal):
        cell.number_format = column.number_format
    return cell


def xlsx_bytes(table: Table) -> bytes:
    """The table as an XLSX workbook with one sheet, streamed with openpyxl's write-only mode."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_sheet_title(table.title))
    for index, column in enumerate(table.columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = column.width
    bold = Font(bold=True)
    header = []
    for column in table.columns:
        cell = WriteOnlyCell(sheet, value=neutralise(column.title))
        cell.data_type = "s"
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([_xlsx_cell(sheet, c, v) for c, v in zip(table.columns, row, strict=True)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_bytes(table: Table, fmt: str) -> bytes:
    """The table in format `fmt` ("csv" or "xlsx"); ValueError for any other."""
    if fmt == "csv":
        return csv_bytes(table)
    if fmt == "xlsx":
        return xlsx_bytes(table)
    raise ValueError(f"unknown export format {fmt!r}")


def _sheet_title(title: str) -> str:
    """Excel's limits for a sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title).strip("'")
    return (cleaned or "Blad1")[:31]
