"""The programmes beside the voucher trajectories, for `generate.py`: mediation services, leads,
hours and statements, transition files (each in its own module beside this one)."""


def other_programmes(args, today, password, rng, names, staff, coaches, clock) -> None:
    """Leads, mediation services, billing and transition files, beside the trajectories."""
    from django.utils import timezone
    from generate_billing import generate_billing
    from generate_leads import generate_leads
    from generate_mediation import generate_mediation
    from generate_transition import generate_transition

    made = generate_mediation(today=today)
    print(", ".join(f"{n} {what}" for what, n in made.items()))
    clock.lap("mediation services")
    centres: dict = {}
    for coach, centre in coaches:
        centres.setdefault(centre, []).append(coach)
    wanted = args.leads if args.leads is not None else args.clients // 5
    made = generate_leads(
        count=wanted, centres=list(centres.items()), now=timezone.now(), rng=rng, names=names
    )
    print(", ".join(f"{n} {what}" for what, n in made.items()))
    clock.lap("leads")
    main_centre, main_coaches = next(iter(centres.items()))
    made = generate_billing(centre=main_centre, coaches=main_coaches, staff=staff, today=today)
    print(", ".join(f"{n} {what}" for what, n in made.items()))
    clock.lap("hours and statements")
    wanted = args.transition_files if args.transition_files is not None else args.clients // 20
    made = generate_transition(files=wanted, today=today, password=password, rng=rng, names=names)
    print(", ".join(f"{n} {what}" for what, n in made.items()))
    clock.lap("transition files and their events")
