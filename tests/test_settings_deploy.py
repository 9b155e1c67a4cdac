"""Production settings: `check --deploy` is clean, and missing required values stop the start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent


def _production_env(tmp_path, **overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "KOERS_", "DATABASE_URL"))
    }
    env.update(
        KOERS_ENV="production",
        DJANGO_SETTINGS_MODULE="koers.settings",
        SECRET_KEY="x" * 20 + "-production-secret-key-with-enough-entropy-0123456789",
        ALLOWED_HOSTS="koers.example.be",
        DATABASE_URL=f"sqlite:///{tmp_path}/prod.sqlite3",
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        BLIND_INDEX_KEY="blind-index-key-for-the-test-0123456789",
        KOERS_DATA_DIR=str(tmp_path),
    )
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def _manage(env, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_check_deploy_reports_nothing(tmp_path):
    result = _manage(_production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "FIELD_ENCRYPTION_KEYS"]
)
def test_production_refuses_to_start_without_required_value(tmp_path, missing):
    result = _manage(_production_env(tmp_path, **{missing: None}), "check")
    assert result.returncode != 0
    assert missing in result.stderr


def test_bad_boolean_fails_loudly(tmp_path):
    result = _manage(_production_env(tmp_path, DEBUG="maybe"), "check")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_production_on_a_sqlite_url_gets_wal_and_immediate_transactions(tmp_path):
    """Issue 14: one configuration path — the options development has, also in production."""
    script = (
        "from django.db import connection; c = connection.cursor(); "
        "print(connection.settings_dict['OPTIONS']['transaction_mode']); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0]); "
        "print(c.execute('PRAGMA busy_timeout').fetchone()[0])"
    )
    result = _manage(_production_env(tmp_path), "shell", "--no-imports", "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["IMMEDIATE", "wal", "10000"]
