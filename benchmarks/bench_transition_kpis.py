"""Time the transition KPIs (TRN-13) against hand-written SQL for the same figures.

    python benchmarks/bench_transition_kpis.py [--files 300] [--runs 20] [--database-url URL]

Builds its own data set in `benchmarks/bench_transition_kpis.sqlite3` (or `--database-url`,
whose database is flushed), from scratch every run, with `generate_transition.py` (what
`generate.py --transition-files` makes: a social-economy company, five job coaches, `--files`
files, each with a year of activities, employer contacts, measures, a placement and its
follow-ups, a plan, coaching contacts). With the clock frozen on 1 December 2026 it times,
in-process, what the KPI page asks — `kpi_figures_with_baseline` for this year so far against
the same days of last year, for the company and for one job coach, counted (its memo
forgotten, as after a write); again as a first request (the SELECT built anew by the ORM,
`kpi_statement` emptied); and kept (read from its memo, as every later request) — and the hand-written SQL
for the same figures (`benchmarks/sql/transition_kpis.<vendor>.sql`, through a plain cursor, put
together as the selector puts its rows together), then prints the medians, the ratio, the
queries, and whether both gave the same figures. The target (issue 14): the selector within
2 × the hand SQL.
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import throwaway
from results import (  # imported before the clock is frozen: it notes the real start
    timed,
    write_json,
)

HERE = Path(__file__).resolve().parent
TODAY = "2026-12-01T10:00:00+01:00"
TARGET_RATIO = 2.0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each variant")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--database-url", default="", help="default: bench_transition_kpis.sqlite3")
    parser.add_argument("--json", default="", help="write the figures here for report.py")
    return parser.parse_args(argv)


def build(files: int, seed: int) -> None:
    from django.core.management import call_command
    from generate_transition import generate_transition

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    names = (["Karim", "Sara", "Rudi", "Ann", "Joris"], ["Peeters", "Claes", "Benali", "Maes"])
    generate_transition(
        files=files,
        today=date(2026, 12, 1),
        password="!unusable",  # noqa: S106 - no login: the benchmark calls the selector
        rng=random.Random(seed),
        names=names,
    )


def statement(vendor: str) -> str:
    text = (HERE / "sql" / f"transition_kpis.{vendor}.sql").read_text()
    return text.split("-- name: kpis", 1)[1].strip().rstrip(";")


def hand_figures(sql: str, team, period, baseline):
    """The figures from the hand-written SQL, put together as the selector puts its rows."""
    from django.db import connection
    from django.utils import timezone

    from koers.transition.rules import kpis as rules
    from koers.transition.selectors.kpis import KpiFigures, _earliest

    tz = timezone.get_current_timezone()

    def instant(day: date):
        moment = datetime.combine(day, datetime.min.time(), tzinfo=tz)
        if connection.vendor == "sqlite":
            return connection.ops.adapt_datetimefield_value(moment)
        return moment

    params = {"org": team.organisation.pk, "coach": team.coach and team.coach.pk}
    for name, p in (("p", period), ("b", baseline)):
        params |= {
            f"{name}_start": p.start.isoformat(),
            f"{name}_end": p.end.isoformat(),
            f"{name}_from": instant(p.start),
            f"{name}_until": instant(p.end + timedelta(days=1)),
            f"{name}_earliest": _earliest(p).isoformat(),
        }
    if connection.vendor == "sqlite":  # the raw driver: ":name" parameters as in the file
        rows = connection.connection.execute(sql, params).fetchall()
    else:
        params |= {k: date.fromisoformat(v) for k, v in params.items() if k[2:] in _DAYS}
        with connection.cursor() as cursor:
            cursor.execute(re.sub(r":(\w+)", r"%(\1)s", sql), params)
            rows = cursor.fetchall()
    monthly = (defaultdict(lambda: defaultdict(int)), defaultdict(lambda: defaultdict(int)))
    for month, key, *values in rows:
        kpi = rules.Kpi(key[1:]) if key.startswith("=") else rules.kpi_of_kind(key)
        if kpi is None:
            continue
        first = date(int(month[:4]), int(month[5:7]), 1)
        for into, value in zip(monthly, values, strict=True):
            into[first][kpi] += value or 0

    def figures(p, counted):
        series = tuple(
            (month, rules.counts_from(counted.get(month, {})))
            for month in rules.months_between(p.start, p.end)
        )
        return KpiFigures(p, sum((c for _, c in series), rules.KpiCounts()), series)

    return figures(period, monthly[0]), figures(baseline, monthly[1])


_DAYS = ("start", "end", "earliest")


def main(argv=None) -> int:
    args = parse_args(argv)
    throwaway.configure(args.database_url, "bench_transition_kpis.sqlite3")
    import time_machine
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from koers.core.models import User
    from koers.transition.selectors.kpis import (
        default_periods,
        kpi_figures_with_baseline,
        kpi_statement,
        team_get,
    )
    from koers.transition.services.kpi_stamps import kpi_memos_forget

    def counted(team):  # as the first request after a write: the memo forgotten, counted anew
        kpi_memos_forget()
        return kpi_figures_with_baseline(team, period, baseline)

    def cold(team):  # as the first request of its team and periods: the SELECT built anew
        kpi_statement.cache_clear()
        return counted(team)

    with time_machine.travel(TODAY, tick=False):
        started = time.perf_counter()
        build(args.files, args.seed)
        db = connection.settings_dict
        print(
            f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {Path(str(db['NAME'])).name}; "
            f"{args.files} transition files; built in {time.perf_counter() - started:.0f} s; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        sql = statement(connection.vendor)
        coach = User.objects.get(username="bench-jobcoach")
        period, baseline = default_periods(timezone.localdate())
        results = []
        for name, team in (
            ("company", team_get(coach)),
            ("one job coach", team_get(coach, coach_id=coach.pk)),
        ):
            with CaptureQueriesContext(connection) as captured:
                counted(team)
            ours, figures = timed(lambda t=team: counted(t), args.runs, args.warmup)
            kept, kept_figures = timed(
                lambda t=team: kpi_figures_with_baseline(t, period, baseline),
                args.runs,
                args.warmup,
            )
            assert kept_figures == figures
            first, _figures = timed(lambda t=team: cold(t), args.runs, args.warmup)
            hand, by_hand = timed(
                lambda t=team: hand_figures(sql, t, period, baseline), args.runs, args.warmup
            )
            ratio = statistics.median(ours) / statistics.median(hand)
            print(
                f"{name:<14} transitions={figures[0].counts['transitions']:<4} "
                f"selector p50={statistics.median(ours) * 1000:.1f}ms "
                f"(queries={len(captured)}; first request {statistics.median(first) * 1000:.1f}ms; "
                f"kept {statistics.median(kept) * 1000:.2f}ms)  "
                f"hand SQL p50={statistics.median(hand) * 1000:.1f}ms  "
                f"ratio={ratio:.2f} (first request {statistics.median(first) / statistics.median(hand):.2f}; target ≤ {TARGET_RATIO:.0f}: "
                f"{'ok' if ratio <= TARGET_RATIO else 'OVER'})  "
                f"same figures: {'yes' if figures == by_hand else 'NO'}"
            )
            if figures != by_hand:
                for mine, theirs in zip(figures, by_hand, strict=True):
                    print(f"  selector: {mine.counts}\n  hand SQL: {theirs.counts}")
            results.append(
                {
                    "name": f"transition KPIs, {name} ({args.files} files)",
                    "ours": round(statistics.median(ours) * 1000, 2),
                    "hand": round(statistics.median(hand) * 1000, 2),
                    "kept": round(statistics.median(kept) * 1000, 2),
                    "ratio": round(ratio, 2),
                    "same": figures == by_hand,
                }
            )
        if args.json:
            write_json(args.json, "reports", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
