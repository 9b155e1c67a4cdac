"""The staff dashboard's open trajectories per coach (issue 14, item 3): old vs new vs hand SQL.

    python benchmarks/bench_dashboard_counts.py [--trajectories 5000] [--coaches 60] [--runs 30]
        [--database-url URL]

Builds a throw-away database (a temporary SQLite file, or `--database-url` for an empty
PostgreSQL database, which it flushes), with `--coaches` coaches over two centres and
`--trajectories` trajectories (about half open). Then, as the main centre's staff user, it times
in-process (median of `--runs` after a warm-up):

- old:  the COUNT(DISTINCT) over the memberships join the dashboard ran before issue 14;
- new:  `workplace.selectors._coaches` (the guides, then one grouped count from the trajectories);
- hand: `HAND_SQL` below, the same figures written by hand in one statement.

and prints the medians and the ratios old/hand and new/hand, after checking that the three give
the same figures. Rows are made with `bulk_create` for speed (as `generate.py` does).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from results import write_json  # importing it notes the start's time and load

HERE = Path(__file__).resolve().parent
NO_LOGIN = "!"  # an unusable password hash: these users never log in

# The same figures by hand (the guides of the centre with their open trajectories the centre's
# staff may see), beside the benchmark: `sql/dashboard_coach_counts.sql`; its placeholders are
# filled in by `hand` below, {roles} with one per guiding role.
HAND_SQL = "\n".join(  # without the comments, which the PostgreSQL driver would read
    line
    for line in (HERE / "sql" / "dashboard_coach_counts.sql").read_text().splitlines()
    if not line.startswith("--")
)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trajectories", type=int, default=5000)
    parser.add_argument("--coaches", type=int, default=60)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    return parser.parse_args(argv)


def configure(args, workdir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
    os.environ["KOERS_DATA_DIR"] = workdir
    os.environ.setdefault("DEBUG", "0")
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(Path(workdir) / "bench_counts.sqlite3")
    sys.path.insert(0, str(HERE.parent / "src"))
    import django

    django.setup()


def build(args):
    from datetime import date

    from django.core.management import call_command
    from django.db import transaction

    from koers.core.models import Client, Membership, Organisation, OrganisationKind, Role, User
    from koers.trajectories.models import Programme, Trajectory, TrajectoryStatus

    if args.database_url:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0, interactive=False)
    with transaction.atomic():
        main, other = (
            Organisation.objects.create(name=n, kind=OrganisationKind.CAREER_CENTRE)
            for n in ("Centrum Noord", "Centrum Zuid")
        )
        staff = User.objects.create(username="counts-staff", password=NO_LOGIN)
        Membership.objects.create(user=staff, organisation=main, role=Role.CENTRE_STAFF)
        coaches = User.objects.bulk_create(
            User(
                username=f"coach-{n:03d}",
                first_name=f"C{n % 17}",
                last_name=f"N{n}",
                password=NO_LOGIN,
            )
            for n in range(args.coaches)
        )
        memberships = []
        for n, coach in enumerate(coaches):
            centre = main if n % 5 else other
            memberships.append(Membership(user=coach, organisation=centre, role=Role.COACH))
            if n % 4 == 0:  # a second guiding role: the join the old query had to DISTINCT away
                memberships.append(Membership(user=coach, organisation=centre, role=Role.MEDIATOR))
        Membership.objects.bulk_create(memberships)
        clients = Client.objects.bulk_create(
            Client(
                organisation=main if n % 3 else other,
                first_name="K",
                last_name=f"L{n}",
                birth_date=date(1980, 1, 1),
                search_name=f"k l{n}",
            )
            for n in range(args.trajectories)
        )
        statuses = [TrajectoryStatus.ACTIVE, TrajectoryStatus.PLANNED, TrajectoryStatus.CLOSED]
        statuses += [TrajectoryStatus.CLOSED]
        Trajectory.objects.bulk_create(
            Trajectory(
                client=client,
                programme=Programme.VOUCHER,
                responsible=coaches[(n * 7) % len(coaches)],
                organisation=client.organisation,
                status=statuses[n % len(statuses)],
                start_date=date(2026, 1, 1),
            )
            for n, client in enumerate(clients)
        )
    return staff, main


def old_coaches(user):
    """The query before issue 14 (a copy, to compare with)."""
    from django.db.models import Count, Q

    from koers.core import selectors as core_selectors
    from koers.core.access import trajectory_condition
    from koers.core.models import GUIDING_ROLES, User
    from koers.trajectories.rules import OPEN_STATUSES

    org_ids = core_selectors.staff_organisation_ids(user)
    coaches = User.objects.filter(
        is_active=True, memberships__is_active=True, memberships__role__in=list(GUIDING_ROLES)
    )
    if org_ids is not None:
        coaches = coaches.filter(memberships__organisation_id__in=org_ids)
    counted = Q(trajectories__status__in=OPEN_STATUSES)
    seen = trajectory_condition(user, "trajectories__")
    if seen is not None:
        counted &= seen
    return list(
        coaches.annotate(open_count=Count("trajectories", filter=counted, distinct=True))
        .order_by("first_name", "last_name", "pk")
        .distinct()[:50]
    )


def hand(main) -> list[tuple[int, int]]:
    from django.db import connection
    from django.utils import timezone

    from koers.core.models import GUIDING_ROLES
    from koers.trajectories.models import TrajectoryStatus

    roles = sorted(GUIDING_ROLES)
    sql = HAND_SQL.format(roles=", ".join(["%s"] * len(roles)))
    params = [TrajectoryStatus.PLANNED, TrajectoryStatus.ACTIVE, main.pk, timezone.now()]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *roles, main.pk])
        return list(cursor.fetchall())


def median_ms(run, runs: int) -> float:
    run()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main(argv=None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        configure(args, workdir)
        from django.db import connection

        from koers.workplace.selectors import _coaches

        staff, centre = build(args)
        old = [(c.pk, c.open_count) for c in old_coaches(staff)]
        new = [(c.pk, c.open_count) for c in _coaches(staff)]
        assert old == new == [(row[0], row[-1]) for row in hand(centre)], (
            "the three do not give the same figures"
        )
        timings = {
            "old": median_ms(lambda: old_coaches(staff), args.runs),
            "new": median_ms(lambda: _coaches(staff), args.runs),
            "hand": median_ms(lambda: hand(centre), args.runs),
        }
        engine = connection.settings_dict["ENGINE"].rsplit(".", 1)[-1]
        print(
            f"{engine}: {args.trajectories} trajectories, {args.coaches} coaches, load {os.getloadavg()[0]:.2f}"
        )
        for name, ms in timings.items():
            print(f"  {name:5} {ms:8.2f} ms  {ms / timings['hand']:6.1f} × hand SQL")
        if args.json:
            write_json(
                args.json,
                "reports",
                [
                    {
                        "name": "dashboard open trajectories per coach",
                        "ours": round(timings["new"], 2),
                        "hand": round(timings["hand"], 2),
                        "ratio": round(timings["new"] / timings["hand"], 2),
                        "old ratio": round(timings["old"] / timings["hand"], 2),
                        "same": True,  # asserted above
                    }
                ],
                trajectories=args.trajectories,
            )
        connection.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
