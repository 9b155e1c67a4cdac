"""Leads (the intake programme, INT-01..07) for the benchmark database: `count` registrations over
the two years before today, every channel, most routed to a coach and contacted within minutes to
three days, some still open, some late (routed more than 24 hours ago and never contacted), some
matched, one in ten brought to a voucher trajectory of their coach. Called by `generate.py`;
bulk_create, bypassing the services (as generate.py does, and for the same reason), valid by
construction: a lead's clock starts when it arrives, the first contact comes after it, a client
lead points at a voucher trajectory (and its client) of the coach it was routed to.

The lead list and the marketing page (INT-07) are then measured on real volumes."""

from datetime import timedelta

CHANNEL_WEIGHTS = {
    "website": 30,
    "search": 20,
    "social": 15,
    "word_of_mouth": 12,
    "vdab": 8,
    "employer": 5,
    "event": 4,
    "coach": 3,
    "other": 3,
}
QUESTIONS = [
    "Wat wil ik na twaalf jaar in de zorg?",
    "Ik werk al acht jaar in de winkel en wil iets met kinderen doen.",
    "Na mijn ziekteverlof wil ik weten welk werk nog bij me past.",
    "Ik twijfel tussen doorgroeien in mijn job of iets nieuws.",
]


def _state(rng, arrived, now, states):
    """(state, contacted_at, late) for a lead that arrived at `arrived`."""
    age = now - arrived
    if age < timedelta(hours=24) and rng.random() < 0.6:
        return states.NEW, None, False  # the clock still runs
    if rng.random() < 0.04:
        return states.NEW, None, age > timedelta(hours=24)  # forgotten: late
    contacted = arrived + timedelta(minutes=rng.choice([rng.randrange(5, 72 * 60), 1440]))
    if contacted > now:
        return states.NEW, None, False
    return rng.choice([states.ACKNOWLEDGED, states.MATCHED, states.NO_MATCH]), contacted, False


def generate_leads(*, count: int, centres, now, rng, names) -> dict[str, int]:
    """`centres`: [(organisation, [coach, ...]), ...], the first the main one (90 % of the leads)."""
    from django.db import transaction

    from koers.intake.models import Lead, LeadState, ReachableWindow
    from koers.trajectories.models import Programme, Trajectory

    first_names, last_names = names
    channels, weights = zip(*CHANNEL_WEIGHTS.items(), strict=True)
    # Per coach, voucher trajectories a converted lead can point at (one lead per trajectory).
    targets: dict[int, list[tuple[int, int]]] = {}
    for coach_id, trajectory_id, client_id in (
        Trajectory.objects.filter(programme=Programme.VOUCHER)
        .order_by("-start_date", "pk")
        .values_list("responsible_id", "pk", "client_id")
    ):
        targets.setdefault(coach_id, []).append((trajectory_id, client_id))
    span = int(timedelta(days=730).total_seconds())
    leads, late = [], 0
    for n in range(count):
        centre, coaches = centres[0] if n % 10 else centres[-1]
        arrived = now - timedelta(seconds=rng.randrange(span), microseconds=rng.randrange(10**6))
        if n % 50 == 0:  # the last hours of a UTC month: the next month in Brussels
            arrived = arrived.replace(day=1, hour=0) - timedelta(minutes=rng.randrange(1, 120))
        if n % 97 == 0:  # recent arrivals: the open leads on the list
            arrived = now - timedelta(minutes=rng.randrange(10, 60 * 72))
        state, contacted, is_late = _state(rng, arrived, now, LeadState)
        coach = rng.choice(coaches)
        if state == LeadState.NEW and contacted is None and n % 7 == 0:
            state, coach = LeadState.UNASSIGNED, None  # no available coach: routed by hand
        trajectory_id = client_id = None
        if contacted and coach is not None and rng.random() < 0.1 and targets.get(coach.pk):
            state = LeadState.CLIENT
            trajectory_id, client_id = targets[coach.pk].pop()
        late += is_late
        leads.append(
            Lead(
                organisation=centre,
                first_name=rng.choice(first_names),
                last_name=rng.choice(last_names),
                email=f"aanvraag-{n}@bench.example.be",
                phone=f"+3247{n % 10}{(n * 7919) % 1_000_000:06d}",
                postal_code=str(1000 + (n * 37) % 9000),
                career_question=QUESTIONS[n % len(QUESTIONS)],
                channel=rng.choices(channels, weights)[0],
                consent=True,
                arrived_at=arrived,
                clock_started_at=arrived,
                state=state,
                coach=coach,
                contacted_at=contacted,
                clock_met_at=contacted,
                late_flagged_at=arrived + timedelta(hours=24) if is_late else None,
                client_id=client_id,
                trajectory_id=trajectory_id,
            )
        )
    with transaction.atomic():
        Lead.objects.bulk_create(leads, batch_size=2000)
        windows = []
        for lead in leads:
            if lead.state in (LeadState.NEW, LeadState.UNASSIGNED, LeadState.ACKNOWLEDGED):
                start = (lead.arrived_at + timedelta(days=1)).replace(minute=0, second=0)
                windows.append(
                    ReachableWindow(lead=lead, starts_at=start, ends_at=start + timedelta(hours=2))
                )
        ReachableWindow.objects.bulk_create(windows, batch_size=5000)
    by_state: dict[str, int] = {}
    for lead in leads:
        by_state[lead.state] = by_state.get(lead.state, 0) + 1
    return {"leads": len(leads), "late leads": late, "open leads": by_state.get("new", 0)}
