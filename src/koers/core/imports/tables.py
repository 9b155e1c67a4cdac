"""Reading an uploaded CSV or XLSX file into a table of headers and rows."""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from koers.core.imports.base import MAX_BYTES, MAX_ROWS, ImportFileError
from koers.core.imports.cells import cell_text


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list]]  # (row number as in Excel, cell values)
    mapping: dict[int, str] = field(default_factory=dict)  # column index -> field, once mapped


def read_table(content: bytes) -> Table:
    """Read a CSV (UTF-8 with or without BOM, ';' or ',') or an XLSX file (its first sheet)."""
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("Het bestand is groter dan 5 MB. Splits het op in kleinere delen."))
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("Oude .xls-bestanden worden niet ondersteund. Bewaar het bestand als .xlsx of .csv.")
        )
    is_xlsx = content.startswith(b"PK\x03\x04")  # a zip archive, whatever the file is called
    headers, rows = None, []
    for number, cells in _xlsx_records(content) if is_xlsx else _csv_records(content):
        if not any(cell_text(cell) for cell in cells):
            continue  # blank lines keep their number but are not rows
        if headers is None:
            headers = [cell_text(cell) for cell in cells]
        elif len(rows) == MAX_ROWS:
            raise ImportFileError(
                _("Het bestand heeft meer dan 20.000 rijen. Splits het op in kleinere delen.")
            )
        else:
            rows.append((number, list(cells)))
    if headers is None:
        raise ImportFileError(_("Het bestand is leeg."))
    return Table(headers=headers, rows=rows)


def _csv_records(content: bytes):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (gescheiden door lijstscheidingsteken)" writes Windows-1252, not UTF-8.
        text = content.decode("cp1252", errors="replace")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") >= max(first_line.count(","), 1) else ","
    # One record is one Excel row, even when a quoted cell spans several lines.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, 1)
    except csv.Error as exc:
        raise ImportFileError(_("Het CSV-bestand kan niet gelezen worden.")) from exc


def _xlsx_records(content: bytes):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors all mean "unreadable"
        raise ImportFileError(_("Het bestand kan niet gelezen worden als Excel-bestand.")) from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write wrong dimensions: read what is there
        yield from enumerate(sheet.iter_rows(values_only=True), 1)
    finally:
        workbook.close()
