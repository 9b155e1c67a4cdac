"""The backup and restore drill (issue 15): `manage.py backup` of a Koers database with a file in
it, `manage.py restore` into a fresh database, and every row of every table compared.

SQLite when the suite runs on SQLite; PostgreSQL on the real schema when the suite runs on
PostgreSQL, and on a small scratch schema whenever a PostgreSQL server answers (skipped when none
does)."""

import os
import sqlite3
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from koers.lib.backups import (
    BackupError,
    backup_postgresql,
    fingerprint,
    postgresql_tables,
    restore_postgresql,
    restore_sqlite,
    sqlite_fingerprint,
    sqlite_tables,
    table_rows,
)
from koers.trajectories.services import document_add
from koers.vouchers.services import voucher_open
from tests.factories import AssignmentFactory, ContactFactory, PlanVersionFactory

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# A server to make scratch databases on; the suite's own PostgreSQL when it runs on one.
ADMIN_URL = os.environ.get("KOERS_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def a_file_with_everything(trajectory, coach, voucher_rules_in_force):
    """A client with an encrypted national number, a voucher (with its history), contacts, an
    assignment, a plan version and an uploaded document."""
    client = trajectory.client
    client.set_national_number("85073003328")
    client.save()
    ContactFactory.create_batch(3, trajectory=trajectory)
    AssignmentFactory(trajectory=trajectory)
    PlanVersionFactory(plan__trajectory=trajectory, content={"doel": "Zorg — één stap"})
    document_add(
        trajectory=trajectory,
        kind="attendance",
        title="Bewijs",
        upload=SimpleUploadedFile("bewijs.png", PNG),
        acting_user=coach,
    )
    voucher_open(
        client=client,
        responsible=coach,
        organisation=trajectory.organisation,
        start_date=timezone.localdate() - timedelta(days=10),
        acting_user=coach,
    )
    return trajectory


def _manage(env_overrides, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(KOERS_ENV="development", DJANGO_SETTINGS_MODULE="koers.settings", **env_overrides)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _printed_fingerprint(output: str) -> str:
    (line,) = [line for line in output.splitlines() if line.startswith("Vingerafdruk: ")]
    return line


@pytest.mark.django_db(transaction=True)
def test_sqlite_backup_and_restore_into_a_fresh_database_keep_every_row(
    a_file_with_everything, tmp_path, monkeypatch, capsys
):
    if connection.vendor != "sqlite":
        pytest.skip("the suite runs on PostgreSQL: its drill is the test below")
    live = tmp_path / "koers.sqlite3"
    # The test database lives in memory: put it in a file, as a running Koers has it.
    connection.ensure_connection()
    with sqlite3.connect(live) as target:
        connection.connection.backup(target)
    monkeypatch.setitem(connection.settings_dict, "NAME", str(live))
    call_command("backup", str(tmp_path / "backup.sqlite3"))
    backed_up = _printed_fingerprint(capsys.readouterr().out)

    fresh = tmp_path / "fresh" / "koers.sqlite3"
    result = _manage(
        {"SQLITE_PATH": str(fresh), "KOERS_DATA_DIR": str(tmp_path / "var")},
        "restore",
        str(tmp_path / "backup.sqlite3"),
    )
    assert result.returncode == 0, result.stderr
    assert _printed_fingerprint(result.stdout) == backed_up

    with sqlite3.connect(live) as a, sqlite3.connect(fresh) as b:
        tables = sqlite_tables(a)
        assert sqlite_tables(b) == tables
        before, after = table_rows(a, tables), table_rows(b, tables)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    for table in tables:
        assert after[table] == before[table], table
    assert len(before["core_client"]) == 1 and before["core_client"][0] == after["core_client"][0]
    assert before["vouchers_historicalvoucher"] and before["trajectories_document"]


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    backup = tmp_path / "backup.sqlite3"
    target = tmp_path / "koers.sqlite3"
    for path in (backup, target):
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT)")
    with pytest.raises(BackupError, match="niet leeg"):
        restore_sqlite(backup, target)
    restore_sqlite(backup, target, replace=True)
    assert sqlite_fingerprint(target) == sqlite_fingerprint(backup)


def test_restore_drops_the_old_write_ahead_log(tmp_path):
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(backup) as db:
        db.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO client (name) VALUES ('Ann')")
    target = tmp_path / "koers.sqlite3"
    (tmp_path / "koers.sqlite3-wal").write_bytes(b"stale")
    restore_sqlite(backup, target)
    assert not (tmp_path / "koers.sqlite3-wal").exists()
    assert sqlite_fingerprint(target).rows == 1


def test_restore_command_of_a_missing_file_fails_with_a_message(tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("restore", str(tmp_path / "nowhere.sqlite3"))


# --- PostgreSQL -------------------------------------------------------------------------------


def _settings_for(url: str, name: str) -> dict:
    info = psycopg.conninfo.conninfo_to_dict(url)
    return {
        "NAME": name,
        "HOST": info.get("host", ""),
        "PORT": info.get("port", ""),
        "USER": info.get("user", ""),
        "PASSWORD": info.get("password", ""),
    }


@pytest.fixture
def scratch_databases():
    """Two new, empty databases on the PostgreSQL server (dropped afterwards)."""
    try:
        admin = psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip("no PostgreSQL server answers")
    names = [f"koers_drill_{uuid.uuid4().hex[:10]}_{side}" for side in ("live", "fresh")]
    for name in names:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [_settings_for(ADMIN_URL, name) for name in names]
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _connect(db: dict):
    return psycopg.connect(
        dbname=db["NAME"],
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
    )


def _rows(db: dict) -> dict[str, list[tuple]]:
    with _connect(db) as conn:
        return table_rows(conn, postgresql_tables(conn))


def test_postgresql_dump_and_restore_into_a_fresh_database_keep_every_row(
    scratch_databases, tmp_path
):
    live, fresh = scratch_databases
    with _connect(live) as conn:
        conn.execute(
            "CREATE TABLE client (id bigserial PRIMARY KEY, name text, national bytea, "
            "born date, seen timestamptz, extra jsonb, fee numeric(8,2))"
        )
        conn.execute(
            "CREATE TABLE note (id bigserial PRIMARY KEY, client_id bigint REFERENCES client)"
        )
        conn.execute(
            "INSERT INTO client (name, national, born, seen, extra, fee) VALUES "
            "('Ann Peeters', '\\x00ff10', '1985-07-30', '2026-06-15 10:00+02', "
            '\'{"doel": "één stap"}\', 12.50), (NULL, NULL, NULL, NULL, NULL, NULL)'
        )
        conn.execute("INSERT INTO note (client_id) SELECT id FROM client")
    backup_postgresql(live, tmp_path / "koers.dump")
    with _connect(fresh) as conn:
        restore_postgresql(
            fresh, tmp_path / "koers.dump", has_tables=lambda: bool(postgresql_tables(conn))
        )
    before, after = _rows(live), _rows(fresh)
    assert sorted(before) == ["client", "note"]
    assert after == before
    assert fingerprint(after) == fingerprint(before)
    assert fingerprint(before).rows == 4


def test_postgresql_restore_refuses_a_database_that_is_not_empty(scratch_databases, tmp_path):
    live, fresh = scratch_databases
    (tmp_path / "koers.dump").write_bytes(b"not read")
    with pytest.raises(BackupError, match="niet leeg"):
        restore_postgresql(fresh, tmp_path / "koers.dump", has_tables=lambda: True)


@pytest.mark.django_db(transaction=True)
def test_postgresql_drill_on_the_koers_schema(a_file_with_everything, tmp_path, capsys):
    if connection.vendor != "postgresql":
        pytest.skip("the suite runs on SQLite: its drill is the SQLite test above")
    call_command("backup", str(tmp_path / "koers.dump"))
    backed_up = _printed_fingerprint(capsys.readouterr().out)
    live = connection.settings_dict
    fresh = {**live, "NAME": f"{live['NAME']}_restored"}
    admin = _connect({**live, "NAME": "postgres"})
    admin.autocommit = True
    admin.execute(f'DROP DATABASE IF EXISTS "{fresh["NAME"]}"')
    admin.execute(f'CREATE DATABASE "{fresh["NAME"]}"')
    try:
        restore_postgresql(fresh, tmp_path / "koers.dump", has_tables=lambda: False)
        before, after = _rows(live), _rows(fresh)
        assert after == before
        # The commands read through Django's connection (its own type loaders): so does this.
        params = {**connection.get_connection_params(), "dbname": fresh["NAME"]}
        raw = connection.get_new_connection(params)
        try:
            assert (
                f"Vingerafdruk: {fingerprint(table_rows(raw, postgresql_tables(raw)))}" == backed_up
            )
        finally:
            raw.close()
        assert len(after["core_client"]) == 1
        assert after["vouchers_historicalvoucher"] and after["trajectories_document"]
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh["NAME"]}" WITH (FORCE)')
        admin.close()
