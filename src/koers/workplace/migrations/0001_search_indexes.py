"""The indexes behind the header's search (issue 16, `workplace.search`), one per exact lookup so
no search reads every client or lead:
- both databases: `lower(email)` and `phone` (E.164) of clients and leads;
- PostgreSQL: the `unaccent` and `pg_trgm` extensions, `koers_search_text(text)` (lower case
  without accents, as `koers.lib.text.search_text`) and a trigram index on the lead's name
  through it (a client's name has its own index: `core.search`).

Plain SQL, not `Meta.indexes`: the expression indexes of two apps in one place, and PostgreSQL's
function. SQLite drops a table's indexes that the model state does not know when Django rebuilds
the table (an `AlterField` on `Client` or `Lead` may): such a migration must run `install` again;
`tests/workplace/test_search_plans.py` checks that the indexes exist after all migrations.
"""

from django.db import migrations

INDEXES = ("client_email_lower", "client_phone", "lead_email_lower", "lead_phone")
_BOTH = [
    "CREATE INDEX IF NOT EXISTS client_email_lower ON core_client (lower(email))",
    "CREATE INDEX IF NOT EXISTS client_phone ON core_client (phone)",
    "CREATE INDEX IF NOT EXISTS lead_email_lower ON intake_lead (lower(email))",
    "CREATE INDEX IF NOT EXISTS lead_phone ON intake_lead (phone)",
]
_POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # IMMUTABLE (so an index may use it) with the dictionary named: unaccent(text) alone is not.
    "CREATE OR REPLACE FUNCTION koers_search_text(value text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
    "AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$",
    "CREATE INDEX IF NOT EXISTS lead_search_name_trgm ON intake_lead "
    "USING gin (koers_search_text(first_name || ' ' || last_name) gin_trgm_ops)",
]
_UNINSTALL = [f"DROP INDEX IF EXISTS {name}" for name in (*INDEXES, "lead_search_name_trgm")]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in _BOTH + (_POSTGRESQL if vendor == "postgresql" else []):
        schema_editor.execute(sql)


def uninstall(apps, schema_editor):
    for sql in _UNINSTALL:
        schema_editor.execute(sql)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS koers_search_text(text)")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0010_merge_mfa_tokens"),
        ("intake", "0003_history_handover_unavailability_feedback_and_calls"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
