"""The index behind the client name search (issue 14, `core.search`): SQLite an FTS5 trigram
table kept by triggers, PostgreSQL a `pg_trgm` GIN index on `search_name`."""

from django.db import migrations

from koers.core import search


def install(apps, schema_editor):
    search.install(schema_editor)


def uninstall(apps, schema_editor):
    search.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_client_search_normalised")]

    operations = [migrations.RunPython(install, uninstall)]
