"""Copy the live SQLite database to one file, safely, while Koers keeps running."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy `source` to `target` with SQLite's online backup API, then check the copy.

    The backup reads one consistent snapshot: in WAL mode writers go on meanwhile, and what an
    open transaction has not committed is not in the copy. The copy is written under a temporary
    name and renamed only once `PRAGMA integrity_check` says "ok", so `target` is never half a file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    # mode=ro: the backup must never write to the live database.
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            # One self-contained file: no -wal or -shm next to the copy.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    check = sqlite3.connect(partial)
    try:
        result = [row[0] for row in check.execute("PRAGMA integrity_check")]
    finally:
        check.close()
    if result != ["ok"]:
        partial.unlink(missing_ok=True)
        raise CommandError("De kopie is niet in orde: " + "; ".join(result[:5]))
    partial.replace(target)


class Command(BaseCommand):
    help = (
        "Maakt een veilige kopie van de SQLite-databank terwijl Koers draait (SQLite backup-API, "
        "daarna PRAGMA integrity_check op de kopie). Standaard: "
        "var/backups/koers-<UTC-tijdstip>.sqlite3. Enkel de databank wordt gekopieerd; bewaar de "
        "geüploade documenten (MEDIA_ROOT) en de sleutels (SECRET_KEY, FIELD_ENCRYPTION_KEYS, "
        "BLIND_INDEX_KEY) apart: zonder die sleutels zijn rijksregisternummers onleesbaar. "
        "Terugzetten: stop Koers (webserver en huey), verwijder koers.sqlite3-wal en "
        "koers.sqlite3-shm, kopieer het backupbestand over koers.sqlite3 en start Koers opnieuw. "
        "Voor PostgreSQL toont het commando het pg_dump-commando en stopt het met een foutcode."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", nargs="?", type=Path, help="doelbestand (optioneel)")

    def handle(self, *args, target, **options):
        if connection.vendor != "sqlite":
            db = connection.settings_dict
            parts = ["pg_dump", "--format=custom", "--file=koers-$(date -u +%Y%m%dT%H%M%SZ).dump"]
            parts += [f"--host={db['HOST']}"] if db.get("HOST") else []
            parts += [f"--port={db['PORT']}"] if db.get("PORT") else []
            parts += [f"--username={db['USER']}"] if db.get("USER") else []
            self.stdout.write(" ".join([*parts, db["NAME"]]))
            raise CommandError(
                "Dit commando kopieert enkel SQLite. Gebruik voor PostgreSQL pg_dump (zie hierboven)."
            )
        source = Path(connection.settings_dict["NAME"])
        if not source.is_file():
            raise CommandError(f"De databank {source} bestaat niet (of staat in het geheugen).")
        if target is None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            target = Path(settings.DATA_DIR) / "backups" / f"koers-{stamp}.sqlite3"
        if target.resolve() == source.resolve():
            raise CommandError("Het doelbestand is de databank zelf.")
        backup_sqlite(source, target)
        self.stdout.write(self.style.SUCCESS(f"Kopie gemaakt en gecontroleerd: {target}"))
