"""Run in a subprocess by `test_settlement_killed.py`: the settlement sweep of May 2026, killed
with SIGKILL in the middle of the `kill_at`-th coach's transaction (its statement, lines and hours
are written, not committed). Not a test module: `python -m tests.billing.faults.settle_killed N`.

The database comes from the environment (`SQLITE_PATH` or `DATABASE_URL`), as in production.
"""

import os
import signal
import sys

import django


def main(kill_at: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.test_settings")
    django.setup()
    import time_machine
    from django.db import transaction

    from koers.billing.jobs.hours import billing_settle_previous_month
    from koers.billing.services import hours

    calls = 0

    class KillingTransaction:
        """`django.db.transaction` as the settlement sees it, except that the `kill_at`-th statement
        mail registered (the last step inside a coach's transaction) kills the process."""

        def __getattr__(self, name):
            return getattr(transaction, name)

        def on_commit(self, func, *args, **kwargs):
            nonlocal calls
            calls += 1
            if calls == kill_at:
                print(f"killing in coach {calls}", flush=True)
                os.kill(os.getpid(), signal.SIGKILL)
            return transaction.on_commit(func, *args, **kwargs)

    hours.transaction = KillingTransaction()
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        from django.utils import timezone

        billing_settle_previous_month(timezone.now())
    print("not killed", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
