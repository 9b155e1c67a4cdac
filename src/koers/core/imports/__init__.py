"""Import clients, staff and organisations from CSV or XLSX, with a dry-run preview.

Each row becomes the data object a form would build and goes through the same service validation;
duplicates are looked for within the file and in the database; only then are the rows created with
the services, in one transaction: all of them, or with `only_valid` the valid ones.

`base` says what an import is and answers, `cells` reads one cell, `tables` reads a file, `specs`
says what each kind reads and how a row is checked and created, `run` does it.
"""

from koers.core.imports.base import (
    MAX_BYTES,
    MAX_ROWS,
    PREVIEW_ROWS,
    ImportFileError,
    ImportKind,
    ImportResult,
    RowError,
)
from koers.core.imports.cells import (
    cell_text,
    choice_lookup,
    normalize_header,
    parse_bool,
    parse_date,
)
from koers.core.imports.run import import_organisations_for, map_headers, pending_dir, run_import
from koers.core.imports.specs import COLUMNS, SPECS, Context, Spec
from koers.core.imports.tables import Table, read_table

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MAX_ROWS",
    "PREVIEW_ROWS",
    "SPECS",
    "Context",
    "ImportFileError",
    "ImportKind",
    "ImportResult",
    "RowError",
    "Spec",
    "Table",
    "cell_text",
    "choice_lookup",
    "import_organisations_for",
    "map_headers",
    "normalize_header",
    "parse_bool",
    "parse_date",
    "pending_dir",
    "read_table",
    "run_import",
]
