"""Create a large, fictional data set fast, for the page benchmark.

    python benchmarks/generate.py --clients 20000 [--contacts-per-client 10] [--database-url URL]

Writes into the database the settings point to: `DATABASE_URL` when given, else a separate SQLite
file `benchmarks/bench.sqlite3` (override with `SQLITE_PATH`), never your `make run` database.

Speed comes from `bulk_create` in batches, one transaction per coach. That deliberately bypasses
the services (and so their validation, the overlap checks and the audit history): the services
validate one row at a time and would take hours for 200,000 contacts. The generator keeps the data
valid by construction instead: every coach has a deterministic agenda of one-hour slots, so no
two contacts of a coach (or of a client, whose trajectories all sit in one coach's agenda)
overlap; national numbers are built by keeping the check digits python-stdnum accepts.

Every programme is there: vouchers, mediation services (`generate_mediation.py`), leads
(`generate_leads.py`), hours and statements (`generate_billing.py`) and transition files
(`generate_transition.py`). A coach guides about 400 clients, so the number of coaches grows with
`--clients` (at least `--coaches`); no agenda then reaches back before the first voucher rule set
(1 January 2019), which `ruleset_for` needs: at 100,000 clients that is 250 coaches.

Users with a known password (`bench-pass-2026`): `bench-coach` (a coach with a normal load),
`bench-mediator` (a coach who is also the centre's mediator, with open mediation services),
`bench-staff` (centre staff of the main centre), `bench-admin` (administrator) and
`bench-jobcoach` (the social-economy company's job coach).
"""

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH_PASSWORD = "bench-pass-2026"  # noqa: S105 - benchmark data only
MAIN_CENTRE = "Benchcentrum Noord"
OTHER_CENTRE = "Benchcentrum Zuid"
SLOTS_PER_DAY = 8  # one-hour slots from 08:00 to 16:00
COHORT = 40  # clients a coach guides at the same time
CLIENTS_PER_COACH = 400  # the coaches grow with --clients beyond --coaches × this
SEED = 2026
HEAVY_FILE_CONTACTS = 60  # contacts of the first client of bench-coach


EVALUATION_OUT_DAYS = 90  # a centre chases an evaluation for about a quarter, then files it


def evaluation_fields(end: date | None, today: date, n: int) -> dict:
    """LBC-15 as a centre keeps it: an ended voucher's evaluation is sent a few days after the
    end; after a quarter it has come back (two in three) or its correspondence is filed. Only
    the recent ones are still out, as on a real centre's dashboard."""
    if end is None:
        return {}
    fields = {"evaluation_invited_on": end + timedelta(days=3)}
    if end < today - timedelta(days=EVALUATION_OUT_DAYS):
        key = "evaluation_correspondence_added_on" if n % 3 == 0 else "evaluation_received_on"
        fields[key] = end + timedelta(days=30)
    return fields


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--contacts-per-client", type=int, default=10)
    parser.add_argument(
        "--coaches", type=int, default=50, help="coaches of the main centre (at least)"
    )
    parser.add_argument("--leads", type=int, default=None, help="default: a fifth of --clients")
    parser.add_argument("--database-url", default="", help="default: benchmarks/bench.sqlite3")
    parser.add_argument("--reset", action="store_true", help="start from an empty database")
    parser.add_argument(
        "--transition-files", type=int, default=None, help="default: a twentieth of --clients"
    )
    return parser.parse_args(argv)


def configure(args) -> None:
    """Point Django at the benchmark database before it is set up."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
    os.environ.setdefault("KOERS_DATA_DIR", str(HERE / "var"))
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    if not os.environ.get("DATABASE_URL"):
        sqlite_path = Path(os.environ.setdefault("SQLITE_PATH", str(HERE / "bench.sqlite3")))
        if args.reset:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    sys.path.insert(0, str(HERE.parent / "src"))
    sys.path.insert(0, str(HERE))
    import django

    django.setup()


class Clock:
    def __init__(self):
        self.start = self.last = time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        print(f"{what:<34} {now - self.last:7.1f} s", flush=True)
        self.last = now

    def total(self) -> float:
        return time.perf_counter() - self.start


def weekday(anchor_monday: date, index: int) -> date:
    """The `index`-th working day after a Monday (negative goes back)."""
    return anchor_monday + timedelta(days=(index // 5) * 7 + index % 5)


def slot_start(anchor_monday: date, slot_number: int, tz) -> datetime:
    """Start of agenda slot `slot_number` (counted from the working day at index 0)."""
    day = weekday(anchor_monday, slot_number // SLOTS_PER_DAY)
    return datetime(day.year, day.month, day.day, 8 + slot_number % SLOTS_PER_DAY, tzinfo=tz)


def coaches_needed(args, this_monday: date, earliest: date) -> int:
    """Enough coaches that the busiest agenda starts on or after `earliest` (the first voucher
    rule set): a coach's agenda goes back about 95 % of its slots, SLOTS_PER_DAY a working day."""
    coaches = max(args.coaches, -(-args.clients // CLIENTS_PER_COACH))
    while True:
        share = -(-round(args.clients * 0.9) // coaches)
        slots = share * (args.contacts_per_client + 2) + HEAVY_FILE_CONTACTS
        working_days = slots * 95 // 100 // SLOTS_PER_DAY + 1
        start = this_monday - timedelta(days=(working_days // 5 + 1) * 7)
        if start >= earliest + timedelta(days=31):
            return coaches
        coaches += max(1, coaches // 10)


def main(argv=None) -> None:
    args = parse_args(argv)
    configure(args)

    import generate_dossiers as dossiers
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone
    from faker.providers.person.nl_BE import Provider as Names
    from stdnum.be import ssn

    from koers.core import crypto
    from koers.core.models import Client, Membership, Organisation, OrganisationKind, Role, User
    from koers.core.search import client_search_name
    from koers.trajectories.models import (
        Assignment,
        AssignmentStatus,
        Contact,
        ContactForm,
        ContactOutcome,
        Document,
        DocumentKind,
        DocumentStatus,
        Plan,
        Programme,
        Trajectory,
        TrajectoryStatus,
    )
    from koers.vouchers.models import Voucher
    from koers.vouchers.rules.ruleset import RULESETS, ruleset_for

    clock = Clock()
    db = connection.settings_dict
    print(f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {db['NAME']}")
    if args.reset and os.environ.get("DATABASE_URL"):
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0, interactive=False)
    clock.lap("migrate")
    if Organisation.objects.filter(name=MAIN_CENTRE).exists():
        print("Benchmark data already present (use --reset to start again).")
        return

    rng = random.Random(SEED)
    first_names = list(Names.first_names_male) + list(Names.first_names_female)
    last_names = list(Names.last_names)
    today = timezone.localdate()
    this_monday = today - timedelta(days=today.weekday())
    tz = timezone.get_current_timezone()
    password = make_password(BENCH_PASSWORD)
    args.coaches = coaches_needed(args, this_monday, min(r.valid_from for r in RULESETS))

    # Organisations and staff: few rows, created one by one.
    main_centre = Organisation.objects.create(name=MAIN_CENTRE, kind=OrganisationKind.CAREER_CENTRE)
    other_centre = Organisation.objects.create(
        name=OTHER_CENTRE, kind=OrganisationKind.CAREER_CENTRE
    )

    def user(username, organisation, role, usable=False):
        account = User.objects.create(
            username=username,
            first_name=rng.choice(first_names),
            last_name=rng.choice(last_names),
            email=f"{username}@bench.example.be",
            password=password if usable else "!unusable",
        )
        Membership.objects.create(user=account, organisation=organisation, role=role)
        return account

    user("bench-admin", main_centre, Role.ADMINISTRATOR, usable=True)
    staff = user("bench-staff", main_centre, Role.CENTRE_STAFF, usable=True)
    user("bench-staff-zuid", other_centre, Role.CENTRE_STAFF)
    other_coaches = max(1, args.coaches // 10)
    coaches = []
    for n in range(args.coaches):
        username = {0: "bench-coach", 1: "bench-mediator"}.get(n, f"bench-coach-{n:02d}")
        coaches.append((user(username, main_centre, Role.COACH, usable=n < 2), main_centre))
        if username == "bench-mediator":  # also the centre's mediator: "klanten opvolgen"
            Membership.objects.create(
                user=coaches[-1][0], organisation=main_centre, role=Role.MEDIATOR
            )
    for n in range(other_coaches):
        coaches.append((user(f"bench-zuid-{n:02d}", other_centre, Role.COACH), other_centre))
    clock.lap(f"organisations, {len(coaches)} coaches")

    # Share the clients: 90 % over the main centre's coaches, the rest over the other centre.
    main_clients = round(args.clients * 0.9) if other_coaches else args.clients
    shares = []
    for n in range(args.coaches):
        shares.append(main_clients // args.coaches + (n < main_clients % args.coaches))
    rest = args.clients - main_clients
    for n in range(other_coaches):
        shares.append(rest // other_coaches + (n < rest % other_coaches))

    used_numbers: set[str] = set()

    def national_number(index: int) -> str:
        birth = date(1960, 1, 1) + timedelta(days=(index * 7919) % 15_000)
        serial = 1 + index % 997
        while True:
            base = f"{birth:%y%m%d}{serial:03d}"
            for check in range(100):
                candidate = f"{base}{check:02d}"
                if candidate not in used_numbers and ssn.is_valid(candidate):
                    used_numbers.add(candidate)
                    return candidate
            serial = serial % 997 + 1

    forms = [ContactForm.INDIVIDUAL] * 6 + [ContactForm.VIDEO, ContactForm.GROUP, ContactForm.PHONE]
    totals = {"clients": 0, "trajectories": 0, "contacts": 0, "assignments": 0, "documents": 0}
    index = 0
    for (coach, centre), share in zip(coaches, shares, strict=True):
        # Each client gets 8–12 contacts (average: --contacts-per-client), in one or two
        # trajectories, all in this coach's agenda: cohorts of COHORT clients are guided side by
        # side, one contact a week each, and cohorts follow each other.
        wanted = [max(1, args.contacts_per_client + (index + i) % 5 - 2) for i in range(share)]
        if coach.username == "bench-coach" and wanted:
            # One long file, to show that a client's page does not slow down with its size.
            wanted[0] = HEAVY_FILE_CONTACTS
        cohorts = [range(c, min(c + COHORT, share)) for c in range(0, share, COHORT)]
        slots_needed = sum(wanted)
        # About 5 % of the agenda lies in the future: the rest already happened.
        first_slot = -(slots_needed * 95 // 100) // SLOTS_PER_DAY * SLOTS_PER_DAY
        clients = []
        for _ in range(share):
            first, last = rng.choice(first_names), rng.choice(last_names)
            with_number = index % 3 == 0
            nn = national_number(index) if with_number else ""
            clients.append(
                Client(
                    organisation=centre,
                    first_name=first,
                    last_name=last,
                    birth_date=date(1960, 1, 1) + timedelta(days=(index * 7919) % 15_000),
                    email=f"klant{index}@bench.example.be",
                    phone=f"+3247{index % 10}{index % 1_000_000:06d}" if index % 2 else "",
                    postal_code=str(1000 + (index * 37) % 9000),
                    city="Gemeente",
                    consent_processing=True,
                    national_number_encrypted=crypto.encrypt(nn) if nn else "",
                    national_number_index=crypto.blind_index(nn) if nn else "",
                    search_name=client_search_name(first, last),
                )
            )
            index += 1
        with transaction.atomic():
            Client.objects.bulk_create(clients, batch_size=2000)
            # Agenda: slot number -> aware datetime, contacts grouped per client.
            client_slots: list[list[int]] = [[] for _ in range(share)]
            slot = 0
            for cohort in cohorts:
                for wave in range(max(wanted[i] for i in cohort)):
                    for i in cohort:
                        if wave < wanted[i]:
                            client_slots[i].append(slot)
                            slot += 1

            trajectories, plans = [], []
            for i, client in enumerate(clients):
                slots = client_slots[i]
                parts = [slots] if i % 3 else [slots[: len(slots) // 2], slots[len(slots) // 2 :]]
                for number, part in enumerate(p for p in parts if p):
                    starts = [slot_start(this_monday, first_slot + s, tz) for s in part]
                    last_day = timezone.localtime(starts[-1]).date()
                    closed = last_day < today - timedelta(days=30)
                    programme = (
                        Programme.VOUCHER
                        if i % 4
                        else (Programme.MEDIATION, Programme.TRANSITION)[i % 8 // 4]
                    )
                    trajectories.append(
                        Trajectory(
                            client=client,
                            programme=programme,
                            responsible=coach,
                            organisation=centre,
                            status=TrajectoryStatus.CLOSED if closed else TrajectoryStatus.ACTIVE,
                            title=f"Loopbaancheque {number + 1}"
                            if programme == Programme.VOUCHER
                            else "",
                            start_date=timezone.localtime(starts[0]).date(),
                            end_date=last_day if closed else None,
                        )
                    )
                    plans.append(starts)
            Trajectory.objects.bulk_create(trajectories, batch_size=2000)
            # A voucher trajectory has its voucher (number 1 or 2, the rule set of its start).
            vouchers, numbers, complete = [], {}, {}
            for trajectory in trajectories:
                if trajectory.programme == Programme.VOUCHER:
                    number = numbers[trajectory.client_id] = (
                        numbers.get(trajectory.client_id, 0) + 1
                    )
                    closed = trajectory.status == TrajectoryStatus.CLOSED
                    complete[id(trajectory)] = dossiers.dossier_complete(closed, len(vouchers))
                    vouchers.append(
                        Voucher(
                            trajectory=trajectory,
                            client_id=trajectory.client_id,
                            number=number,
                            ruleset_version=ruleset_for(trajectory.start_date).version,
                            **evaluation_fields(trajectory.end_date, today, len(vouchers)),
                            **dossiers.voucher_fields(trajectory, tz),
                        )
                    )
            Voucher.objects.bulk_create(vouchers, batch_size=2000)
            contacts, assignments, documents = [], [], []
            now = timezone.now()
            for t, (trajectory, starts) in enumerate(zip(trajectories, plans, strict=True)):
                for k, starts_at in enumerate(starts):
                    past = starts_at < now
                    absent = past and (t + k) % 20 == 0
                    form = forms[(t + k) % len(forms)]
                    minutes = 60 if k % 3 else 30 + 30 * (k % 2)
                    if complete.get(id(trajectory)):
                        form, minutes, absent = dossiers.complete_contact(form, minutes, absent)
                    contacts.append(
                        Contact(
                            trajectory=trajectory,
                            staff=coach,
                            starts_at=starts_at,
                            duration_minutes=minutes,
                            form=form,
                            outcome=(
                                ContactOutcome.ABSENT
                                if absent
                                else ContactOutcome.HELD
                                if past
                                else ContactOutcome.PLANNED
                            ),
                            absence_reason="Ziek" if absent else "",
                            notes="Verslag van het gesprek." if past and not absent else "",
                        )
                    )
                assignments.append(
                    Assignment(
                        trajectory=trajectory,
                        title="Drie vacatures zoeken die je aanspreken",
                        deadline=trajectory.start_date + timedelta(days=14),
                        status=AssignmentStatus.DONE
                        if trajectory.status == TrajectoryStatus.CLOSED
                        else AssignmentStatus.OPEN,
                        created_by=coach,
                    )
                )
                documents += [
                    Document(
                        trajectory=trajectory,
                        kind=DocumentKind.CONTRACT,
                        title="Overeenkomst",
                        status=DocumentStatus.ORIGINAL_RECEIVED,
                    ),
                    Document(
                        trajectory=trajectory,
                        kind=DocumentKind.PLAN,
                        title="POP",
                        status=DocumentStatus.SIGNED
                        if trajectory.status == TrajectoryStatus.CLOSED
                        else DocumentStatus.MISSING,
                    ),
                ]
            Contact.objects.bulk_create(contacts, batch_size=5000)
            Assignment.objects.bulk_create(assignments, batch_size=5000)
            # A voucher's proofs (LBC-06, LBC-11.3) and a closed voucher's finalised POP.
            documents += dossiers.voucher_proofs(trajectories, contacts, complete)
            Plan.objects.bulk_create(
                dossiers.pop_plan(trajectory, tz)
                for trajectory in trajectories
                if trajectory.programme == Programme.VOUCHER
                and trajectory.status == TrajectoryStatus.CLOSED
            )
            Document.objects.bulk_create(documents, batch_size=5000)
        totals["clients"] += len(clients)
        totals["trajectories"] += len(trajectories)
        totals["contacts"] += len(contacts)
        totals["assignments"] += len(assignments)
        totals["documents"] += len(documents)
    clock.lap("clients, trajectories, contacts")
    # bulk_create passes no signal: the vouchers' counted contacts (issue 14) in one go.
    from koers.vouchers.services.counting import recount_all

    recount_all()
    clock.lap("counted contacts (the vouchers' replay)")
    from generate_programmes import other_programmes

    other_programmes(args, today, password, rng, (first_names, last_names), staff, coaches, clock)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    clock.lap("analyze")
    print(", ".join(f"{n} {what}" for what, n in totals.items()))
    print(
        f"total {clock.total():.1f} s; logins: bench-coach / bench-mediator / bench-staff / bench-admin / bench-jobcoach"
    )
    print(f"password: {BENCH_PASSWORD}")


if __name__ == "__main__":
    main()
