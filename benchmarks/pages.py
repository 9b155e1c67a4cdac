"""The pages the benchmarks time, one list for all of them (`bench_pages.py` in-process,
`bench_http.py` over HTTP): every staff page that lists or reports, and the API list twins, each
as the user who would open it. Needs Django set up on the benchmark database (`generate.py`)."""

import os
from dataclasses import dataclass
from pathlib import Path

FLOOR = "floor: /status/ping"
# The users generate.py makes, by role.
USERNAMES = {
    "coach": "bench-coach",
    "staff": "bench-staff",
    "admin": "bench-admin",
    "mediator": "bench-mediator",
    "job coach": "bench-jobcoach",
}


@dataclass
class Setting:
    """What the page list was made from, printed at the top of every benchmark."""

    users: dict
    client: object
    busiest: object
    voucher: object
    fragment: str

    def header(self, connection) -> str:
        from koers.core.models import Client

        db = connection.settings_dict
        return (
            f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {Path(str(db['NAME'])).name}; "
            f"{Client.objects.count()} clients; file: client {self.client.pk} "
            f"({self.busiest.n} contacts in trajectory {self.busiest.pk}); "
            f"search q={self.fragment!r}; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )


def setting() -> Setting | None:
    """The benchmark users and the objects the pages show; None without benchmark data."""
    from django.db.models import Count

    from koers.core.models import Client, User
    from koers.trajectories.models import Trajectory
    from koers.vouchers.models import Voucher

    users = {role: User.objects.filter(username=name).first() for role, name in USERNAMES.items()}
    if users["coach"] is None or users["staff"] is None:
        return None
    coach = users["coach"]
    # The coach's client with the most contacts, and that client's busiest trajectory.
    busiest = (
        Trajectory.objects.filter(responsible=coach)
        .annotate(n=Count("contacts"))
        .order_by("-n", "pk")
        .select_related("client")
        .first()
    )
    voucher = (
        Voucher.objects.filter(trajectory__responsible=coach)
        .annotate(n=Count("trajectory__contacts"))
        .order_by("-n", "pk")
        .first()
    )
    # A name fragment that matches a fair number of clients, like a user typing a surname.
    fragment = Client.objects.order_by("pk").values_list("last_name", flat=True)[7][:4].lower()
    return Setting(users, busiest.client, busiest, voucher, fragment)


def dashboard_panels(user) -> list[tuple[str, str]]:
    """(key, path) of the panels the dashboard loads for this user, as its template does."""
    from django.urls import reverse

    from koers.core.models import Role
    from koers.workplace.worklist import dashboard_sources

    staff = user.is_administrator or user.is_centre_staff
    panels = [(s.key, reverse("work_panel", args=[s.key])) for s in dashboard_sources(user)]
    if staff or Role.COACH in user.roles:
        panels.append(("dossiers", reverse("dashboard_deliveries")))
    if staff:
        panels.append(("centre follow-up", reverse("dashboard_centre_work")))
        panels.append(("centre", reverse("dashboard_centre")))
    return panels


def paths_of(path) -> tuple[str, ...]:
    """A page's path, or the paths a composite page (a tuple) fetches one after the other."""
    return path if isinstance(path, tuple) else (path,)


def pages(s: Setting) -> list[tuple[str, object, str | tuple[str, ...] | None]]:
    """(name, user, path) of every page; path None when the page does not exist (yet), a tuple
    of paths for a page that is fetched with its panels (timed as their sum)."""
    from django.urls import NoReverseMatch, reverse

    def url(name, *args, query=""):
        try:
            return reverse(name, args=args) + query
        except NoReverseMatch:
            return None

    u = s.users
    coach, staff, mediator, jobcoach = u["coach"], u["staff"], u["mediator"], u["job coach"]
    jc = jobcoach is not None
    roles = (("coach", coach), ("centre staff", staff), ("mediator", mediator))
    return [
        ("dashboard (coach)", coach, url("dashboard")),
        ("dashboard (centre staff)", staff, url("dashboard")),
        ("dashboard (mediator)", mediator, mediator and url("dashboard")),
        ("dashboard (job coach)", jobcoach, jc and url("dashboard")),
        # The dashboard's panels (issue 14), each as the browser loads it after the page, and
        # the whole dashboard as one user waits for it: the page, then every panel in turn.
        *(
            (f"dashboard panel {key} ({role})", user, path)
            for role, user in roles
            if user is not None
            for key, path in dashboard_panels(user)
        ),
        *(
            (
                f"dashboard with every panel, one after the other ({role})",
                user,
                (url("dashboard"), *(path for _key, path in dashboard_panels(user))),
            )
            for role, user in roles
            if user is not None
        ),
        # The lists behind the dashboards' figures (issue 16).
        ("work list stalled (coach)", coach, url("work_list", "stilgevallen")),
        ("work list stalled (centre staff)", staff, url("work_list", "stilgevallen")),
        ("work list late leads (centre staff)", staff, url("work_list", "te-laat")),
        ("work list mediation (mediator)", mediator, mediator and url("work_list", "bemiddeling")),
        ("api worklist (coach)", coach, "/api/v1/worklist"),
        ("api worklist (centre staff)", staff, "/api/v1/worklist"),
        ("client list (coach)", coach, url("client_list")),
        ("client list (centre staff)", staff, url("client_list")),
        ("client search (centre staff)", staff, url("client_list", query=f"?q={s.fragment}")),
        # The header's search (issue 16): a name fragment, and the same through the API.
        ("search (centre staff)", staff, url("search", query=f"?q={s.fragment}")),
        ("search (coach)", coach, url("search", query=f"?q={s.fragment}")),
        ("search api (centre staff)", staff, f"/api/v1/search?q={s.fragment}"),
        ("client file (coach)", coach, url("client_detail", s.client.pk)),
        ("trajectory page (coach)", coach, url("trajectory_detail", s.busiest.pk)),
        ("voucher page (coach)", coach, s.voucher and url("voucher_detail", s.voucher.pk)),
        ("trajectory list (coach)", coach, url("trajectory_list")),
        ("trajectory list (centre staff)", staff, url("trajectory_list")),
        ("contact list (coach)", coach, url("contact_list")),
        (
            "trajectory list, open dossiers (centre staff)",
            staff,
            url("trajectory_list", query="?programma=voucher&dossier=open"),
        ),
        ("lead list (centre staff)", staff, url("intake_lead_list")),
        ("lead list (coach)", coach, url("intake_lead_list")),
        ("marketing (centre staff)", staff, url("intake_marketing")),
        ("klanten opvolgen (centre staff)", staff, url("mediation_dashboard")),
        ("klanten opvolgen (mediator)", mediator, mediator and url("mediation_dashboard")),
        ("billing hours (coach)", coach, url("billing_hours")),
        ("billing statements (centre staff)", staff, url("billing_statements")),
        ("billing statements (coach)", coach, url("billing_statements")),
        ("transition files (job coach)", jobcoach, jc and url("transition_home")),
        ("transition employers (job coach)", jobcoach, jc and url("transition_employers")),
        ("transition follow-ups (job coach)", jobcoach, jc and url("transition_followups")),
        ("kpi page (job coach)", jobcoach, jc and url("transition_kpis")),
        (
            "kpi page, one coach (job coach)",
            jobcoach,
            jc and url("transition_kpis", query=f"?coach={jobcoach.pk}"),
        ),
        ("api clients (centre staff)", staff, "/api/v1/clients"),
        ("api clients (coach)", coach, "/api/v1/clients"),
        ("api trajectories (coach)", coach, "/api/v1/trajectories"),
        ("api contacts (coach)", coach, "/api/v1/contacts"),
        ("api vouchers (centre staff)", staff, "/api/v1/vouchers"),
        ("api leads (centre staff)", staff, "/api/v1/leads"),
        ("api lead-marketing (centre staff)", staff, "/api/v1/lead-marketing"),
        ("api mediation services (centre staff)", staff, "/api/v1/mediation/services"),
        ("api billing hours (coach)", coach, "/api/v1/billing/hours"),
        ("api billing statements (centre staff)", staff, "/api/v1/billing/statements"),
        ("api transition files (job coach)", jobcoach, jc and "/api/v1/transition/files"),
        ("api transition employers (job coach)", jobcoach, jc and "/api/v1/transition/employers"),
        ("api kpis (job coach)", jobcoach, jc and "/api/v1/transition/kpis"),
    ]
