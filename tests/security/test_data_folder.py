"""Production on PostgreSQL without Redis: huey's queue is a SQLite file in the data folder, which
must exist even though the database is elsewhere (issue 15: the start-up crashed without `var/`)."""

import sqlite3

from tests.test_settings_deploy import _manage, _production_env

POSTGRES_URL = "postgres://koers@127.0.0.1:5432/koers_never_opened"


def test_production_with_postgresql_and_no_redis_creates_the_data_folder(tmp_path):
    data_dir = tmp_path / "fresh" / "var"
    env = _production_env(
        tmp_path, DATABASE_URL=POSTGRES_URL, KOERS_DATA_DIR=str(data_dir), HUEY_REDIS_URL=None
    )
    # Enqueueing a task opens huey's SQLite queue in the data folder, as the web process does.
    script = "from huey.contrib.djhuey import HUEY; HUEY.storage.enqueue(b'x', 0); print(HUEY.storage.queue_size())"
    result = _manage(env, "shell", "--no-imports", "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "1"
    assert data_dir.is_dir()
    with sqlite3.connect(data_dir / "huey.sqlite3") as queue:
        assert queue.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_check_passes_with_postgresql_and_a_missing_data_folder(tmp_path):
    data_dir = tmp_path / "not" / "there"
    env = _production_env(tmp_path, DATABASE_URL=POSTGRES_URL, KOERS_DATA_DIR=str(data_dir))
    result = _manage(env, "check")
    assert result.returncode == 0, result.stderr
    assert data_dir.is_dir()
