"""`koers.core.demo`: the registry behind `manage.py demo` (each app brings its own part)."""

from koers.core import demo


def test_every_app_registers_its_part_in_order():
    names = [part.name for part in demo.demo_parts()]
    assert names == [
        "people",
        "vouchers",
        "trajectories",
        "leads",
        "transition_intake",
        "transition_assessment",
        "transition_plan",
        "transition_measures",
        "transition_kpis",
        "billing-invoices",
    ]
    orders = [part.order for part in demo.demo_parts()]
    assert orders == sorted(orders)


def test_a_part_is_registered_once_under_its_name(monkeypatch):
    monkeypatch.setattr(demo, "_parts", dict(demo._parts))
    calls = []
    demo.register_demo("extra", calls.append, order=99)
    demo.register_demo("extra", calls.append, order=5)
    parts = demo.demo_parts()
    assert [p.name for p in parts].count("extra") == 1
    assert parts[0].name == "extra"


def test_logins_name_each_role_with_the_demo_password():
    lines = demo.demo_logins()
    assert len(lines) == len(demo.STAFF)
    assert all(demo.DEMO_PASSWORD in line for line in lines)
    assert "login: coach2 / koers-demo-2026 (Loopbaanbegeleider, onderaannemer)" in lines


def test_agenda_never_hands_out_a_slot_twice(django_user_model):
    from datetime import date

    staff = django_user_model(pk=1, username="x")
    agenda = demo.Agenda(date(2026, 3, 2))
    first = agenda.slot(date(2026, 3, 3), staff=staff, client_pk=1)
    second = agenda.slot(date(2026, 3, 3), staff=staff, client_pk=2)
    assert first != second
    # Never on the demo's "today" or in a weekend.
    assert agenda.slot(date(2026, 3, 2), staff=staff, client_pk=3).date() == date(2026, 3, 3)
    assert agenda.slot(date(2026, 3, 7), staff=staff, client_pk=4).date() == date(2026, 3, 9)


def test_every_programme_says_how_its_demo_trajectories_look():
    from koers.trajectories import demo as trajectory_demo
    from koers.trajectories.models import Programme

    assert set(trajectory_demo._programmes) == set(Programme.values)
    assert all(how.title for how in trajectory_demo._programmes.values())
