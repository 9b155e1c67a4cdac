"""BIL-03 fault test: the settlement sweep killed (SIGKILL) half-way and run again — no duplicate
statement, no coach missing, every hour settled once, every statement mail sent.

For real: a subprocess (`settle_killed.py`) runs the sweep against a database file (SQLite, WAL)
or the PostgreSQL test database and is killed inside the third coach's transaction; then the sweep
runs again here. On SQLite the test database lives in memory, so it is copied to a file for the
subprocess and back afterwards with SQLite's backup API (the file as the killed process left it).
"""

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.utils import timezone

from koers.billing.jobs.hours import billing_send_statement_mails, billing_settle_previous_month
from koers.billing.models import HourEntry, Statement, StatementHour, StatementMail
from koers.billing.services.hours import hour_mark_entered
from koers.core.models import Role
from tests.billing.factories import held_contact, open_voucher, rate
from tests.factories import staff_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def june():
    """The sweep of 15 June 2026 (from the settlement day on) settles May, here as in the
    subprocess (`settle_killed.py` travels to the same moment)."""
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


ROOT = Path(__file__).resolve().parents[3]
COACHES = 5
KILL_AT = 3  # killed inside the third coach's transaction: two coaches settled


def _coaches_with_hours(centre):
    coaches = []
    for n in range(COACHES):
        coach = staff_user(centre, Role.COACH, username=f"coach-{n}")
        rate(coach, centre)
        voucher = open_voucher(coach, centre)
        for day in (4, 5):
            contact = held_contact(voucher, date(2026, 5, day), 60)
            hour_mark_entered(
                contact_id=contact.pk,
                entered_on=date(2026, 5, 10),
                acting_user=coach,
                today=date(2026, 6, 15),
            )
        coaches.append(coach)
    return coaches


def _run_killed(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tests.billing.faults.settle_killed", str(KILL_AT)],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "koers.test_settings", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def _settle_killed_elsewhere(tmp_path) -> subprocess.CompletedProcess:
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        login = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        url = f"postgres://{login}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
        return _run_killed({"DATABASE_URL": url})
    path = tmp_path / "koers.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as file_db:
        connection.connection.backup(file_db)
    file_db.close()
    environment = {"SQLITE_PATH": str(path), "DATABASE_URL": ""}
    done = _run_killed(environment)
    file_db = sqlite3.connect(path)  # what the killed process committed (WAL replayed)
    file_db.backup(connection.connection)
    file_db.close()
    return done


def test_bil_03_settlement_killed_half_way_then_rerun_settles_every_coach_once(centre, tmp_path):
    coaches = _coaches_with_hours(centre)
    killed = _settle_killed_elsewhere(tmp_path)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert f"killing in coach {KILL_AT}" in killed.stdout
    # Two coaches settled and committed; the third coach's half-written statement is gone.
    settled_first = set(Statement.objects.values_list("coach_id", flat=True))
    assert settled_first == {c.pk for c in coaches[: KILL_AT - 1]}
    assert StatementHour.objects.count() == 2 * (KILL_AT - 1)
    assert StatementMail.objects.filter(sent_at__isnull=False).count() == KILL_AT - 1
    first = sorted(Statement.objects.values_list("pk", "coach_id", "total"))

    billing_settle_previous_month(timezone.now())  # the next sweep, here

    statements = Statement.objects.all()
    assert sorted(statements.values_list("coach_id", flat=True)) == sorted(c.pk for c in coaches)
    assert statements.filter(month=date(2026, 5, 1)).count() == COACHES  # one per coach, month
    kept = [s for s in statements.values_list("pk", "coach_id", "total") if s[1] in settled_first]
    assert sorted(kept) == first  # the statements settled before the kill are unchanged
    assert StatementHour.objects.count() == HourEntry.objects.count() == 2 * COACHES
    assert HourEntry.objects.filter(settled__isnull=True).count() == 0
    assert {s.total for s in statements} == {180}
    # The outbox: one mail per statement; the two sent before the kill are not sent again.
    billing_send_statement_mails(timezone.now())
    assert StatementMail.objects.count() == COACHES
    assert not StatementMail.objects.filter(sent_at__isnull=True).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(c.email for c in coaches[KILL_AT - 1 :])
