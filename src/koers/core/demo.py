"""`manage.py demo`: a small, realistic, fictional career centre to try Koers with.

Each app brings its own demo data (`koers/<app>/demo.py`) and registers how to build it with
`register_demo(name, build, order)`, as the programmes register their openers; the command only
orchestrates (`demo_build`). A part gets the `Demo` being built: the organisations, staff and
clients made so far, the agenda that hands out free slots, and the counts printed at the end.
This module builds the people: organisations, their locations, staff and clients.

Everything goes through the services (`organisation_create`, `client_create`, `programme_open`,
`contact_log`, ...) so the demo data is validated and audited like real input. Running it again
does nothing when the centre already exists; it only prints the logins again (`make run` relies
on that output).

All people and organisations are invented. Identifiers are valid but fictional: national numbers
and enterprise numbers are built by trying candidates until python-stdnum accepts one (we never
compute a checksum ourselves), phone numbers are checked with phonenumbers.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import phonenumbers
from django.utils import timezone
from stdnum.be import ssn, vat

from koers.core.data import ClientData, OrganisationData, StaffData
from koers.core.models import (
    Client,
    Location,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from koers.core.services import client_create, organisation_create, staff_create

# Demo only: never use this password (or the demo data) on a real installation.
DEMO_PASSWORD = "koers-demo-2026"  # noqa: S105
CENTRE_NAME = "Loopbaancentrum Horizon"

# Names drawn once with Faker("nl_BE") and seed 2026, then frozen here: the demo must look the
# same everywhere and `make run` must not need the dev dependencies.
CLIENT_NAMES = [
    ("Hans", "Vervoort"),
    ("Stijn", "Verelst"),
    ("Natalia", "Merckx"),
    ("Mona", "Nijs"),
    ("Achiel", "Callens"),
    ("Odette", "Janssens"),
    ("Marie", "De Muynck"),
    ("Hanne", "Yilmaz"),
    ("Patrick", "Ceulemans"),
    ("Evi", "Daems"),
    ("An", "Steyaert"),
    ("Rose", "Jacobs"),
    ("Irena", "Malfait"),
    ("Linda", "Willems"),
    ("Lucas", "Van Dyck"),
    ("William", "Mahieu"),
    ("Karel", "De Schrijver"),
    ("Femke", "Vleugels"),
    ("Liliane", "Segers"),
    ("Liesbeth", "Roels"),
    ("Nicole", "Hermans"),
    ("Giovanni", "De Wulf"),
    ("David", "Verbrugghe"),
    ("Lotte", "Vermeiren"),
    ("Sonja", "De Winter"),
]

# (username, first name, last name, role, organisation key, company key)
STAFF = [
    ("beheerder", "Nina", "Mestdagh", Role.ADMINISTRATOR, "centre", None),
    ("backoffice", "Ilse", "Lauwers", Role.CENTRE_STAFF, "centre", None),
    ("coach", "Jonas", "Tack", Role.COACH, "centre", None),
    ("coach2", "Regina", "Vranckx", Role.COACH, "centre", "subcontractor"),
    ("bemiddelaar", "Mehdi", "Verhelst", Role.MEDIATOR, "mediation", None),
    ("jobcoach", "Rudi", "Dewaele", Role.JOB_COACH, "social", None),
]

# Real Flemish postal codes with their municipality; the streets are common street names.
ADDRESSES = [
    ("9000", "Gent"),
    ("2000", "Antwerpen"),
    ("3000", "Leuven"),
    ("8500", "Kortrijk"),
    ("9300", "Aalst"),
    ("2800", "Mechelen"),
    ("3500", "Hasselt"),
    ("9100", "Sint-Niklaas"),
    ("8000", "Brugge"),
    ("2300", "Turnhout"),
]
STREETS = ["Stationsstraat", "Kerkstraat", "Molenstraat", "Dorpsstraat", "Schoolstraat"]

# Start times of the agenda slots; 90 minutes apart so a contact of up to 90 minutes never overlaps.
SLOT_TIMES = [time(9, 0), time(10, 30), time(13, 0), time(14, 30)]


def enterprise_number(seed: int) -> str:
    """A valid, fictional Belgian enterprise number: the first candidate stdnum accepts."""
    base = f"0{700_000_00 + seed * 7919:08d}"[:8]
    for check in range(100):
        candidate = f"{base}{check:02d}"
        if vat.is_valid(candidate):
            return candidate
    raise RuntimeError("no valid enterprise number found")  # pragma: no cover


def national_number(birth: date, serial: int) -> str:
    """A valid national register number for `birth`: the first check digits stdnum accepts."""
    base = f"{birth:%y%m%d}{serial:03d}"
    for check in range(100):
        candidate = f"{base}{check:02d}"
        if ssn.is_valid(candidate):
            return candidate
    raise RuntimeError("no valid national number found")  # pragma: no cover


def mobile_number(index: int) -> str:
    """A valid Belgian mobile number in E.164 (+32 47x xx xx xx)."""
    number = f"+3247{index % 10}{123400 + index * 37:06d}"
    parsed = phonenumbers.parse(number, None)
    if not phonenumbers.is_valid_number(parsed):  # pragma: no cover - guards the pattern above
        raise RuntimeError("generated an invalid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


class Agenda:
    """Hands out free, non-overlapping slots per staff member and per client."""

    def __init__(self, today: date):
        self.today = today
        self.taken: set[tuple[str, int, datetime]] = set()

    def slot(self, day: date, *, staff: User, client_pk: int) -> datetime:
        while True:
            if day.weekday() < 5 and day != self.today:
                for start in SLOT_TIMES:
                    moment = timezone.make_aware(datetime.combine(day, start))
                    keys = {("staff", staff.pk, moment), ("client", client_pk, moment)}
                    if not keys & self.taken:
                        self.taken |= keys
                        return moment
            day += timedelta(days=1)


@dataclass
class Demo:
    """What the demo parts share while they build, in the order of their registration."""

    today: date
    agenda: Agenda
    orgs: dict[str, Organisation] = field(default_factory=dict)
    staff: dict[str, User] = field(default_factory=dict)
    clients: list[Client] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: {"clients": 0, "trajectories": 0, "contacts": 0}
    )


@dataclass(frozen=True)
class DemoPart:
    name: str
    build: Callable[[Demo], None]
    order: int


_parts: dict[str, DemoPart] = {}


def register_demo(name: str, build: Callable[[Demo], None], order: int) -> None:
    """An app's demo data: `build(demo)` runs after every part of a lower `order`."""
    _parts[name] = DemoPart(name, build, order)


def demo_parts() -> list[DemoPart]:
    return sorted(_parts.values(), key=lambda part: (part.order, part.name))


def demo_loaded() -> bool:
    return Organisation.objects.filter(name=CENTRE_NAME).exists()


def demo_build(today: date | None = None) -> dict[str, int]:
    """Build every registered part; the counts of clients, trajectories and contacts made."""
    today = today or timezone.localdate()
    demo = Demo(today=today, agenda=Agenda(today))
    for part in demo_parts():
        part.build(demo)
    return demo.counts


def demo_logins() -> list[str]:
    """One line per demo login, as `make run` prints them."""
    lines = []
    for username, _first, _last, role, _org, company in STAFF:
        label = Role(role).label
        if company:
            label = f"{label}, onderaannemer"
        lines.append(f"login: {username} / {DEMO_PASSWORD} ({label})")
    return lines


# -- the people ----------------------------------------------------------------------------------


def client_organisation_key(i: int) -> str:
    """Who guides whom: most clients at the centre (vouchers), some with the mediation partner,
    some in the social-economy company."""
    if i < 15:
        return "centre"
    return "mediation" if i < 20 else "social"


def _organisations() -> dict[str, Organisation]:
    specs = {
        "centre": (CENTRE_NAME, "Horizon", OrganisationKind.CAREER_CENTRE, "+3292345600"),
        "subcontractor": (
            "Vranckx Loopbaanadvies BV",
            "",
            OrganisationKind.SUBCONTRACTOR,
            "",
        ),
        "mediation": (
            "Werkbrug vzw",
            "Werkbrug",
            OrganisationKind.MEDIATION_PARTNER,
            "+3232345600",
        ),
        "social": (
            "De Groene Draad maatwerkbedrijf",
            "De Groene Draad",
            OrganisationKind.SOCIAL_ECONOMY,
            "+3250345600",
        ),
        "employer": ("Bakkerij Vandamme NV", "", OrganisationKind.EMPLOYER, ""),
    }
    orgs = {}
    for seed, (key, (name, working, kind, phone)) in enumerate(specs.items(), start=1):
        slug = key.replace("_", "")
        orgs[key] = organisation_create(
            data=OrganisationData(
                name=name,
                kind=kind,
                working_name=working,
                enterprise_number=enterprise_number(seed),
                email=f"info@{slug}.example.be",
                phone=phone,
            ),
            acting_user=None,
        )
    for name, street, postal, city in (
        ("Horizon Gent", "Voskenslaan 12", "9000", "Gent"),
        ("Horizon Aalst", "Stationsplein 4", "9300", "Aalst"),
    ):
        location = Location(
            organisation=orgs["centre"], name=name, street=street, postal_code=postal, city=city
        )
        location.full_clean()
        location.save()
    return orgs


def _staff(orgs: dict[str, Organisation]) -> dict[str, User]:
    users: dict[str, User] = {}
    acting = None
    for username, first, last, role, org_key, company_key in STAFF:
        user = staff_create(
            data=StaffData(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@horizon.example.be",
                organisation=orgs[org_key],
                roles=[role],
                company=orgs[company_key] if company_key else None,
                password=DEMO_PASSWORD,
            ),
            acting_user=acting,
        )
        users[username] = user
        acting = acting or user  # the administrator creates the others
    # The demo's administrator also administers the mediation partner, so that a newcomer can
    # confirm its tender settings (MED-12), which only the partner's administrator may do.
    Membership.objects.get_or_create(
        user=users["beheerder"], organisation=orgs["mediation"], role=Role.ADMINISTRATOR
    )
    return users


def _client(i: int, first: str, last: str, organisation, acting, demo: Demo) -> Client:
    birth = date(1965 + (i * 7) % 38, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
    postal, city = ADDRESSES[i % len(ADDRESSES)]
    demo.counts["clients"] += 1
    return client_create(
        organisation=organisation,
        data=ClientData(
            first_name=first,
            last_name=last,
            birth_date=birth,
            email=f"{first}.{last}".lower().replace(" ", "") + "@example.be",
            phone=mobile_number(i) if i % 5 != 4 else "",
            street=f"{STREETS[i % len(STREETS)]} {3 + i * 4}",
            postal_code=postal,
            city=city,
            preferred_language="nl" if i % 7 else "fr",
            consent_processing=True,
            consent_contact=i % 4 != 0,
            # Some clients without a national number: it is optional.
            national_number=national_number(birth, 11 + 2 * i) if i % 3 != 2 else "",
        ),
        acting_user=acting,
    )


def build_people(demo: Demo) -> None:
    demo.orgs.update(_organisations())
    demo.staff.update(_staff(demo.orgs))
    admin = demo.staff["beheerder"]
    for i, (first, last) in enumerate(CLIENT_NAMES):
        organisation = demo.orgs[client_organisation_key(i)]
        demo.clients.append(_client(i, first, last, organisation, admin, demo))


register_demo("people", build_people, order=10)
