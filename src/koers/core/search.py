"""The client name search through an index (issue 14), one behaviour on both databases.

`Client.search_name` holds `search_text("first last")` (lower case, no accents), and the query is
normalised the same way; every word of the query must occur in it, anywhere (a substring).
- SQLite: an FTS5 table with the trigram tokenizer over `search_name` (external content: it
  stores only the index, `core_client` the text), kept up to date by triggers. A word of three
  characters or more is looked up in it; a shorter one has no trigram and is matched with LIKE on
  the rows the other conditions left.
- PostgreSQL: a GIN trigram index (`pg_trgm`) on `search_name`, which serves the plain
  `LIKE '%word%'` of `search_name__contains` directly.

The table and triggers are made by migration `core.0006_client_search_index` with `install`.
SQLite drops a table's triggers when Django rebuilds that table (an `AlterField` on `Client`
may): such a migration must call `install` again; `tests/core/test_client_search.py` checks that
the triggers exist after all migrations.
"""

from django.db import connections
from django.db.models import Q
from django.db.models.expressions import RawSQL

from koers.lib.text import search_text

FTS_TABLE = "core_client_search"
TRIGGERS = ("core_client_search_insert", "core_client_search_delete", "core_client_search_update")
PG_INDEX = "client_search_name_trgm"
TRIGRAM = 3  # the trigram tokenizer indexes sequences of three characters
SEARCH_NAME_LENGTH = 201  # Client.search_name: "first last", 100 + 1 + 100

# Literal SQL, no names filled in: the table is `FTS_TABLE`, the triggers `TRIGGERS`.
_SQLITE_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS core_client_search USING fts5("
    "search_name, content='core_client', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS core_client_search_insert AFTER INSERT ON core_client BEGIN "
    "INSERT INTO core_client_search(rowid, search_name) VALUES (new.id, new.search_name); END",
    "CREATE TRIGGER IF NOT EXISTS core_client_search_delete AFTER DELETE ON core_client BEGIN "
    "INSERT INTO core_client_search(core_client_search, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); END",
    "CREATE TRIGGER IF NOT EXISTS core_client_search_update "
    "AFTER UPDATE OF search_name ON core_client BEGIN "
    "INSERT INTO core_client_search(core_client_search, rowid, search_name) "
    "VALUES ('delete', old.id, old.search_name); "
    "INSERT INTO core_client_search(rowid, search_name) VALUES (new.id, new.search_name); END",
    # Index what is already there (and repair an index whose triggers were lost).
    "INSERT INTO core_client_search(core_client_search) VALUES ('rebuild')",
]
_SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS core_client_search_insert",
    "DROP TRIGGER IF EXISTS core_client_search_delete",
    "DROP TRIGGER IF EXISTS core_client_search_update",
    "DROP TABLE IF EXISTS core_client_search",
]
_FTS_MATCH = "SELECT rowid FROM core_client_search WHERE core_client_search MATCH %s"
_POSTGRESQL_INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS client_search_name_trgm ON core_client "
    "USING gin (search_name gin_trgm_ops)",
]
_POSTGRESQL_UNINSTALL = ["DROP INDEX IF EXISTS client_search_name_trgm"]


def install(schema_editor) -> None:
    """Create the search index for the database at hand (nothing for another vendor)."""
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": _SQLITE_INSTALL, "postgresql": _POSTGRESQL_INSTALL}.get(vendor, []):
        schema_editor.execute(sql)


def uninstall(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": _SQLITE_UNINSTALL, "postgresql": _POSTGRESQL_UNINSTALL}.get(vendor, []):
        schema_editor.execute(sql)


def client_search_name(first_name: str, last_name: str) -> str:
    """What `Client.search_name` holds: the normalised "first last"."""
    return search_text(f"{first_name} {last_name}", max_length=SEARCH_NAME_LENGTH)


def fts_phrase(word: str) -> str:
    """`word` as one FTS5 string: in double quotes, a double quote doubled; nothing in it is
    syntax then (AND, NEAR, *, ^, :, parentheses are plain characters inside quotes)."""
    return '"' + word.replace('"', '""') + '"'


def name_condition(query: str, *, using: str = "default") -> Q:
    """A Q over clients whose `search_name` contains every word of `query`."""
    words = search_text(query).split()
    condition = Q()
    long_words = [w for w in words if len(w) >= TRIGRAM]
    if long_words and connections[using].vendor == "sqlite":
        match = " AND ".join(fts_phrase(w) for w in long_words)
        # The words travel as a parameter, quoted for FTS5 by `fts_phrase`.
        condition &= Q(pk__in=RawSQL(_FTS_MATCH, [match]))  # noqa: S611
        words = [w for w in words if len(w) < TRIGRAM]
    for word in words:
        condition &= Q(search_name__contains=word)
    return condition


def add_sqlite_search_text(sender, connection, **kwargs) -> None:
    """On SQLite, `koers_search_text(text)` as PostgreSQL has it (migration
    `workplace.0001_search_indexes`): one SQL expression for the lead-name search on both
    databases, so "Celine" finds "Céline" on SQLite too. Deterministic: SQLite may use it in an
    index or fold it like a built-in."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "koers_search_text", 1, _sql_search_text, deterministic=True
        )


def _sql_search_text(value: str | None) -> str | None:
    return None if value is None else search_text(value)
