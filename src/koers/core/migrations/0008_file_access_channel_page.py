"""The reads logged before issue 15 were openings of the client file itself: channel "web" is now
"page", and the object read is the client."""

from django.db import migrations
from django.db.models import F


def forwards(apps, schema_editor):
    FileAccess = apps.get_model("core", "FileAccess")
    FileAccess.objects.filter(channel="web").update(channel="page")
    FileAccess.objects.filter(kind="client", object_id__isnull=True).update(object_id=F("client_id"))


def backwards(apps, schema_editor):
    FileAccess = apps.get_model("core", "FileAccess")
    FileAccess.objects.filter(channel="page").update(channel="web")


class Migration(migrations.Migration):
    dependencies = [("core", "0007_file_access_what_was_read")]

    operations = [migrations.RunPython(forwards, backwards)]
