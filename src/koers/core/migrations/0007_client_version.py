"""Client.version for optimistic locking (issue 15). On SQLite adding the column rebuilds
`core_client`, which drops the search triggers: they are installed again (`core.search`)."""

from django.db import migrations, models

from koers.core import search


def reinstall_search(apps, schema_editor):
    search.install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_client_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="client",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name="historicalclient",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.RunPython(reinstall_search, migrations.RunPython.noop),
    ]
