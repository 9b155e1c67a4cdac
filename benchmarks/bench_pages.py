"""Time the main pages against the benchmark database made by `generate.py`.

    python benchmarks/bench_pages.py [--requests 30] [--database-url URL] [--explain NAME]

For each page: server time p50/p95 over `--requests` requests after a warm-up (Django's test
client in-process, so no network and no browser: this is the time the server spends), and the
number of SQL queries of one request. Prints one line per page:

    name  p50=..ms  p95=..ms  queries=N  status=200

A page whose URL does not exist (yet) prints "missing". `--explain NAME` prints the SQL of that
page with the database's query plan, to see why it is slow.
"""

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--database-url", default="", help="default: benchmarks/bench.sqlite3")
    parser.add_argument("--explain", default="", help="print SQL and query plans of this page")
    return parser.parse_args(argv)


def configure(args) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
    os.environ.setdefault("KOERS_DATA_DIR", str(HERE / "var"))
    # Measure like production: no debug toolbar-ish overhead, no query log kept between requests.
    os.environ.setdefault("DEBUG", "0")
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    if not os.environ.get("DATABASE_URL"):
        os.environ.setdefault("SQLITE_PATH", str(HERE / "bench.sqlite3"))
    sys.path.insert(0, str(HERE.parent / "src"))
    import django

    django.setup()
    # A page under construction may fail: one line in our report, not a traceback in the log.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def main(argv=None) -> int:
    args = parse_args(argv)
    configure(args)

    from django.db import connection
    from django.db.models import Count
    from django.test import Client as HttpClient
    from django.urls import NoReverseMatch, reverse

    from koers.core.models import Client, User
    from koers.trajectories.models import Trajectory

    try:
        coach = User.objects.get(username="bench-coach")
        staff = User.objects.get(username="bench-staff")
    except User.DoesNotExist:
        print("No benchmark data: run benchmarks/generate.py first.")
        return 1

    # The social-economy company's job coach (generate_transition.py), for the KPI page (TRN-13).
    jobcoach = User.objects.filter(username="bench-jobcoach").first()
    # The coach's client with the most contacts, and that client's busiest trajectory.
    busiest = (
        Trajectory.objects.filter(responsible=coach)
        .annotate(n=Count("contacts"))
        .order_by("-n", "pk")
        .select_related("client")
        .first()
    )
    client = busiest.client
    try:  # the programme page of a voucher, when the vouchers app is there
        from koers.vouchers.models import Voucher

        voucher = (
            Voucher.objects.filter(trajectory__responsible=coach)
            .annotate(n=Count("trajectory__contacts"))
            .order_by("-n", "pk")
            .first()
        )
    except ImportError:
        voucher = None
    # A name fragment that matches a fair number of clients, like a user typing a surname.
    fragment = Client.objects.order_by("pk").values_list("last_name", flat=True)[7][:4].lower()
    db = connection.settings_dict
    print(
        f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {Path(str(db['NAME'])).name}; "
        f"{Client.objects.count()} clients; file: client {client.pk} "
        f"({busiest.n} contacts in trajectory {busiest.pk}); search q={fragment!r}; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )

    def url(name, *args, query=""):
        try:
            return reverse(name, args=args) + query
        except NoReverseMatch:
            return None

    pages = [
        ("dashboard (coach)", coach, url("dashboard")),
        ("dashboard (centre staff)", staff, url("dashboard")),
        ("client list (coach)", coach, url("client_list")),
        ("client list (centre staff)", staff, url("client_list")),
        ("client search (centre staff)", staff, url("client_list", query=f"?q={fragment}")),
        ("client file (coach)", coach, url("client_detail", client.pk)),
        ("trajectory page (coach)", coach, url("trajectory_detail", busiest.pk)),
        ("voucher page (coach)", coach, voucher and url("voucher_detail", voucher.pk)),
        ("api clients (centre staff)", staff, "/api/v1/clients"),
        ("api clients (coach)", coach, "/api/v1/clients"),
        ("kpi page (job coach)", jobcoach, jobcoach and url("transition_kpis")),
        (
            "kpi page, one coach (job coach)",
            jobcoach,
            jobcoach and url("transition_kpis", query=f"?coach={jobcoach.pk}"),
        ),
        ("api kpis (job coach)", jobcoach, jobcoach and "/api/v1/transition/kpis"),
    ]

    width = max(len(name) for name, _user, _url in pages)
    for name, user, path in pages:
        if path is None:
            print(f"{name:<{width}}  missing")
            continue
        try:
            line, captured = measure(HttpClient(), user, path, args)
        except Exception as exc:  # noqa: BLE001 - a page under construction must not stop the run
            print(f"{name:<{width}}  error  {type(exc).__name__}: {str(exc)[:120]}")
            continue
        print(f"{name:<{width}}  {line}")
        if args.explain and args.explain in name and captured:
            explain(connection, captured)
    return 0


def measure(http, user, path, args) -> tuple[str, list[dict]]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    http.force_login(user)
    response = None
    for _ in range(args.warmup):
        response = http.get(path)
    if response is not None and response.status_code == 404 and path.startswith("/api/"):
        return f"missing  ({path} answers 404)", []
    # Django empties the query log when a request starts; start from an empty one so the
    # captured slice is exactly this request's queries.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = http.get(path)
    # Copy now: `captured_queries` reads the live log, which the next requests empty again.
    captured = list(queries.captured_queries)
    samples = []
    for _ in range(args.requests):
        started = time.perf_counter()
        response = http.get(path)
        samples.append((time.perf_counter() - started) * 1000)
    line = (
        f"p50={statistics.median(samples):.0f}ms  p95={percentile(samples, 0.95):.0f}ms  "
        f"queries={len(captured)}  status={response.status_code}"
    )
    return line, captured


def explain(connection, captured) -> None:
    """Print each query with its time and the database's plan for it."""
    for query in captured:
        sql = query["sql"]
        print(f"\n-- {query['time']}s\n{sql}")
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        with connection.cursor() as cursor:
            try:
                cursor.execute(prefix + sql)
            except Exception as exc:  # noqa: BLE001 - e.g. SQL with literal params Django quoted
                print(f"   (no plan: {exc})")
                continue
            for row in cursor.fetchall():
                print("   ", " | ".join(str(col) for col in row))


if __name__ == "__main__":
    sys.exit(main())
