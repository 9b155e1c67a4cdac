"""Time the marketing figures (INT-07) against hand-written SQL for the same figures.

    python benchmarks/bench_marketing.py [--leads 20000] [--runs 20] [--database-url URL]

Builds its own data set in `benchmarks/bench_marketing.sqlite3` (or `--database-url`, whose
database is flushed), from scratch every run: one centre with 20 coaches and `--leads` leads
spread over the two years before 1 December 2026 (two DST changes, leads in the last hours of
a month in local time), every channel, most contacted (minutes to three days after arriving),
some matched or clients, one in ten brought to a voucher. With the clock frozen on 1 December it
times, in-process, `marketing_figures` over the last 12 months (what the marketing page asks) and
over everything (what `/api/v1/lead-marketing` asks without `since`), and the hand-written SQL for
the same figures (`benchmarks/sql/lead_marketing.<vendor>.sql`, run through a plain cursor), then
prints the medians, the ratio and the queries, and whether both gave the same figures.
The target (issue 14): the selector within 2 × the hand SQL. `--json FILE` writes the figures
for `report.py`.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import throwaway
from generate_leads import CHANNEL_WEIGHTS
from results import timed, write_json  # importing it notes the start's time and load

HERE = Path(__file__).resolve().parent
TODAY = "2026-12-01T10:00:00+01:00"
TARGET_RATIO = 2.0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--leads", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each variant")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--database-url", default="", help="default: bench_marketing.sqlite3")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    return parser.parse_args(argv)


def configure(args) -> None:
    throwaway.configure(args.database_url, "bench_marketing.sqlite3")


def build(n_leads: int, seed: int) -> dict:
    """The centre, its coaches, 100 vouchers and `n_leads` leads (bulk_create, for speed)."""
    from datetime import date

    from django.core.management import call_command
    from django.db import transaction

    from koers.core.models import Client, Membership, Organisation, OrganisationKind, Role, User
    from koers.intake.models import Lead, LeadState
    from koers.vouchers.services import voucher_open

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    rng = random.Random(seed)
    centre = Organisation.objects.create(
        name="Benchcentrum Marketing", kind=OrganisationKind.CAREER_CENTRE
    )

    def user(username, role):
        account = User.objects.create(
            username=username,
            first_name=username.title(),
            last_name="Bench",
            email=f"{username}@bench.example.be",
            password="!unusable",  # noqa: S106 - no login: the benchmark calls the selector
        )
        Membership.objects.create(user=account, organisation=centre, role=role)
        return account

    staff = user("bench-marketing-staff", Role.CENTRE_STAFF)
    coaches = [user(f"bench-marketing-coach-{n:02d}", Role.COACH) for n in range(20)]
    trajectories = []
    for n in range(100):
        client = Client.objects.create(
            organisation=centre,
            first_name=f"Klant{n:03d}",
            last_name="Marketing",
            birth_date=date(1980, 1, 1),
            email=f"klant-{n}@bench.example.be",
            search_name=f"klant{n:03d} marketing",
        )
        voucher = voucher_open(
            client=client,
            responsible=coaches[n % len(coaches)],
            organisation=centre,
            start_date=date(2026, 6, 1),
            acting_user=staff,
        )
        trajectories.append(voucher.trajectory)
    end = datetime(2026, 12, 1, tzinfo=UTC)
    span = int(timedelta(days=730).total_seconds())  # two years: the page shows the last one
    channels, weights = zip(*CHANNEL_WEIGHTS.items(), strict=True)
    states = [LeadState.NEW, LeadState.ACKNOWLEDGED, LeadState.MATCHED, LeadState.NO_MATCH]
    leads = []
    for n in range(n_leads):
        arrived = end - timedelta(seconds=rng.randrange(span), microseconds=rng.randrange(10**6))
        if n % 50 == 0:  # the last two hours of a UTC month: the next month in Brussels
            arrived = arrived.replace(day=1, hour=0) - timedelta(minutes=rng.randrange(1, 120))
        contacted = None
        if rng.random() < 0.85:
            contacted = arrived + timedelta(minutes=rng.choice([rng.randrange(5, 72 * 60), 1440]))
        state = rng.choice(states) if contacted else LeadState.NEW
        trajectory = None
        if contacted and rng.random() < 0.1:
            state, trajectory = LeadState.CLIENT, rng.choice(trajectories)
        leads.append(
            Lead(
                organisation=centre,
                first_name=f"Aanvraag{n}",
                last_name="Bench",
                email=f"aanvraag-{n}@bench.example.be",
                phone="+32470123456",
                career_question="Wat wil ik na twaalf jaar in de zorg?",
                channel=rng.choices(channels, weights)[0],
                consent=True,
                arrived_at=arrived,
                clock_started_at=arrived,
                state=state,
                coach=rng.choice(coaches) if state != LeadState.NEW or n % 3 else None,
                contacted_at=contacted,
                trajectory=trajectory,
            )
        )
    with transaction.atomic():
        Lead.objects.bulk_create(leads, batch_size=2000)
    return {"centre": centre, "staff": staff}


def statements(vendor: str) -> dict[str, str]:
    """The named statements of `sql/lead_marketing.<vendor>.sql` ("-- name: groups" …)."""
    text = (HERE / "sql" / f"lead_marketing.{vendor}.sql").read_text()
    named: dict[str, str] = {}
    for part in re.split(r"^-- name: ", text, flags=re.MULTILINE)[1:]:
        name, _newline, body = part.partition("\n")
        named[name.strip()] = body.strip().rstrip(";")
    return named


def hand_figures(sql: dict[str, str], centre_id: int, since, until):
    """The figures from the hand-written SQL, put together as the selector does."""
    from django.db import connection

    from koers.intake.models import LeadChannel
    from koers.intake.selectors import MarketingFigures

    ops = connection.ops
    if connection.vendor == "sqlite":  # the raw driver: ":name" parameters as in the file
        raw = connection.connection

        def run(name, **params):
            return raw.execute(sql[name], params).fetchall()

        def stamp(value):
            return None if value is None else ops.adapt_datetimefield_value(value)

        def lasts(values):
            return json.dumps(sorted(values))

        def hours(wait):
            return timedelta(microseconds=wait).total_seconds() / 3600

    else:
        cursor = connection.cursor()

        def run(name, **params):
            cursor.execute(re.sub(r":(\w+)", r"%(\1)s", sql[name]), params)
            return cursor.fetchall()

        def stamp(value):
            return value

        def lasts(values):
            return sorted(values)

        def hours(wait):
            return wait.total_seconds() / 3600

    bounds = {"centre": centre_id, "since": stamp(since), "until": stamp(until)}
    rows = run("groups", **bounds)
    total = sum(r[2] for r in rows)
    months, counts, latest = {}, {}, {}
    for month, channel, n, last, *_rest in rows:
        months[month] = months.get(month, 0) + n
        counts[channel] = counts.get(channel, 0) + n
        latest[channel] = max(last, latest.get(channel, last))
    first_seen: dict[str, int] = {}
    if counts:
        for (channel,) in run("ties", centre=centre_id, lasts=lasts(set(latest.values()))):
            first_seen.setdefault(channel, len(first_seen))
    contacted = sum(r[4] for r in rows)
    median = None
    if contacted:
        middle = run("median", **bounds, skip=(contacted - 1) // 2, take=2 - contacted % 2)
        waits = [hours(w) for (w,) in middle]
        median = round(sum(waits) / len(waits), 1)
    labels = dict(LeadChannel.choices)

    def share(column):
        return round(100 * sum(r[column] for r in rows) / total, 1) if total else None

    return MarketingFigures(
        total=total,
        per_channel=[
            (c, str(labels.get(c, c)), counts[c])
            for c in sorted(counts, key=lambda c: (-counts[c], first_seen[c]))
        ],
        per_month=sorted(months.items()),
        median_hours_to_contact=median,
        contacted_within_24h=share(5),
        to_first_session=share(6),
        to_voucher=share(7),
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    configure(args)
    import time_machine
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from koers.intake.selectors import marketing_figures

    with time_machine.travel(TODAY, tick=False):
        started = time.perf_counter()
        data = build(args.leads, args.seed)
        db = connection.settings_dict
        print(
            f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {Path(str(db['NAME'])).name}; "
            f"{args.leads} leads over two years; built in {time.perf_counter() - started:.0f} s; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        centre, sql = data["centre"], statements(connection.vendor)
        results = []
        since = timezone.now() - timedelta(days=31 * 12)  # what the page asks by default
        for name, bounds in (("page: last 12 months", since), ("API: everything", None)):
            with CaptureQueriesContext(connection) as captured:
                marketing_figures(organisations=[centre], since=bounds)
            ours, figures = timed(
                lambda b=bounds: marketing_figures(organisations=[centre], since=b),
                args.runs,
                args.warmup,
            )
            hand, by_hand = timed(
                lambda b=bounds: hand_figures(sql, centre.pk, b, None), args.runs, args.warmup
            )
            ratio = statistics.median(ours) / statistics.median(hand)
            print(
                f"{name:<22} leads={figures.total:<6} "
                f"selector p50={statistics.median(ours) * 1000:.1f}ms "
                f"(queries={len(captured)})  hand SQL p50={statistics.median(hand) * 1000:.1f}ms  "
                f"ratio={ratio:.2f} (target ≤ {TARGET_RATIO:.0f}: "
                f"{'ok' if ratio <= TARGET_RATIO else 'OVER'})  "
                f"same figures: {'yes' if figures == by_hand else 'NO'}"
            )
            if figures != by_hand:
                print(f"  selector: {figures}\n  hand SQL: {by_hand}")
            results.append(
                {
                    "name": f"marketing {name}",
                    "ours": round(statistics.median(ours) * 1000, 2),
                    "hand": round(statistics.median(hand) * 1000, 2),
                    "ratio": round(ratio, 2),
                    "queries": len(captured),
                    "same": figures == by_hand,
                }
            )
    if args.json:
        write_json(args.json, "reports", results, leads=args.leads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
