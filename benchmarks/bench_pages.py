"""Time the main pages against the benchmark database made by `generate.py`.

    python benchmarks/bench_pages.py [--requests 30] [--database-url URL] [--explain NAME]

For each page: server time p50/p95 over `--requests` requests after a warm-up (Django's test
client in-process, so no network and no browser: this is the time the server spends), and the
number of SQL queries of one request. Prints one line per page:

    name  p50=..ms  p95=..ms  queries=N  status=200

A page whose URL does not exist (yet) prints "missing". The pages are `pages.py`'s list (the
same as `bench_http.py`'s); `--json FILE` also writes the figures for `report.py`. `--explain NAME` prints the SQL of that
page with the database's query plan, to see why it is slow.
"""

import argparse
import logging
import os
import statistics
import sys
import time
from pathlib import Path

from results import client_count, write_json  # importing it notes the start's time and load

HERE = Path(__file__).resolve().parent


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--database-url", default="", help="default: benchmarks/bench.sqlite3")
    parser.add_argument("--explain", default="", help="print SQL and query plans of this page")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    parser.add_argument("--only", default="", help="only the pages whose name contains this")
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
    sys.path.insert(0, str(HERE))
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

    import pages as page_list
    from django.db import connection
    from django.test import Client as HttpClient

    found = page_list.setting()
    if found is None:
        print("No benchmark data: run benchmarks/generate.py first.")
        return 1
    print(found.header(connection))
    pages = [p for p in page_list.pages(found) if args.only in p[0]]
    results = []
    width = max(len(name) for name, _user, _url in pages)
    for name, user, path in pages:
        if not path:
            print(f"{name:<{width}}  missing")
            results.append({"name": name, "status": "missing"})
            continue
        try:
            line, captured, figures = measure(HttpClient(), user, path, args)
        except Exception as exc:  # noqa: BLE001 - a page under construction must not stop the run
            print(f"{name:<{width}}  error  {type(exc).__name__}: {str(exc)[:120]}")
            results.append({"name": name, "path": path, "status": "error"})
            continue
        print(f"{name:<{width}}  {line}")
        results.append({"name": name, "path": path, **figures})
        if args.explain and args.explain in name and captured:
            explain(connection, captured)
    if args.json:
        write_json(args.json, "pages", results, clients=client_count())
    return 0


def measure(http, user, path, args) -> tuple[str, list[dict], dict]:
    """p50/p95 of `path` (a composite page: its paths one after the other, their sum) and the
    queries of one request (of one round of a composite page)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from http_server import session_cookie
    from pages import paths_of

    def get():
        return [http.get(one) for one in paths_of(path)][0]

    # The session a login with the second factor makes, as over HTTP: a user with a device
    # (bench_http enrols one) would otherwise time the redirect to the second-factor check.
    cookie, _, key = session_cookie(user).partition("=")
    http.cookies[cookie] = key
    response = None
    for _ in range(args.warmup):
        response = get()
    first = paths_of(path)[0]
    if response is not None and response.status_code == 404 and first.startswith("/api/"):
        return f"missing  ({first} answers 404)", [], {"status": "missing"}
    # Django empties the query log when a request starts; start from an empty one so the
    # captured slice is exactly this request's queries.
    reset_queries()
    captured, statuses = [], []
    with CaptureQueriesContext(connection) as queries:
        for one in paths_of(path):
            statuses.append(http.get(one).status_code)
            # Copy now: `captured_queries` reads the live log, which the next request empties.
            captured += list(queries.captured_queries)
            reset_queries()
    samples = []
    for _ in range(args.requests):
        started = time.perf_counter()
        get()
        samples.append((time.perf_counter() - started) * 1000)
    figures = {
        "p50": round(statistics.median(samples), 2),
        "p95": round(percentile(samples, 0.95), 2),
        "queries": len(captured),
        "status": next((code for code in statuses if code != 200), 200),
    }
    line = (
        f"p50={figures['p50']:.0f}ms  p95={figures['p95']:.0f}ms  "
        f"queries={figures['queries']}  status={figures['status']}"
    )
    return line, captured, figures


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
