"""`Client.search_name` normalised (lower case, accents stripped: `core.search`), for every
client saved before the search went through an index (issue 14)."""

from django.db import migrations

from koers.core.search import client_search_name

BATCH = 2000


def recompute(apps, schema_editor):
    Client = apps.get_model("core", "Client")
    last = 0
    while True:
        rows = list(
            Client.objects.filter(pk__gt=last)
            .order_by("pk")
            .only("first_name", "last_name", "search_name")[:BATCH]
        )
        if not rows:
            return
        changed = []
        for client in rows:
            name = client_search_name(client.first_name, client.last_name)
            if name != client.search_name:
                client.search_name = name
                changed.append(client)
        Client.objects.bulk_update(changed, ["search_name"], batch_size=500)
        last = rows[-1].pk


class Migration(migrations.Migration):
    dependencies = [("core", "0004_state_change")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop, elidable=True)]
