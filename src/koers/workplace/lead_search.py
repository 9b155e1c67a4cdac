"""The lead name search through an index (issue 14), as `core.search` does for clients: every
word of the query must occur in the lead's normalised "first last" (`koers_search_text`, the
same as `koers.lib.text.search_text`), anywhere (a substring).
- SQLite: an FTS5 table with the trigram tokenizer, `LEAD_FTS_TABLE`, holding the normalised
  name of every lead (rowid = the lead's id), kept up to date by triggers on `intake_lead` that
  call `koers_search_text` (every Django connection has it: `core.search.add_sqlite_search_text`).
  A word of three characters or more is looked up in it; a shorter one has no trigram and is
  matched with LIKE on `koers_search_text` of the leads the other conditions left. Before it,
  every search called that Python function once for each lead the user may see (issue 14:
  11 ms at 4,000 leads); a query of only one- and two-letter words still does.
- PostgreSQL: the trigram index `lead_search_name_trgm` on the same expression
  (`workplace.0001_search_indexes`) serves the plain LIKE directly.

The table and triggers are made by migration `workplace.0002_lead_search_index` with `install`.
SQLite drops a table's triggers when Django rebuilds it (an `AlterField` on `Lead` may): such a
migration must call `install` again; `tests/workplace/test_search_leads.py` checks that the
triggers exist after all migrations.
"""

from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from koers.core.search import TRIGRAM, fts_phrase

LEAD_FTS_TABLE = "workplace_lead_search"
LEAD_TRIGGERS = (
    "workplace_lead_search_insert",
    "workplace_lead_search_delete",
    "workplace_lead_search_update",
)
# The lead's name as `search_text` makes it: PostgreSQL's trigram index has this expression.
LEAD_NAME_SQL = "koers_search_text(intake_lead.first_name || ' ' || intake_lead.last_name)"

# Literal SQL, no names filled in: the table is `LEAD_FTS_TABLE`, the triggers `LEAD_TRIGGERS`.
_SQLITE_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS workplace_lead_search USING fts5("
    "search_name, tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS workplace_lead_search_insert AFTER INSERT ON intake_lead BEGIN "
    "INSERT INTO workplace_lead_search(rowid, search_name) "
    "VALUES (new.id, koers_search_text(new.first_name || ' ' || new.last_name)); END",
    "CREATE TRIGGER IF NOT EXISTS workplace_lead_search_delete AFTER DELETE ON intake_lead BEGIN "
    "DELETE FROM workplace_lead_search WHERE rowid = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS workplace_lead_search_update "
    "AFTER UPDATE OF id, first_name, last_name ON intake_lead BEGIN "
    "DELETE FROM workplace_lead_search WHERE rowid = old.id; "
    "INSERT INTO workplace_lead_search(rowid, search_name) "
    "VALUES (new.id, koers_search_text(new.first_name || ' ' || new.last_name)); END",
    # Index what is already there (and repair an index whose triggers were lost).
    "DELETE FROM workplace_lead_search",
    "INSERT INTO workplace_lead_search(rowid, search_name) "
    "SELECT id, koers_search_text(first_name || ' ' || last_name) FROM intake_lead",
]
_SQLITE_UNINSTALL = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in LEAD_TRIGGERS),
    "DROP TABLE IF EXISTS workplace_lead_search",
]
_FTS_MATCH = "SELECT rowid FROM workplace_lead_search WHERE workplace_lead_search MATCH %s"


def install(schema_editor) -> None:
    """Create the lead search table and its triggers on SQLite (PostgreSQL has its index)."""
    if schema_editor.connection.vendor == "sqlite":
        for sql in _SQLITE_INSTALL:
            schema_editor.execute(sql)


def uninstall(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for sql in _SQLITE_UNINSTALL:
            schema_editor.execute(sql)


def lead_name_filter(leads: QuerySet, words: tuple[str, ...]) -> tuple[QuerySet, Q]:
    """`leads` ready for the condition, and a Q over leads whose normalised name contains every
    one of `words` (already normalised by `search_text`)."""
    condition = Q()
    short = list(words)
    if connections[leads.db].vendor == "sqlite":
        long_words = [w for w in words if len(w) >= TRIGRAM]
        if long_words:
            match = " AND ".join(fts_phrase(w) for w in long_words)
            # The words travel as a parameter, quoted for FTS5 by `fts_phrase`.
            condition &= Q(pk__in=RawSQL(_FTS_MATCH, [match]))  # noqa: S611
        short = [w for w in words if len(w) < TRIGRAM]
    if short:
        # After the table's condition: the function runs only on the leads left. (A scan of the
        # table's names with LIKE was tried: at 20,000 leads it cost a coach, who sees a few
        # leads, 11 ms instead of 1.) On PostgreSQL the trigram index serves this expression.
        leads = leads.alias(search_name=RawSQL(LEAD_NAME_SQL, []))  # noqa: S611 - literal
        for word in short:
            condition &= Q(search_name__contains=word)
    return leads, condition
