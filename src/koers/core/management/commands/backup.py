"""Copy the live database to one file, safely, while Koers keeps running (SQLite or PostgreSQL)."""

from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from koers.lib.backups import (
    BackupError,
    backup_postgresql,
    backup_sqlite,
    fingerprint,
    postgresql_tables,
    sqlite_fingerprint,
    table_rows,
)

__all__ = ["Command", "backup_sqlite"]


def _pg_dump_hint(db: dict) -> str:
    parts = ["pg_dump", "--format=custom", "--file=koers-$(date -u +%Y%m%dT%H%M%SZ).dump"]
    parts += [f"--host={db['HOST']}"] if db.get("HOST") else []
    parts += [f"--port={db['PORT']}"] if db.get("PORT") else []
    parts += [f"--username={db['USER']}"] if db.get("USER") else []
    return " ".join([*parts, db["NAME"]])


def postgresql_backup_with_fingerprint(target: Path):
    """pg_dump inside the snapshot of one repeatable-read transaction, whose rows are also the
    fingerprint: the printed fingerprint is exactly what the dump holds, writers or not."""
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
        backup_postgresql(connection.settings_dict, target, snapshot=snapshot)
        return fingerprint(table_rows(raw, postgresql_tables(raw)))
    finally:
        raw.close()


class Command(BaseCommand):
    help = (
        "Maakt een veilige kopie van de databank terwijl Koers draait. SQLite: de backup-API van "
        "SQLite, daarna PRAGMA integrity_check op de kopie; standaard "
        "var/backups/koers-<UTC-tijdstip>.sqlite3. PostgreSQL: pg_dump --format=custom, daarna "
        "pg_restore --list; standaard var/backups/koers-<UTC-tijdstip>.dump. Toont een "
        "vingerafdruk (tabellen, rijen, sha256 van alle rijen) die `manage.py restore` na het "
        "terugzetten opnieuw toont. Enkel de databank wordt gekopieerd; bewaar de geüploade "
        "documenten (MEDIA_ROOT) en de sleutels (SECRET_KEY, FIELD_ENCRYPTION_KEYS, "
        "BLIND_INDEX_KEY) apart: zonder die sleutels zijn rijksregisternummers onleesbaar."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", nargs="?", type=Path, help="doelbestand (optioneel)")

    def handle(self, *args, target, **options):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backups = Path(settings.DATA_DIR) / "backups"
        try:
            if connection.vendor == "postgresql":
                target = target or backups / f"koers-{stamp}.dump"
                try:
                    printed = postgresql_backup_with_fingerprint(target)
                except BackupError as error:
                    self.stdout.write(_pg_dump_hint(connection.settings_dict))
                    raise CommandError(f"{error} Het pg_dump-commando staat hierboven.") from error
            elif connection.vendor == "sqlite":
                source = Path(connection.settings_dict["NAME"])
                if not source.is_file():
                    raise CommandError(
                        f"De databank {source} bestaat niet (of staat in het geheugen)."
                    )
                target = target or backups / f"koers-{stamp}.sqlite3"
                if target.resolve() == source.resolve():
                    raise CommandError("Het doelbestand is de databank zelf.")
                backup_sqlite(source, target)
                printed = sqlite_fingerprint(target)
            else:
                raise CommandError(f"Geen backup voor {connection.vendor}.")
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Kopie gemaakt en gecontroleerd: {target}"))
        self.stdout.write(f"Vingerafdruk: {printed}")
