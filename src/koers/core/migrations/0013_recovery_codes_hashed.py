"""Recovery codes kept in clear by django-otp's static plugin become keyed digests (issue 15).

Each "Herstelcodes" static device becomes a RecoveryCodeDevice with the digests of its unused
codes, then every plaintext token is deleted. The codes the users wrote down keep working. The
plugin is no longer installed, so its tables are read by name, when they exist (a database made
before this change); they are left behind empty. Not reversible: the plaintext is gone on purpose.
"""

from django.db import migrations

from koers.core.crypto import recovery_code_digest

DEVICES = "otp_static_staticdevice"
TOKENS = "otp_static_statictoken"


def hash_codes(apps, schema_editor):
    connection = schema_editor.connection
    if not {DEVICES, TOKENS} <= set(connection.introspection.table_names()):
        return
    RecoveryCodeDevice = apps.get_model("core", "RecoveryCodeDevice")
    RecoveryCode = apps.get_model("core", "RecoveryCode")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, user_id, confirmed FROM {DEVICES} WHERE name = %s", ["Herstelcodes"]
        )
        for pk, user_id, confirmed in cursor.fetchall():
            cursor.execute(f"SELECT token FROM {TOKENS} WHERE device_id = %s", [pk])
            digests = {recovery_code_digest(token) for (token,) in cursor.fetchall()}
            device = RecoveryCodeDevice.objects.create(
                user_id=user_id, name="Herstelcodes", confirmed=bool(confirmed)
            )
            RecoveryCode.objects.bulk_create(
                [RecoveryCode(device=device, digest=digest) for digest in sorted(digests)]
            )
        cursor.execute(f"DELETE FROM {TOKENS}")  # noqa: S608 (fixed table names)
        cursor.execute(f"DELETE FROM {DEVICES}")  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [("core", "0012_recovery_codes")]

    operations = [migrations.RunPython(hash_codes, migrations.RunPython.noop)]
