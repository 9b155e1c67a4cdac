"""Issue 14: the database settings are built one way; SQLite always gets its safe options."""

from pathlib import Path

import pytest

from koers.lib.databases import SQLITE_OPTIONS, database


def test_the_embedded_default_is_sqlite_with_the_safe_options():
    config = database("", sqlite_path=Path("/data/koers.sqlite3"), conn_max_age=60)
    assert config["NAME"] == Path("/data/koers.sqlite3")
    assert config["OPTIONS"] == SQLITE_OPTIONS


def test_a_sqlite_url_gets_the_same_options_as_the_default():
    config = database("sqlite:////srv/koers/db.sqlite3", sqlite_path=Path("/x"), conn_max_age=60)
    assert config["NAME"] == "/srv/koers/db.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_a_postgresql_url_gets_no_sqlite_options():
    config = database("postgres://u@db:5432/koers", sqlite_path=Path("/x"), conn_max_age=60)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert "transaction_mode" not in config.get("OPTIONS", {})
    assert config["CONN_MAX_AGE"] == 60


def test_a_postgresql_connection_runs_without_jit():
    config = database("postgres://u@db:5432/koers", sqlite_path=Path("/x"), conn_max_age=60)
    assert config["OPTIONS"]["options"] == "-c jit=off"


def test_the_database_in_use_has_jit_off_on_postgresql(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
