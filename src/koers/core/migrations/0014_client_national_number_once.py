"""One client per national register number: a unique index on its blind index (issue 15).

Before the index, a clear stop when two clients already share a number (a double submit of
before this change): merging two files of one person is a decision for centre staff, not for a
migration. The message names the client ids only, never the number.
"""

from django.db import migrations, models
from django.db.models import Count


def refuse_duplicates(apps, schema_editor):
    Client = apps.get_model("core", "Client")
    shared = (
        Client.objects.exclude(national_number_index="")
        .values("national_number_index")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("national_number_index", flat=True)
    )
    groups = [
        sorted(Client.objects.filter(national_number_index=index).values_list("pk", flat=True))
        for index in shared
    ]
    if groups:
        raise RuntimeError(
            "Cliënten met hetzelfde rijksregisternummer (ids): "
            + "; ".join(", ".join(map(str, ids)) for ids in groups)
            + ". Voeg ze samen of wis het nummer bij één van hen, en migreer dan opnieuw."
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0013_recovery_codes_hashed")]

    operations = [
        migrations.RunPython(refuse_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="client",
            constraint=models.UniqueConstraint(
                condition=models.Q(("national_number_index", ""), _negated=True),
                fields=("national_number_index",),
                name="client_national_number_once",
            ),
        ),
    ]
