"""`{% load billing_format %}`: amounts and hours on the billing pages as the billing documents
show them in nl-BE (billing/rules/labels.py), whatever the language of the page:
`{{ statement.total|euro }}` → "€ 1.234,50", `{{ line.minutes|hours }}` → "2,5",
`{{ value|nl_number }}` → "1,5"; numbers as the invoice PDF prints them: `|enterprise_number`
→ "0512.345.684", `|iban` → "BE21 0012 3456 7803". An empty value stays empty."""

from decimal import Decimal, InvalidOperation

from django import template
from stdnum import iban as iban_number
from stdnum.be import vat as be_vat

from koers.billing.rules.labels import euro_label, number_label
from koers.billing.rules.periods import hours_of

register = template.Library()


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def euro(value) -> str:
    amount = _decimal(value)
    return "" if amount is None else euro_label(amount)


@register.filter
def nl_number(value) -> str:
    number = _decimal(value)
    return "" if number is None else number_label(number)


@register.filter
def hours(minutes) -> str:
    """Minutes as hours: 150 → "2,5"."""
    number = _decimal(minutes)
    return "" if number is None else number_label(hours_of(int(number)))


@register.filter
def negated(value):
    """A credit note's amount in a list of invoices: 272.25 → -272.25."""
    number = _decimal(value)
    return None if number is None else -number


@register.filter
def enterprise_number(value) -> str:
    digits = be_vat.compact(value) if value else ""
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}" if len(digits) == 10 else (value or "")


@register.filter
def iban(value) -> str:
    return iban_number.format(value) if value else ""
