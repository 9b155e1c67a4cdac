"""Time the monthly settlement (BIL-03) and the billing pages on a centre with a year of hours.

    python benchmarks/bench_settlement.py [--coaches 50] [--runs 5] [--requests 20]
                                          [--database-url URL]

Builds its own data set in `benchmarks/bench_settlement.sqlite3` (or `--database-url`), from
scratch every run: one centre with `--coaches` coaches, each starting a voucher every month of
2026 up to November with four one-hour sessions that month, every hour marked "ingegeven bij
VDAB" the next day, a rate per coach. January to October are settled while building; then, on
10 December 2026 (the clock is frozen there), it times:

- the settlement of November for the whole centre (`--runs` times, each rolled back), and
- the statement list (`/facturatie/afrekeningen/`, centre staff) and a coach's hours page
  (`/facturatie/uren/`), `--requests` requests each, with the queries of one request

and prints medians, p95 and query counts. The target: the settlement of a month under 2 s.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import throwaway

HERE = Path(__file__).resolve().parent
TODAY = "2026-12-10T10:00:00+01:00"
TARGET_SECONDS = 2.0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--coaches", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5, help="settlements timed (rolled back)")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--database-url", default="", help="default: bench_settlement.sqlite3")
    return parser.parse_args(argv)


def configure(args) -> None:
    throwaway.configure(args.database_url, "bench_settlement.sqlite3")


def build(coaches: int) -> dict:
    """The centre, its coaches and a year of entered hours; January to October settled."""
    from decimal import Decimal

    from django.core.management import call_command
    from django.utils import timezone

    from koers.billing.models import CoachRate, HourEntry
    from koers.billing.rules.periods import Month
    from koers.billing.services.hours import statement_settle
    from koers.core.models import Client, Membership, Organisation, OrganisationKind, Role, User
    from koers.trajectories.models import Contact, ContactForm, ContactOutcome
    from koers.vouchers.services import voucher_open

    call_command("migrate", verbosity=0)
    if Organisation.objects.filter(name="Benchcentrum Afrekening").exists():
        call_command("flush", interactive=False, verbosity=0)
    centre = Organisation.objects.create(
        name="Benchcentrum Afrekening", kind=OrganisationKind.CAREER_CENTRE
    )

    def user(username, role):
        account = User.objects.create(
            username=username,
            first_name=username.title(),
            last_name="Bench",
            email=f"{username}@bench.example.be",
            password="!unusable",  # noqa: S106 - no login: the benchmark logs in directly
        )
        Membership.objects.create(user=account, organisation=centre, role=role)
        return account

    staff = user("bench-billing-staff", Role.CENTRE_STAFF)
    team = [user(f"bench-billing-coach-{n:02d}", Role.COACH) for n in range(coaches)]
    CoachRate.objects.bulk_create(
        CoachRate(
            coach=c, centre=centre, rate=Decimal("90.00"), valid_from=date(2026, 1, 1), set_by=staff
        )
        for c in team
    )
    for n, coach in enumerate(team):
        contacts = []
        for month in range(1, 12):
            client = Client.objects.create(
                organisation=centre,
                first_name=f"Klant{month:02d}",
                last_name=f"Coach{n:02d}",
                birth_date=date(1980, 1, 1),
                email=f"klant-{n}-{month}@bench.example.be",
                search_name=f"klant{month:02d} coach{n:02d}",
            )
            voucher = voucher_open(
                client=client,
                responsible=coach,
                organisation=centre,
                start_date=date(2026, month, 2),
                career_question="Ik wil weten welk werk bij mij past.",
                acting_user=coach,
            )
            for day in (3, 10, 17, 24):
                starts = timezone.make_aware(
                    datetime.combine(date(2026, month, day), clock_time(10))
                )
                contacts.append(
                    Contact(
                        trajectory=voucher.trajectory,
                        staff=coach,
                        starts_at=starts,
                        duration_minutes=60,
                        form=ContactForm.INDIVIDUAL,
                        outcome=ContactOutcome.HELD,
                    )
                )
        Contact.objects.bulk_create(contacts)
        HourEntry.objects.bulk_create(
            HourEntry(
                contact=c,
                coach=coach,
                day=timezone.localtime(c.starts_at).date(),
                entered_on=timezone.localtime(c.starts_at).date() + timedelta(days=1),
                entered_by=coach,
            )
            for c in contacts
        )
    for month in range(1, 11):
        statement_settle(
            centre=centre, month=Month(2026, month), acting_user=staff, today=date(2026, 12, 10)
        )
    return {"centre": centre, "staff": staff, "coach": team[0], "coaches": team}


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


class Rollback(Exception):
    pass


def time_settlement(data: dict, runs: int) -> tuple[list[float], int, int]:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from koers.billing.rules.periods import Month
    from koers.billing.services.hours import statement_settle

    samples, statements, queries = [], 0, 0
    for _ in range(runs):
        try:
            with transaction.atomic(), CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                done = statement_settle(
                    centre=data["centre"],
                    month=Month(2026, 11),
                    acting_user=data["staff"],
                    today=date(2026, 12, 10),
                )
                samples.append(time.perf_counter() - started)
                statements, queries = len(done), len(captured)
                raise Rollback
        except Rollback:
            pass
    return samples, statements, queries


def main(argv=None) -> int:
    args = parse_args(argv)
    configure(args)
    import time_machine
    from bench_pages import measure
    from django.db import connection
    from django.test import Client as HttpClient
    from django.urls import reverse

    with time_machine.travel(TODAY, tick=False):
        started = time.perf_counter()
        data = build(args.coaches)
        from koers.billing.models import HourEntry, Statement

        db = connection.settings_dict
        print(
            f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {Path(str(db['NAME'])).name}; "
            f"{len(data['coaches'])} coaches, {HourEntry.objects.count()} hours entered, "
            f"{Statement.objects.count()} statements (Jan–Oct); built in "
            f"{time.perf_counter() - started:.0f} s; load average {os.getloadavg()[0]:.1f} "
            f"on {os.cpu_count()} CPUs"
        )
        samples, statements, queries = time_settlement(data, args.runs)
        verdict = "ok" if statistics.median(samples) < TARGET_SECONDS else "OVER TARGET"
        width = 32
        print(
            f"{'settle November (centre staff)':<{width}}  "
            f"p50={statistics.median(samples) * 1000:.0f}ms  "
            f"p95={percentile(samples, 0.95) * 1000:.0f}ms  queries={queries}  "
            f"statements={statements}  target<{TARGET_SECONDS:.0f}s {verdict}"
        )
        pages = [
            ("statement list (centre staff)", data["staff"], reverse("billing_statements")),
            (
                "statement list p2 (centre staff)",
                data["staff"],
                reverse("billing_statements") + "?page=2",
            ),
            ("hours page (coach)", data["coach"], reverse("billing_hours")),
        ]
        for name, user, path in pages:
            line, _captured = measure(HttpClient(), user, path, args)
            print(f"{name:<{width}}  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
