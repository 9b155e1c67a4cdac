"""The index behind the lead name search on SQLite (issue 14, `workplace.lead_search`): an FTS5
trigram table kept by triggers. PostgreSQL has its trigram index since 0001."""

from django.db import migrations

from koers.workplace import lead_search


def install(apps, schema_editor):
    lead_search.install(schema_editor)


def uninstall(apps, schema_editor):
    lead_search.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("workplace", "0001_search_indexes")]

    operations = [migrations.RunPython(install, uninstall)]
