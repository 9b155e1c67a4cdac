"""Load test: concurrent staff users against gunicorn with production settings (issue 14, "Targets").

    python benchmarks/load.py [--users 50] [--seconds 60] [--rate 20] [--write-share 0.2]
        [--workers 3] [--database-url URL] [--json FILE]

On the database `generate.py` filled (SQLite `benchmarks/bench.sqlite3`, or `--database-url`),
with the server of `bench_http.py` (`http_server.py`), three runs in a row:

1. floor: `--users` threads asking `/status/ping` as fast as they can (think time 0) for
   `--seconds`: the framework's own throughput on this machine;
2. closed loop: `--users` threads, each a coach or centre staff of the main centre with their own
   session and API token, think time 0, for `--seconds`; each request a read (dashboard, client
   list, client file, the API's clients and contacts) or, with chance `--write-share`, a write: a
   new planned contact in the user's own agenda through `POST /api/v1/contacts` (far in the
   future, one-hour slots of their own, so never an overlap), or a note on one of their planned
   contacts through `PATCH /api/v1/contacts/{id}`;
3. open loop: requests of the same mix started at a fixed `--rate` per second (whatever the
   answers take), for `--seconds`, by a pool of `--users` threads: p95 against the target 300 ms.

Reports per run the requests, throughput, p50/p95/p99, server errors (5xx) and "database is
locked" (in the answers and in gunicorn's log), and refused writes (4xx: should be none).
"""

import argparse
import json
import random
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

import http_server
from results import client_count, write_json  # importing it notes the start's time and load

OPEN_LOOP_TARGET_MS = 300.0
FUTURE = date(2031, 1, 6)  # a Monday far beyond the generated agendas: writes never overlap


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rate", type=float, default=20, help="open loop: requests a second")
    parser.add_argument("--write-share", type=float, default=0.2)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--database-url", default="", help="default: benchmarks/bench.sqlite3")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    return parser.parse_args(argv)


@dataclass
class Actor:
    """One simulated user: their session, token, pages and what they may write to."""

    name: str
    cookie: str
    token: str
    reads: list[str]
    trajectory_ids: list[int]
    contact_ids: list[int]
    slot: int = 0

    def next_slot(self) -> str:
        """The next one-hour slot of this user's own in the far future (08:00–16:00, working
        days): only this user plans there, and only for their own clients."""
        n, self.slot = self.slot, self.slot + 1
        day = FUTURE + timedelta(weeks=n // 40, days=(n // 8) % 5)
        return f"{day.isoformat()}T{8 + n % 8:02d}:00:00"  # Belgian time, as the API takes it


@dataclass
class Tally:
    samples: list[tuple[float, float, int, str]] = field(default_factory=list)  # (t, ms, status)
    locked: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, started: float, ms: float, status: int, kind: str, body: bytes) -> None:
        with self.lock:
            self.samples.append((started, ms, status, kind))
            if b"database is locked" in body:
                self.locked += 1


def actors(count: int, rng) -> list[Actor]:
    from django.urls import reverse

    from koers.core.models import Membership, Role, User
    from koers.core.services import api_token_create
    from koers.trajectories.models import Contact, Trajectory, TrajectoryStatus

    staff = list(
        User.objects.filter(
            memberships__role=Role.CENTRE_STAFF,
            memberships__organisation__name="Benchcentrum Noord",
        ).order_by("pk")
    )
    coaches = list(
        User.objects.filter(
            pk__in=Membership.objects.filter(
                role=Role.COACH, organisation__name="Benchcentrum Noord"
            ).values("user")
        ).order_by("pk")
    )
    people = []
    for n in range(count):  # one in ten is centre staff (the same accounts, several sessions)
        people.append(
            staff[n % len(staff)] if n % 10 == 9 or not coaches else coaches[n % len(coaches)]
        )
    made, writers = [], set()
    for n, user in enumerate(people):
        own = list(
            Trajectory.objects.filter(responsible=user, status=TrajectoryStatus.ACTIVE)
            .order_by("pk")
            .values_list("pk", "client_id")[:20]
        )
        planned = list(
            Contact.objects.filter(staff=user, outcome="planned").values_list("pk", flat=True)[:50]
        )
        reads = ["/", reverse("client_list"), "/api/v1/clients", "/api/v1/contacts"]
        reads += [reverse("client_detail", args=[c]) for _t, c in own[:3]]
        # Earlier runs' contacts stay: go on after them, never on top of them.
        earlier = Contact.objects.filter(staff=user, starts_at__date__gte=FUTURE).count()
        _token, key = api_token_create(user=user, name=f"load {n}")
        made.append(
            Actor(
                name=user.username,
                cookie=http_server.session_cookie(user),
                token=key,
                reads=reads,
                # One writer of new contacts per account: their slots never overlap.
                trajectory_ids=[t for t, _c in own] if user.pk not in writers else [],
                contact_ids=planned,
                slot=earlier,
            )
        )
        writers.add(user.pk)
    rng.shuffle(made)
    return made


def one_request(browser, actor: Actor, rng, write_share: float):
    """(status, body, seconds, kind) of one request of the mix."""
    if rng.random() < write_share and (actor.trajectory_ids or actor.contact_ids):
        auth = {"Authorization": f"Bearer {actor.token}", "Content-Type": "application/json"}
        if actor.contact_ids and (rng.random() < 0.5 or not actor.trajectory_ids):
            body = json.dumps({"notes": f"Voorbereiding {rng.randrange(10**6)}"}).encode()
            path = f"/api/v1/contacts/{rng.choice(actor.contact_ids)}"
            return (*browser.request("PATCH", path, body, auth), "write")
        payload = {
            "trajectory_id": rng.choice(actor.trajectory_ids),
            "starts_at": actor.next_slot(),
            "duration_minutes": 60,
            "notes": "Gepland tijdens de belastingtest",
        }
        return (
            *browser.request("POST", "/api/v1/contacts", json.dumps(payload).encode(), auth),
            "write",
        )
    return (*browser.get(rng.choice(actor.reads)), "read")


def closed_loop(port, actors_, seconds, write_share, floor=False) -> Tally:
    tally, stop_at = Tally(), time.monotonic() + seconds

    def run(actor, seed):
        rng = random.Random(seed)
        browser = http_server.Browser(port, {"Cookie": actor.cookie})
        while time.monotonic() < stop_at:
            started = time.monotonic()
            try:
                if floor:
                    status, body, secs = browser.get("/status/ping")
                    kind = "read"
                else:
                    status, body, secs, kind = one_request(browser, actor, rng, write_share)
            except OSError:
                status, body, secs, kind = 599, b"", time.monotonic() - started, "error"
            tally.add(started, secs * 1000, status, kind, body)
        browser.close()

    _run_each(run, actors_)
    return tally


def open_loop(port, actors_, seconds, rate, write_share) -> Tally:
    """Requests started every 1/rate s by whichever thread is free (late ones start late)."""
    tally, start = Tally(), time.monotonic()
    total = int(seconds * rate)
    next_index, lock = [0], threading.Lock()

    def run(actor, seed):
        rng = random.Random(seed)
        browser = http_server.Browser(port, {"Cookie": actor.cookie})
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= total:
                break
            due = start + i / rate
            time.sleep(max(0.0, due - time.monotonic()))
            try:
                status, body, _secs, kind = one_request(browser, actor, rng, write_share)
            except OSError:
                status, body, kind = 599, b"", "error"
            # From when it was due: a request that had to wait for a free thread counts that too.
            tally.add(due, (time.monotonic() - due) * 1000, status, kind, body)
        browser.close()

    _run_each(run, actors_)
    return tally


def summary(name: str, tally: Tally, seconds: float) -> dict:
    ms = [s[1] for s in tally.samples] or [0.0]
    statuses = [s[2] for s in tally.samples]
    writes = [s for s in tally.samples if s[3] == "write"]
    return {
        "name": name,
        "requests": len(tally.samples),
        "writes": len(writes),
        "throughput": round(len(tally.samples) / seconds, 1),
        "p50": round(statistics.median(ms), 1),
        "p95": round(http_server.percentile(ms, 0.95), 1),
        "p99": round(http_server.percentile(ms, 0.99), 1),
        "5xx": sum(s >= 500 for s in statuses),
        "4xx": sum(400 <= s < 500 for s in statuses),
        "writes refused": sum(400 <= s[2] < 500 for s in writes),
        "locked": tally.locked,
    }


def main(argv=None) -> int:
    args = parse_args(argv)
    database_url = http_server.configure(args.database_url)
    from django.db import connection

    rng = random.Random(14)
    crowd = actors(args.users, rng)
    engine = connection.settings_dict["ENGINE"].rsplit(".", 1)[-1]
    connection.close()
    env = http_server.production_env(database_url)
    results = []
    with http_server.Server(env, workers=args.workers, name=f"load-{engine}") as srv:
        for warm in crowd[:3]:  # the workers load their code before the clock starts
            http_server.Browser(srv.port, {"Cookie": warm.cookie}).get("/status/ping")
        runs = [
            ("floor /status/ping", lambda: closed_loop(srv.port, crowd, args.seconds, 0, True)),
            (
                f"closed loop, {args.users} users",
                lambda: closed_loop(srv.port, crowd, args.seconds, args.write_share),
            ),
        ]
        if args.rate > 0:
            runs.append(
                (
                    f"open loop, {args.rate:g}/s",
                    lambda: open_loop(srv.port, crowd, args.seconds, args.rate, args.write_share),
                )
            )
        for name, run in runs:
            results.append(summary(name, run(), args.seconds))
        log = srv.log_counts()
    print(
        f"load.py: {engine}, gunicorn {args.workers} workers, production settings, "
        f"{args.users} users, {args.seconds:g} s a run, writes {args.write_share:.0%}"
    )
    for r in results:
        verdict = ""
        if r["name"].startswith("open loop"):
            verdict = f"  (target p95 < {OPEN_LOOP_TARGET_MS:.0f} ms: "
            verdict += "ok)" if r["p95"] < OPEN_LOOP_TARGET_MS else "OVER)"
        print(
            f"{r['name']:<22} {r['requests']:6d} requests ({r['writes']} writes)  "
            f"{r['throughput']:7.1f}/s  p50={r['p50']:.0f}ms  p95={r['p95']:.0f}ms  "
            f"p99={r['p99']:.0f}ms  5xx={r['5xx']}  locked={r['locked']}  "
            f"refused writes={r['writes refused']}{verdict}"
        )
    print(
        f"server log: {log['5xx']} 5xx, {log['tracebacks']} tracebacks, "
        f"{log['locked']} 'database is locked'"
    )
    if args.json:
        write_json(
            args.json,
            "load",
            results,
            clients=client_count(),
            engine=engine,
            workers=args.workers,
            users=args.users,
            seconds=args.seconds,
            server_log=log,
        )
    return 0


def _run_each(run, actors_) -> None:
    """`run(actor, n)` for every actor, each in its own thread, until all are done."""
    threads = [threading.Thread(target=run, args=(a, n)) for n, a in enumerate(actors_)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    sys.exit(main())
