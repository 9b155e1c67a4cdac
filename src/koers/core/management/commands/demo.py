"""Load a small, realistic, fictional career centre to try Koers with: `manage.py demo`.

Everything goes through the services (`organisation_create`, `client_create`, `programme_open`,
`contact_log`, ...) so the demo data is validated and audited like real input. Running it again
does nothing when the centre already exists; it only prints the logins again (`make run` relies
on that output).

All people and organisations are invented. Identifiers are valid but fictional: national numbers
and enterprise numbers are built by trying candidates until python-stdnum accepts one (we never
compute a checksum ourselves), phone numbers are checked with phonenumbers.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import cycle

import phonenumbers
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from stdnum.be import ssn, vat

from koers.core.models import Location, Membership, Organisation, OrganisationKind, Role, User
from koers.core.services import (
    ClientData,
    OrganisationData,
    StaffData,
    client_create,
    organisation_create,
    staff_create,
)
from koers.trajectories.models import (
    AssignmentStatus,
    ContactForm,
    ContactOutcome,
    DocumentKind,
    DocumentStatus,
    PlanKind,
    Programme,
    TrajectoryStatus,
)
from koers.trajectories.services import (
    AssignmentData,
    ContactData,
    assignment_create,
    contact_log,
    document_add,
    plan_create,
    programme_open,
    trajectory_set_status,
)

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


# Fictional VDAB mediators for the mediation referrals (MED-01).
VDAB_MEDIATORS = [("Bart", "Meulemeester"), ("Sofie", "Ruelens"), ("Griet", "Lambrechts")]
# Mediation trajectories (by client index) whose first appointment at the partner is planned.
# 19: a service "ter afsluiting" (3× passive) whose final advice a new user can give (MED-14).
MEDIATION_FIRST_APPOINTMENTS = {16: "planned", 17: "present", 19: "to_close"}
MEDIATION_TO_CLOSE_WEEKS = 40  # long enough for 6 months of mediation and 3 passive month-ends


# Fictional registrations: (hours ago, name, channel, career question, first window in days).
DEMO_LEADS = [
    (
        2,
        ("Jolien", "Van Acker"),
        "website",
        "Ik werk al acht jaar in de winkel en wil iets met kinderen doen.",
        0,
    ),
    (
        20,
        ("Koen", "De Bruyne"),
        "social",
        "Na mijn ziekteverlof wil ik weten welk werk nog bij me past.",
        2,
    ),
    (
        30,
        ("Nadia", "El Amrani"),
        "word_of_mouth",
        "Ik twijfel tussen doorgroeien in mijn job of iets nieuws.",
        1,
    ),
]


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
class Track:
    """What the demo builds for one trajectory."""

    programme: str
    staff: str
    weeks_ago: int
    past: int
    future: int
    status: str = TrajectoryStatus.ACTIVE


class Command(BaseCommand):
    help = "Laadt een fictief demo-loopbaancentrum (idempotent) en toont de demo-logins."

    def handle(self, *args, **options):
        if Organisation.objects.filter(name=CENTRE_NAME).exists():
            self.stdout.write("Demo data already loaded; nothing changed.")
        else:
            # The demo's confirmation e-mails to fictional people are not printed with the logins.
            with (
                override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
                transaction.atomic(),
            ):
                counts = self._load()
            self.stdout.write(
                "Demo data loaded: {clients} clients, {trajectories} trajectories, "
                "{contacts} contacts.".format(**counts)
            )
        for username, _first, _last, role, _org, company in STAFF:
            label = Role(role).label
            if company:
                label = f"{label}, onderaannemer"
            self.stdout.write(f"login: {username} / {DEMO_PASSWORD} ({label})")

    # -- building ------------------------------------------------------------------------------

    def _load(self) -> dict[str, int]:
        today = timezone.localdate()
        orgs = self._organisations()
        staff = self._staff(orgs)
        admin = staff["beheerder"]
        self._voucher_ruleset(admin, today)
        self.agenda = Agenda(today)
        self.counts = {"clients": 0, "trajectories": 0, "contacts": 0}

        # Who guides whom: most clients at the centre (vouchers), some with the mediation
        # partner, some in the social-economy company; one client has two programmes.
        plans: list[tuple[str, list[Track]]] = []
        for i in range(25):
            if i < 15:
                owner = "centre"
                coach = "coach" if i % 3 else "coach2"
                status = TrajectoryStatus.CLOSED if i in (3, 9) else TrajectoryStatus.ACTIVE
                trajectory_plans = [
                    Track(Programme.VOUCHER, coach, 4 + i % 8, 2 + i % 3, 1, status=status)
                ]
                if i == 0:
                    trajectory_plans.append(Track(Programme.MEDIATION, "bemiddelaar", 3, 2, 1))
            elif i < 20:
                owner = "mediation"
                weeks = (
                    MEDIATION_TO_CLOSE_WEEKS
                    if MEDIATION_FIRST_APPOINTMENTS.get(i) == "to_close"
                    else 2 + i % 6
                )
                trajectory_plans = [Track(Programme.MEDIATION, "bemiddelaar", weeks, 2, 1)]
            else:
                owner = "social"
                trajectory_plans = [Track(Programme.TRANSITION, "jobcoach", 6 + i % 5, 3, 2)]
            plans.append((owner, trajectory_plans))

        for i, ((first, last), (owner, trajectory_plans)) in enumerate(
            zip(CLIENT_NAMES, plans, strict=True)
        ):
            client = self._client(i, first, last, orgs[owner], admin, today)
            for plan in trajectory_plans:
                self._trajectory(i, client, plan, orgs, staff, today)
        self._leads(orgs["centre"])
        return self.counts

    def _leads(self, centre: Organisation) -> None:
        """A few fresh registrations, routed to the centre's coaches with the 24-hour clock running.
        The centre mails them from its own address with its signature (INT-04)."""
        from koers.intake.models import CentreBranding
        from koers.intake.services import LeadData, lead_submit

        CentreBranding.objects.create(
            organisation=centre,
            sender_name="Horizon",
            sender_email=centre.email,
            address="Voskenslaan 12, 9000 Gent",
            signature="Het team van Horizon\nLoopbaancentrum Horizon — erkend loopbaancentrum",
        )
        now = timezone.now()
        for hours_ago, (first, last), channel, question, window_days in DEMO_LEADS:
            arrived = now - timedelta(hours=hours_ago)
            start = timezone.localtime(arrived + timedelta(days=window_days)).replace(
                hour=17, minute=0, second=0, microsecond=0
            )
            if start + timedelta(hours=2) <= arrived:  # arrived after that evening's window
                start = timezone.localtime(arrived + timedelta(hours=1)).replace(
                    minute=0, second=0, microsecond=0
                )
            lead_submit(
                organisation=centre,
                data=LeadData(
                    first_name=first,
                    last_name=last,
                    email=f"{first}.{last}@example.be".lower().replace(" ", ""),
                    phone=f"+3247{hours_ago % 10}{(hours_ago * 7919) % 1000000:06d}",
                    career_question=question,
                    channel=channel,
                    consent=True,
                    windows=[(start, start + timedelta(hours=2))],
                    postal_code="9000",
                ),
                now=arrived,
            )

    def _organisations(self) -> dict[str, Organisation]:
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

    def _staff(self, orgs: dict[str, Organisation]) -> dict[str, User]:
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

    def _client(self, i, first, last, organisation, acting, today):
        birth = date(1965 + (i * 7) % 38, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
        postal, city = ADDRESSES[i % len(ADDRESSES)]
        self.counts["clients"] += 1
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

    def _voucher_ruleset(self, admin, today):
        """After the last voucher version (2026-12-31) the demo carries its numbers on, as an
        administrator does on Centrum ▾ Regelsets once VDAB publishes the career credit."""
        from koers.trajectories.rulesets import ruleset_missing, ruleset_publish, versions

        if ruleset_missing(Programme.VOUCHER, today) is None:
            return
        last = max(
            (r for r in versions(Programme.VOUCHER) if r.valid_until and r.valid_until < today),
            key=lambda r: r.valid_until,
        )
        start = last.valid_until + timedelta(days=1)
        ruleset_publish(
            programme=Programme.VOUCHER,
            version=f"demo-{start:%Y}",
            valid_from=start,
            valid_until=None,
            based_on=last.version,
            changes={},
            reason=f"Demo: de cijfers van {last.version} lopen door tot VDAB de regels van het "
            "loopbaankrediet publiceert.",
            acting_user=admin,
        )

    def _trajectory(self, i, client, plan: Track, orgs, staff, today):
        responsible = staff[plan.staff]
        organisation = orgs[
            {"bemiddelaar": "mediation", "jobcoach": "social"}.get(plan.staff, "centre")
        ]
        start = today - timedelta(weeks=plan.weeks_ago)
        titles = {
            Programme.VOUCHER: "Loopbaancheque 1",
            Programme.MEDIATION: "Intensieve bemiddeling — perceel 1",
            Programme.TRANSITION: "Doorstroom naar het normaal economisch circuit",
        }
        # programme_open: a voucher trajectory is opened by the vouchers app (number, rule set).
        trajectory = programme_open(
            client=client,
            programme=plan.programme,
            responsible=responsible,
            organisation=organisation,
            start_date=start,
            title=titles[plan.programme],
            acting_user=responsible,
        )
        self.counts["trajectories"] += 1
        if plan.programme == Programme.VOUCHER:
            self._voucher_intake(trajectory, responsible, i)
        if plan.programme == Programme.MEDIATION:
            self._mediation_referral(trajectory, responsible, i)
        forms = cycle(
            [ContactForm.INDIVIDUAL, ContactForm.INDIVIDUAL, ContactForm.VIDEO, ContactForm.GROUP]
            if plan.programme == Programme.VOUCHER
            else [ContactForm.INDIVIDUAL, ContactForm.PHONE]
        )
        place = "Horizon Gent" if i % 2 else "Horizon Aalst"
        if plan.programme != Programme.VOUCHER:
            place = organisation.working_name or organisation.name
        first_contact = None
        # Held contacts, roughly every ten days from the start, in the past.
        step = max(1, (today - start).days // (plan.past + 1))
        for k in range(plan.past):
            day = start + timedelta(days=1 + k * step)
            if day >= today:
                break
            starts_at = self.agenda.slot(day, staff=responsible, client_pk=client.pk)
            if starts_at.date() >= today:
                break
            absent = plan.programme == Programme.MEDIATION and k == 1 and i % 2 == 0
            contact = contact_log(
                trajectory=trajectory,
                data=ContactData(
                    starts_at=starts_at,
                    duration_minutes=60 if k % 2 else 90,
                    form=next(forms),
                    place=place,
                    outcome=ContactOutcome.ABSENT if absent else ContactOutcome.HELD,
                    absence_reason="Ziek, attest volgt" if absent else "",
                    notes="" if absent else "Loopbaanvraag verkend; volgende stappen afgesproken.",
                ),
                acting_user=responsible,
            )
            first_contact = first_contact or contact
            self.counts["contacts"] += 1
        if plan.status == TrajectoryStatus.ACTIVE:
            for k in range(plan.future):
                starts_at = self.agenda.slot(
                    today + timedelta(days=1 + 3 * k + i % 4),
                    staff=responsible,
                    client_pk=client.pk,
                )
                contact_log(
                    trajectory=trajectory,
                    data=ContactData(
                        starts_at=starts_at,
                        duration_minutes=60,
                        form=ContactForm.INDIVIDUAL,
                        place=place,
                    ),
                    acting_user=responsible,
                )
                self.counts["contacts"] += 1
        self._assignments(trajectory, start, today, responsible, i)
        self._documents(trajectory, responsible, first_contact, i)
        if plan.programme == Programme.VOUCHER and i == 1:
            self._development_plan(trajectory, responsible)
        if plan.programme == Programme.TRANSITION and i == 20:
            plan_create(
                trajectory=trajectory,
                kind=PlanKind.TRANSITION,
                title="Persoonlijk doorstroomplan",
                content={"job_target": "Magazijnmedewerker in de logistiek"},
                acting_user=responsible,
            )
        if plan.programme == Programme.MEDIATION and i in MEDIATION_FIRST_APPOINTMENTS:
            self._mediation_first_appointment(trajectory, responsible, client, i, today)
        if plan.programme == Programme.VOUCHER and plan.status == TrajectoryStatus.CLOSED:
            # A voucher closes through its own step: open points recorded, a reason when early.
            from koers.vouchers.models import ClosingReason
            from koers.vouchers.services import voucher_close

            voucher_close(
                voucher=trajectory.voucher,
                acting_user=responsible,
                reason=ClosingReason.CLIENT_STOPPED,
            )
        elif plan.status != TrajectoryStatus.ACTIVE:
            trajectory_set_status(
                trajectory=trajectory,
                status=plan.status,
                acting_user=responsible,
                on=today - timedelta(days=2),
            )
        return trajectory

    def _voucher_intake(self, trajectory, responsible, i):
        """The career question and the LBC-10 intake checklist, partly ticked."""
        from koers.vouchers.models import Voucher
        from koers.vouchers.rules.intake import INTAKE_TOPICS
        from koers.vouchers.services import voucher_intake_update

        voucher = Voucher.objects.get(trajectory=trajectory)
        questions = [
            "Wil ik in de zorg blijven, of iets anders doen?",
            "Welke job past bij mij na vijftien jaar in de logistiek?",
            "Hoe zet ik mijn talenten beter in bij mijn huidige werkgever?",
            "Kan ik de overstap maken naar het onderwijs?",
        ]
        topics = list(INTAKE_TOPICS)
        voucher_intake_update(
            voucher=voucher,
            career_question=questions[i % len(questions)],
            topics=topics if i % 4 else topics[:6],
            acting_user=responsible,
        )

    def _mediation_referral(self, trajectory, responsible, i):
        """MED-01: complete the referral that programme_open left "nog aan te vullen"."""
        from koers.mediation.models import MediationService, Tender
        from koers.mediation.services import ReferralData, referral_update

        service = MediationService.objects.get(trajectory=trajectory)
        first, last = VDAB_MEDIATORS[i % len(VDAB_MEDIATORS)]
        referral_update(
            service=service,
            data=ReferralData(
                tender=Tender.SCRABA if i % 2 else Tender.TIBB4,
                lot="Perceel 1 – Gent",
                vdab_mediator_name=f"{first} {last}",
                vdab_mediator_email=f"{first}.{last}@example.be".lower(),
                referral_date=service.referral_date,
                work_points=["Zoektocht naar werk", "Nederlands op de werkvloer"],
                thresholds=["Mobiliteit"] if i % 2 else [],
            ),
            acting_user=responsible,
        )

    def _mediation_first_appointment(self, trajectory, responsible, client, i, today):
        """The first appointment at the partner: one still to come, one held (the first agreement
        sheet is then due within 15 days) — both show as deadlines on the mediation dashboard."""
        from koers.mediation.models import MediationService
        from koers.mediation.services import (
            AppointmentData,
            first_appointment_plan,
            first_appointment_record,
        )

        service = MediationService.objects.get(trajectory=trajectory)
        if MEDIATION_FIRST_APPOINTMENTS[i] == "to_close":
            self._mediation_to_close(service, responsible, client, today)
            return
        held = MEDIATION_FIRST_APPOINTMENTS[i] == "present"
        day = today - timedelta(days=6) if held else today + timedelta(days=2)
        starts_at = self.agenda.slot(day, staff=responsible, client_pk=client.pk)
        now = timezone.now()
        appointment = first_appointment_plan(
            service=service,
            data=AppointmentData(
                starts_at=starts_at,
                place=trajectory.organisation.working_name or trajectory.organisation.name,
            ),
            acting_user=responsible,
            now=now,
        )
        self.counts["contacts"] += 1
        if held and starts_at <= now:
            first_appointment_record(
                appointment=appointment, present=True, acting_user=responsible, now=now
            )

    def _mediation_to_close(self, service, responsible, client, today):
        """MED-14: present at the first appointment, a signed first sheet, the start, then three
        passive month-ends (as VDAB's import flags them): the service is "ter afsluiting" and the
        partner mediator can give the final advice and print it."""
        from koers.mediation.rules.closing import previous_month_ends
        from koers.mediation.services import (
            AppointmentData,
            MonthEndData,
            SheetAssignment,
            first_appointment_plan,
            first_appointment_record,
            mediation_start,
            month_ends_record,
            sheet_create,
            sheet_sign,
        )

        trajectory = service.trajectory
        first_day = trajectory.start_date + timedelta(days=3)
        now = timezone.now()
        appointment = first_appointment_plan(
            service=service,
            data=AppointmentData(
                starts_at=self.agenda.slot(first_day, staff=responsible, client_pk=client.pk),
                place=trajectory.organisation.working_name or trajectory.organisation.name,
            ),
            acting_user=responsible,
            now=now,
        )
        self.counts["contacts"] += 1
        first_appointment_record(
            appointment=appointment, present=True, acting_user=responsible, now=now
        )
        sheet = sheet_create(
            service=service,
            made_on=first_day + timedelta(days=1),
            work_points=["Zoektocht naar werk"],
            assignments=[
                SheetAssignment(
                    "Solliciteer op passende vacatures",
                    "Vier per week; overzicht meebrengen",
                    first_day + timedelta(days=30),
                )
            ],
            services_remark="",
            acting_user=responsible,
            now=now,
        )
        sheet_sign(
            sheet=sheet,
            partner_on=sheet.made_on,
            participant_on=sheet.made_on,
            acting_user=responsible,
        )
        mediation_start(
            service=service, acting_user=responsible, now=now, on=first_day + timedelta(days=2)
        )
        month_ends_record(
            service=service,
            items=[MonthEndData(end, "52", True) for end in previous_month_ends(today, 3)],
            acting_user=responsible,
            today=today,
        )

    def _assignments(self, trajectory, start, today, responsible, i):
        items = [
            ("Drie vacatures zoeken die je aanspreken", AssignmentStatus.DONE, -7),
            ("Cv bijwerken met je laatste job", AssignmentStatus.OPEN, 10),
            ("Gesprek met iemand uit de sector plannen", AssignmentStatus.OPEN, -2 - i % 3),
        ]
        for title, status, offset in items[: 1 + i % 3]:
            deadline = max(today + timedelta(days=offset), start)
            assignment_create(
                trajectory=trajectory,
                data=AssignmentData(
                    title=title,
                    description="",
                    deadline=deadline,
                    status=status,
                    evaluation="Goed voorbereid." if status == AssignmentStatus.DONE else "",
                ),
                acting_user=responsible,
            )

    def _documents(self, trajectory, responsible, first_contact, i):
        if trajectory.programme == Programme.VOUCHER:
            document_add(
                trajectory=trajectory,
                kind=DocumentKind.CONTRACT,
                title="Overeenkomst loopbaanbegeleiding",
                status=DocumentStatus.ORIGINAL_RECEIVED if i % 2 else DocumentStatus.SIGNED,
                acting_user=responsible,
            )
            document_add(
                trajectory=trajectory,
                kind=DocumentKind.CODE_OF_CONDUCT,
                title="Deontologische code",
                status=DocumentStatus.GENERATED,
                acting_user=responsible,
            )
            if i % 2 and trajectory.start_date <= timezone.localdate():
                from koers.vouchers.services import code_of_conduct_handed_over

                # LBC-11.2: handing it over is an act the coach records, not the generated PDF.
                code_of_conduct_handed_over(
                    voucher=trajectory.voucher,
                    how="given",
                    on=trajectory.start_date,
                    acting_user=responsible,
                )
        if first_contact is not None:
            document_add(
                trajectory=trajectory,
                kind=DocumentKind.ATTENDANCE,
                title="Bewijs van deelname",
                status=DocumentStatus.SIGNED if i % 3 else DocumentStatus.MISSING,
                contact=first_contact,
                acting_user=responsible,
            )

    def _development_plan(self, trajectory, responsible):
        """Two versions of voucher 1's POP, written through the POP service (LBC-12's shape)."""
        from koers.vouchers.services import pop_save

        voucher = trajectory.voucher
        sections = {
            "career_question": "Wil ik in de zorg blijven, of iets anders doen?",
            "reflections": "Ik haal energie uit mensen helpen, minder uit de ploegendiensten.",
        }
        pop_save(
            voucher=voucher,
            content={"style": "action", "sections": sections, "actions": []},
            acting_user=responsible,
        )
        deadline = (trajectory.start_date + timedelta(weeks=12)).isoformat()
        pop_save(
            voucher=voucher,
            content={
                "style": "action",
                "sections": sections
                | {"choices": "Ik verken het werk als begeleider in een dagcentrum."},
                "actions": [
                    {
                        "what": "Twee dagen meelopen in een dagcentrum",
                        "by_when": deadline,
                        "by_whom": "cliënt",
                    },
                    {
                        "what": "Infosessie opleiding begeleider volgen",
                        "by_when": deadline,
                        "by_whom": "cliënt",
                    },
                ],
            },
            acting_user=responsible,
        )
