"""The nl-BE labels of the billing pages (BIL-03): `euro`, `hours` and `nl_number` filters."""

from decimal import Decimal

from django.template import Context, Template


def _render(text: str, **values) -> str:
    return Template("{% load billing_format %}" + text).render(Context(values))


def test_bil_03_euro_filter_writes_nl_be_amounts():
    assert _render("{{ a|euro }}", a=Decimal("1234.5")) == "€ 1.234,50"
    assert _render("{{ a|euro }}", a=Decimal("-45")) == "€ -45,00"
    assert _render("{{ a|euro }}", a=None) == ""


def test_bil_03_hours_filter_turns_minutes_into_hours():
    assert _render("{{ m|hours }}", m=150) == "2,5"
    assert _render("{{ m|hours }}", m=240) == "4"
    assert _render("{{ m|hours }}", m=-30) == "-0,5"


def test_bil_03_nl_number_filter_drops_trailing_zeros():
    assert _render("{{ n|nl_number }}", n=Decimal("1.50")) == "1,5"
    assert _render("{{ n|nl_number }}", n="x") == ""


def test_bil_04_negated_filter_shows_a_credit_note_below_zero():
    assert _render("{{ a|negated|euro }}", a=Decimal("272.25")) == "€ -272,25"


def test_bil_04_enterprise_number_and_iban_filters_print_as_the_pdf():
    assert _render("{{ n|enterprise_number }}", n="0512345684") == "0512.345.684"
    assert _render("{{ n|iban }}", n="BE21001234567803") == "BE21 0012 3456 7803"
    assert _render("{{ n|enterprise_number|default:'—' }}", n="") == "—"
