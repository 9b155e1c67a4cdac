"""The invoicing part of `manage.py demo` (BIL-04; see `koers.core.demo`): each demo coach gets a
rate and a company, the centre its billing details, the coaches' held hours of the last months are
marked entered at VDAB and settled, and the older statement of each coach is invoiced — so the
newest one waits for "Factuur opmaken" in `make run`.

Jonas Tack invoices under the small-business exemption (category E), Regina Vranckx through her
subcontracting company at 21 % (category S). Everything goes through the services; the numbers
are fictional, and like the rest of the demo the check digits come from python-stdnum by trying
candidates (never computed here).
"""

from decimal import Decimal

from stdnum import iban as stdnum_iban

from koers.billing.models import Statement
from koers.billing.rules.periods import Month
from koers.billing.rules.ruleset import RULESETS
from koers.billing.services.hours import coach_rate_set, hour_mark_entered, statement_settle
from koers.billing.services.invoice_parties import centre_billing_details_save, coach_company_save
from koers.billing.services.invoices import invoice_issue
from koers.core.demo import Demo, enterprise_number, register_demo
from koers.trajectories.billable import billable_hours


def demo_iban(seed: int) -> str:
    """A valid, fictional Belgian IBAN: the first candidate stdnum accepts."""
    base = f"{733 + seed:03d}{4_410_000 + seed * 7_919:07d}"
    for account_check in range(1, 100):
        for check in range(2, 100):
            candidate = f"BE{check:02d}{base}{account_check:02d}"
            if stdnum_iban.is_valid(candidate):
                return candidate
    raise RuntimeError("no valid IBAN found")  # pragma: no cover


def _companies(demo: Demo) -> None:
    own = enterprise_number(11)
    coach_company_save(
        acting_user=demo.staff["coach"],
        legal_name="Jonas Tack Loopbaanbegeleiding",
        enterprise_number=own,
        vat_number=f"BE{own}",
        vat_exempt=True,
        street="Kouter 18",
        postal_code="9000",
        city="Gent",
        country="BE",
        iban=demo_iban(1),
        email="facturen@jonastack.example.be",
    )
    company = demo.orgs["subcontractor"]
    coach_company_save(
        acting_user=demo.staff["coach2"],
        legal_name=company.name,
        enterprise_number=company.enterprise_number,
        vat_number=f"BE{company.enterprise_number}",
        vat_exempt=False,
        street="Brusselsesteenweg 210",
        postal_code="9300",
        city="Aalst",
        country="BE",
        iban=demo_iban(2),
        email="boekhouding@vranckx.example.be",
    )
    centre = demo.orgs["centre"]
    centre_billing_details_save(
        centre=centre,
        acting_user=demo.staff["backoffice"],
        legal_name=centre.name,
        enterprise_number=centre.enterprise_number,
        vat_number=f"BE{centre.enterprise_number}",
        street="Voskenslaan 12",
        postal_code="9000",
        city="Gent",
        country="BE",
        email="administratie@horizon.example.be",
    )


def _settled_statements(demo: Demo, coach, months: list[Month]) -> list[Statement]:
    """Mark the coach's counted hours of `months` entered at VDAB on the day itself, and settle.
    The two most recent hours stay to enter, so the hours page has work to show."""
    staff, centre = demo.staff["backoffice"], demo.orgs["centre"]
    hours = billable_hours(
        coach_ids=[coach.pk], since=months[0].first_day, until=months[-1].last_day
    )
    for hour in sorted(hours, key=lambda h: (h.day, h.contact_id))[:-2]:
        if not hour.aftercare:
            hour_mark_entered(
                contact_id=hour.contact_id,
                entered_on=hour.day,
                acting_user=coach,
                today=demo.today,
            )
    done = []
    for month in months:
        done += [
            s
            for s in statement_settle(
                centre=centre, month=month, acting_user=staff, today=demo.today
            )
            if s.coach_id == coach.pk
        ]
    return done


def build_invoices(demo: Demo) -> None:
    staff, centre = demo.staff["backoffice"], demo.orgs["centre"]
    last = Month.of(demo.today).plus(-1)
    months = [last.plus(-2), last.plus(-1), last]
    # From the first demo month on, and not before the billing rule set starts (1 January 2026).
    since = max(months[0].first_day, RULESETS[0].valid_from)
    for username, rate in (("coach", Decimal("90.00")), ("coach2", Decimal("110.00"))):
        coach_rate_set(
            centre=centre,
            coach_id=demo.staff[username].pk,
            rate=rate,
            valid_from=since,
            acting_user=staff,
        )
    _companies(demo)
    for username in ("coach", "coach2"):
        coach = demo.staff[username]
        statements = _settled_statements(demo, coach, [m for m in months if m.first_day >= since])
        for older in statements[:-1]:
            invoice_issue(statement_id=older.pk, acting_user=coach, today=demo.today)


register_demo("billing-invoices", build_invoices, order=70)
