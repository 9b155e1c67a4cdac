"""`manage.py backup`: a consistent, checked copy of a live SQLite database."""

import sqlite3

import pytest
from django.core.management import CommandError, call_command

from koers.core.management.commands.backup import backup_sqlite
from koers.lib.backups import BackupError


@pytest.fixture
def live_db(tmp_path):
    path = tmp_path / "koers.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT)")
    db.executemany("INSERT INTO client (name) VALUES (?)", [(f"c{i}",) for i in range(500)])
    db.commit()
    db.close()
    return path


def test_backup_while_a_write_transaction_is_open(live_db, tmp_path):
    writer = sqlite3.connect(live_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO client (name) VALUES ('not yet committed')")
    target = tmp_path / "backups" / "copy.sqlite3"
    try:
        backup_sqlite(live_db, target)
    finally:
        writer.execute("COMMIT")
        writer.close()
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT count(*) FROM client").fetchone() == (500,)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        copy.close()
    assert not (tmp_path / "backups" / "copy.sqlite3.partial").exists()
    # The live database went on: the writer's row is there now.
    live = sqlite3.connect(live_db)
    assert live.execute("SELECT count(*) FROM client").fetchone() == (501,)
    live.close()


def test_backup_command_defaults_to_a_timestamped_file(live_db, tmp_path, settings, monkeypatch):
    from django.db import connection

    settings.DATA_DIR = tmp_path / "var"
    monkeypatch.setitem(connection.settings_dict, "NAME", str(live_db))
    monkeypatch.setattr(connection, "vendor", "sqlite")
    call_command("backup")
    (copy,) = (tmp_path / "var" / "backups").glob("koers-*Z.sqlite3")
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM client").fetchone() == (500,)


def test_backup_command_on_postgresql_without_pg_dump_prints_the_command_and_fails(
    monkeypatch, capsys
):
    from django.db import connection

    from koers.core.management.commands import backup

    def no_pg_dump(target):
        raise BackupError("pg_dump is niet geïnstalleerd.")

    monkeypatch.setattr(connection, "vendor", "postgresql")
    monkeypatch.setitem(connection.settings_dict, "NAME", "koers")
    monkeypatch.setattr(backup, "postgresql_backup_with_fingerprint", no_pg_dump)
    with pytest.raises(CommandError, match="pg_dump is niet geïnstalleerd"):
        call_command("backup")
    assert "pg_dump --format=custom" in capsys.readouterr().out


def test_backup_command_prints_the_fingerprint_of_the_copy(live_db, tmp_path, monkeypatch, capsys):
    from django.db import connection

    monkeypatch.setitem(connection.settings_dict, "NAME", str(live_db))
    monkeypatch.setattr(connection, "vendor", "sqlite")
    call_command("backup", str(tmp_path / "copy.sqlite3"))
    assert "Vingerafdruk: 1 tabellen, 500 rijen, sha256 " in capsys.readouterr().out


def test_backup_refuses_an_in_memory_database(monkeypatch):
    from django.db import connection

    monkeypatch.setattr(connection, "vendor", "sqlite")
    monkeypatch.setitem(connection.settings_dict, "NAME", ":memory:")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("backup")
