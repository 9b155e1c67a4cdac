"""Time the transition KPIs (TRN-13) against hand-written SQL for the same figures (issue 14).

    python benchmarks/bench_kpis.py [--runs 20] [--database-url URL] [--json FILE]

On the benchmark database `generate.py` filled (its social-economy company, `generate_transition.py`),
as the KPI page asks them (this year so far, for the whole company and for one job coach), it
times in-process the part the database counts (`koers.transition.selectors.kpis._counted`, one
GROUP BY per source) against `sql/transition_kpis.<vendor>.sql` (one statement, the kinds mapped to
KPIs by the rules' own `kpi_of_kind`), checks both give the same figures, and prints the medians
and the ratio (target: ≤ 2 × hand SQL). It also prints the whole `kpi_figures` (with the two
follow-up checkpoints the pure rules judge per placement, which no hand SQL replaces).
"""

import argparse
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import http_server
from results import client_count, write_json  # importing it notes the start's time and load

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 2.0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--database-url", default="", help="default: benchmarks/bench.sqlite3")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    return parser.parse_args(argv)


def statement(vendor: str) -> str:
    text = (HERE / "sql" / f"transition_kpis.{vendor}.sql").read_text()
    return text.split("-- name: counted", 1)[1].strip().rstrip(";")


def hand_counted(sql: str, team, period) -> dict:
    """{month: {kpi: n}} from the hand-written SQL, as `_counted` gives it."""
    from django.db import connection

    from koers.transition.rules import kpis as rules
    from koers.transition.selectors.kpis import _moments

    start_at, end_at = _moments(period)
    params = {
        "org": team.organisation.pk,
        "coach": team.coach.pk if team.coach else None,
        "start": period.start,
        "end": period.end,
        "start_at": start_at,
        "end_at": end_at,
    }
    sql = re.sub(r"/\*coach ([\w.]+)\*/", r"AND \1 = :coach" if team.coach else "", sql)
    if connection.vendor == "sqlite":
        ops = connection.ops
        params.update(
            start=period.start.isoformat(),
            end=period.end.isoformat(),
            start_at=ops.adapt_datetimefield_value(start_at),
            end_at=ops.adapt_datetimefield_value(end_at),
        )
        connection.ensure_connection()
        rows = connection.connection.execute(sql, params).fetchall()
    else:
        with connection.cursor() as cursor:
            cursor.execute(re.sub(r":(\w+)", r"%(\1)s", sql), params)
            rows = cursor.fetchall()
    monthly = defaultdict(lambda: defaultdict(int))
    for source, kind, month, n in rows:
        kpi = rules.kpi_of_kind(kind) if source in ("activity", "contact") else rules.Kpi(source)
        if kpi is not None:
            monthly[date(int(month[:4]), int(month[5:7]), 1)][kpi] += n or 0
    return monthly


def plain(monthly) -> dict:
    return {m: {str(k): v for k, v in kpis.items() if v} for m, kpis in monthly.items() if kpis}


def median_ms(function, runs: int, warmup: int) -> float:
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main(argv=None) -> int:
    args = parse_args(argv)
    http_server.configure(args.database_url)
    from django.db import connection
    from django.utils import timezone

    from koers.core.models import User
    from koers.transition.selectors.kpis import (
        _counted,
        default_periods,
        kpi_figures,
        kpi_organisations,
        team_get,
    )

    jobcoach = User.objects.filter(username="bench-jobcoach").first()
    if jobcoach is None:
        print("No benchmark data: run benchmarks/generate.py first.")
        return 1
    organisation = kpi_organisations(jobcoach).first()
    period, _baseline = default_periods(timezone.localdate())
    sql = statement(connection.vendor)
    results = []
    print(
        f"database: {connection.vendor}; KPIs {period.start} – {period.end}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    for label, coach in (("company", None), ("one job coach", jobcoach)):
        team = team_get(jobcoach, organisation.pk, coach.pk if coach else None)
        same = plain(_counted(team, period)) == plain(hand_counted(sql, team, period))
        ours = median_ms(lambda t=team: _counted(t, period), args.runs, args.warmup)
        hand = median_ms(lambda t=team: hand_counted(sql, t, period), args.runs, args.warmup)
        whole = median_ms(lambda t=team: kpi_figures(t, period), args.runs, args.warmup)
        ratio = ours / hand
        print(
            f"KPIs, {label:<14} counted p50={ours:.1f}ms  hand SQL p50={hand:.1f}ms  "
            f"ratio={ratio:.2f} (target ≤ {TARGET_RATIO:.0f}: "
            f"{'ok' if ratio <= TARGET_RATIO else 'OVER'})  same figures: {'yes' if same else 'NO'}"
            f"  (kpi_figures with the follow-ups: {whole:.1f}ms)"
        )
        results.append(
            {
                "name": f"transition KPIs, {label}",
                "ours": round(ours, 2),
                "hand": round(hand, 2),
                "ratio": round(ratio, 2),
                "whole": round(whole, 2),
                "same": same,
            }
        )
    if args.json:
        write_json(args.json, "reports", results, clients=client_count())
    return 0


if __name__ == "__main__":
    sys.exit(main())
