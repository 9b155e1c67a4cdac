"""BIL-04 test data: a settled statement (written directly: the hours and settlement are tested
in tests/billing/hours), the coach's company and the centre's billing details."""

from datetime import date
from decimal import Decimal

from koers.billing.models import (
    CentreBillingDetails,
    CoachCompany,
    Statement,
    StatementCorrection,
    StatementLine,
)
from koers.core.models import Organisation, User

CENTRE_ENTERPRISE = "0200000043"
SELLER_ENTERPRISE = "0512345684"
EXEMPT_ENTERPRISE = "0798765405"
IBAN = "BE21001234567803"


def statement(
    coach: User,
    centre: Organisation,
    month: date = date(2026, 5, 1),
    lines=(("An Peeters", "1", 150, "90.00"), ("Bart Claes", "2", 60, "90.00")),
) -> Statement:
    rows = [
        (client, voucher, minutes, Decimal(rate), (Decimal(minutes) / 60 * Decimal(rate)))
        for client, voucher, minutes, rate in lines
    ]
    made = Statement.objects.create(
        coach=coach,
        centre=centre,
        month=month,
        total=sum((r[4] for r in rows), Decimal("0")).quantize(Decimal("0.01")),
    )
    for client, voucher, minutes, rate, amount in rows:
        StatementLine.objects.create(
            statement=made,
            client_name=client,
            voucher=voucher,
            rate=rate,
            minutes=minutes,
            amount=amount.quantize(Decimal("0.01")),
        )
    return made


def correction(statement: Statement, by: User, minutes: int = -30, note: str = "Dubbel geteld"):
    line = statement.lines.first()
    return StatementCorrection.objects.create(
        statement=statement,
        client_name=line.client_name,
        voucher=line.voucher,
        rate=line.rate,
        minutes=minutes,
        amount=Decimal(minutes) / 60 * line.rate,
        note=note,
        created_by=by,
    )


def company(coach: User, **overrides) -> CoachCompany:
    """Written directly, so a test can also store data the form would refuse (an import)."""
    values = {
        "legal_name": "Loopbaanpraktijk Voorbeeld BV",
        "enterprise_number": SELLER_ENTERPRISE,
        "vat_number": f"BE{SELLER_ENTERPRISE}",
        "street": "Kerkstraat 12",
        "postal_code": "2000",
        "city": "Antwerpen",
        "iban": IBAN,
        "email": "coach@voorbeeld.test",
    } | overrides
    return CoachCompany.objects.create(coach=coach, **values)


def billing_details(centre: Organisation, **overrides) -> CentreBillingDetails:
    centre.enterprise_number = CENTRE_ENTERPRISE
    centre.working_name = "Horizon"
    centre.save()
    values = {
        "vat_number": f"BE{CENTRE_ENTERPRISE}",
        "street": "Dorpsstraat 1",
        "postal_code": "2970",
        "city": "Schilde",
        "email": "admin@horizon.example.be",
    } | overrides
    return CentreBillingDetails.objects.create(organisation=centre, **values)
