"""Invoice parties and a statement for the billing tests (fictitious companies, valid numbers)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from koers.billing.rules.invoices import Address, Party, invoice_from_statement
from koers.billing.rules.periods import Month
from koers.billing.rules.ruleset import ruleset_for
from koers.billing.rules.statements import CoachRate, EntryFacts, build_statement

RULES = ruleset_for(date(2026, 4, 1))
MARCH = Month(2026, 3)

SELLER = Party(
    name="Loopbaanpraktijk Voorbeeld BV",
    enterprise_number="0512.345.684",
    vat_number="BE0512345684",
    address=Address("Kerkstraat 12", "2000", "Antwerpen"),
    email="coach@voorbeeld.test",
    iban="BE21 0012 3456 7803",
)
EXEMPT_SELLER = replace(
    SELLER,
    name="Coaching Klein",
    enterprise_number="0798765405",
    vat_number="BE0798765405",
    vat_exempt=True,
)
BUYER = Party(
    name="Loopbaancentrum Voorbeeld VZW",
    enterprise_number="0200000043",
    vat_number="BE0200000043",
    address=Address("Dorpsstraat 1", "2970", "Schilde"),
    trading_name="Voorbeeld",
)


def march_statement():
    entries = [
        EntryFacts("h1", "An Peeters", "1", date(2026, 3, 3), 120, date(2026, 3, 4)),
        EntryFacts("h2", "An Peeters", "1", date(2026, 3, 10), 90, date(2026, 3, 11)),
        EntryFacts("h3", "Bart Claes", "2", date(2026, 3, 17), 60, date(2026, 3, 18)),
    ]
    rates = (CoachRate(Decimal("110.00"), date(2026, 1, 1)),)
    statement, refused = build_statement(
        coach="c1", month=MARCH, entries=entries, rates=rates, today=date(2026, 4, 5), ruleset=RULES
    )
    assert refused is None
    return statement


def march_invoice(seller=SELLER, number="2026-0001"):
    return invoice_from_statement(
        march_statement(),
        number=number,
        issue_date=date(2026, 4, 6),
        seller=seller,
        buyer=BUYER,
        statement_reference="AFR-2026-03-c1",
        ruleset=RULES,
    )
