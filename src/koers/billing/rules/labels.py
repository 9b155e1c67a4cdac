"""Amounts, quantities and months as billing documents show them in nl-BE: "€ 1.234,50",
"1,5", "maart 2026". Pure: no Django (the PDFs, mails and pages format alike)."""

from decimal import Decimal

from koers.billing.rules.periods import Month
from koers.billing.rules.statements import money

MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def amount_label(amount: Decimal) -> str:
    """To the cent with a decimal comma and a point per thousand: "1.234,50", "-45,00"."""
    return f"{money(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def euro_label(amount: Decimal) -> str:
    """A euro amount: "€ 1.234,50", "€ -45,00"."""
    return f"€ {amount_label(amount)}"


def number_label(value: Decimal) -> str:
    """A quantity or percentage without trailing zeros: "1,5", "4", "21", "-0,5"."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if text not in ("-0", "") else "0"


def month_label(month: Month) -> str:
    """The month in words: "maart 2026"."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"
