"""Put a backup of `manage.py backup` back into a fresh database (SQLite or PostgreSQL)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from koers.lib.backups import (
    BackupError,
    fingerprint,
    postgresql_tables,
    restore_postgresql,
    restore_sqlite,
    sqlite_fingerprint,
    table_rows,
)


def _postgresql_fingerprint():
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        return fingerprint(table_rows(raw, postgresql_tables(raw)))
    finally:
        raw.close()


def _postgresql_has_tables() -> bool:
    with connection.cursor() as cursor:
        return bool(postgresql_tables(cursor.connection))


class Command(BaseCommand):
    help = (
        "Zet een backup van `manage.py backup` terug in de databank van de instellingen "
        "(DATABASE_URL of SQLITE_PATH). Stop Koers eerst (webserver en huey). De databank moet "
        "nieuw en leeg zijn (PostgreSQL: maak ze met createdb); --replace overschrijft een "
        "databank met tabellen. Toont daarna de vingerafdruk, om te vergelijken met die van de "
        "backup. Zet ook MEDIA_ROOT en dezelfde sleutels terug."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="het backupbestand")
        parser.add_argument(
            "--replace", action="store_true", help="een databank met tabellen overschrijven"
        )

    def handle(self, *args, backup, replace, **options):
        db = connection.settings_dict
        try:
            if connection.vendor == "sqlite":
                target = Path(db["NAME"])
                connection.close()  # the file is replaced under Django's connection
                restore_sqlite(backup, target, replace=replace)
                printed = sqlite_fingerprint(target)
            elif connection.vendor == "postgresql":
                restore_postgresql(db, backup, has_tables=_postgresql_has_tables, replace=replace)
                connection.close()
                printed = _postgresql_fingerprint()
            else:
                raise CommandError(f"Geen restore voor {connection.vendor}.")
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Teruggezet uit {backup}."))
        self.stdout.write(f"Vingerafdruk: {printed}")
