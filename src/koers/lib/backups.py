"""Backup and restore of the Koers database, SQLite and PostgreSQL, and a row-by-row fingerprint
to prove that a restored database holds what was backed up (issue 15: the restore drill).

Plain Python on DB-API connections and the PostgreSQL client programs: no models, so the same
code reads a live database, a backup file and a freshly restored copy.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Koers' CHECK constraints call the SQL functions Django adds to every SQLite connection
# (django_date_extract, ...): without them `PRAGMA integrity_check` on a real Koers database fails
# with "unknown function". Private, but the restore drill test fails the day it moves.
from django.db.backends.sqlite3._functions import register as register_django_functions


class BackupError(Exception):
    """A backup or restore that did not happen; the message says why (Dutch, for the operator)."""


# --- the fingerprint --------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_tables(db) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [name for (name,) in rows]


def postgresql_tables(db) -> list[str]:
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
            "ORDER BY table_name"
        )
        return [name for (name,) in cursor.fetchall()]


def table_rows(db, tables: list[str]) -> dict[str, list[tuple]]:
    """Every row of every table, ordered by all its columns: two databases hold the same data
    exactly when these are equal (the ids included, whatever order the rows were written in)."""
    cursor = db.cursor()
    try:
        result = {}
        # Table names come from the database's own catalogue, quoted; nothing from a user.
        for table in tables:
            cursor.execute(f"SELECT * FROM {_quote(table)} WHERE 1 = 0")  # noqa: S608
            order = ", ".join(str(i) for i in range(1, len(cursor.description) + 1))
            cursor.execute(f"SELECT * FROM {_quote(table)} ORDER BY {order}")  # noqa: S608
            result[table] = [tuple(row) for row in cursor.fetchall()]
        return result
    finally:
        cursor.close()


@dataclass(frozen=True)
class Fingerprint:
    tables: int
    rows: int
    sha256: str

    def __str__(self) -> str:
        return f"{self.tables} tabellen, {self.rows} rijen, sha256 {self.sha256[:16]}"


def fingerprint(rows_by_table: dict[str, list[tuple]]) -> Fingerprint:
    digest = hashlib.sha256()
    for table in sorted(rows_by_table):
        digest.update(table.encode() + b"\0")
        for row in rows_by_table[table]:
            digest.update(
                repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)).encode()
            )
    return Fingerprint(
        tables=len(rows_by_table),
        rows=sum(len(rows) for rows in rows_by_table.values()),
        sha256=digest.hexdigest(),
    )


def _sqlite_connect(uri: str, **kwargs) -> sqlite3.Connection:
    db = sqlite3.connect(uri, uri=True, **kwargs)
    register_django_functions(db)
    return db


def _read_only(path: Path) -> str:
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def sqlite_fingerprint(path: Path) -> Fingerprint:
    db = _sqlite_connect(_read_only(path))
    try:
        return fingerprint(table_rows(db, sqlite_tables(db)))
    finally:
        db.close()


# --- SQLite -----------------------------------------------------------------------------------


def _copy_checked(source_uri: str, target: Path) -> None:
    """SQLite's online backup of `source_uri` into `target`, written under a temporary name and
    renamed only once `PRAGMA integrity_check` says "ok": `target` is never half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = _sqlite_connect(source_uri, timeout=30)
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
    check = _sqlite_connect(partial.resolve().as_uri())
    try:
        result = [row[0] for row in check.execute("PRAGMA integrity_check")]
    finally:
        check.close()
    if result != ["ok"]:
        partial.unlink(missing_ok=True)
        raise BackupError("De kopie is niet in orde: " + "; ".join(result[:5]))
    partial.replace(target)


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy the live database `source` to `target` while Koers keeps running.

    The backup reads one consistent snapshot: in WAL mode writers go on meanwhile, and what an
    open transaction has not committed is not in the copy. mode=ro: it never writes to `source`.
    """
    _copy_checked(_read_only(source), Path(target))


def _has_tables(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size == 0:
        return False
    db = _sqlite_connect(_read_only(path))
    try:
        return bool(sqlite_tables(db))
    finally:
        db.close()


def restore_sqlite(backup: Path, target: Path, *, replace: bool = False) -> None:
    """Put the backup file back as the database `target`; Koers (web and huey) must be stopped.

    Refuses a target that already holds tables unless `replace`: a restore goes into a fresh
    database. The old -wal and -shm files go, or SQLite would replay them over the restored copy.
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise BackupError(f"Het backupbestand {backup} bestaat niet.")
    if backup.resolve() == target.resolve():
        raise BackupError("Het backupbestand is de databank zelf.")
    if _has_tables(target) and not replace:
        raise BackupError(
            f"De databank {target} is niet leeg. Zet terug in een nieuwe databank, of geef "
            "--replace om ze te overschrijven."
        )
    _copy_checked(_read_only(backup), target)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)


# --- PostgreSQL -------------------------------------------------------------------------------


def postgresql_env(db: dict) -> dict[str, str]:
    """The client programs' connection settings from Django's database settings, as libpq's
    environment variables: the password never shows in the process list."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[var] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    env["PGDATABASE"] = str(db["NAME"])
    return env


def _program(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is niet geïnstalleerd (Debian: apt-get install postgresql-client)."
        )
    return found


def _run(args: list[str], env: dict[str, str]) -> None:
    # The programs come from PATH (shutil.which), the arguments from the settings: no user input.
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} faalde: {result.stderr.strip()[:500]}")


def backup_postgresql(db: dict, target: Path, *, snapshot: str | None = None) -> None:
    """`pg_dump --format=custom` of the database to `target` (via a temporary name), then
    `pg_restore --list` to check the dump reads back. With `snapshot` (pg_export_snapshot() of an
    open transaction) the dump sees exactly what that transaction sees."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    env = postgresql_env(db)
    args = [_program("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}"]
    args += [f"--snapshot={snapshot}"] if snapshot else []
    try:
        _run(args, env)
        _run([_program("pg_restore"), "--list", str(partial)], env)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)


def restore_postgresql(db: dict, backup: Path, *, has_tables: Callable[[], bool], replace=False):
    """`pg_restore` of a custom-format dump into the (existing, empty) database `db`, in one
    transaction: a failed restore leaves nothing half done."""
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError(f"Het backupbestand {backup} bestaat niet.")
    if has_tables() and not replace:
        raise BackupError(
            f"De databank {db['NAME']} is niet leeg. Zet terug in een nieuwe databank "
            "(createdb), of geef --replace om ze te overschrijven."
        )
    args = [_program("pg_restore"), "--exit-on-error", "--single-transaction", "--no-owner"]
    args += ["--no-privileges", f"--dbname={db['NAME']}"]
    args += ["--clean", "--if-exists"] if replace else []
    _run([*args, str(backup)], postgresql_env(db))
