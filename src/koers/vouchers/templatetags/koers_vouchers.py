from datetime import date

from django import template
from django.utils.formats import date_format

from koers.vouchers.rules.pop import POP_SECTIONS

register = template.Library()


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, "")


@register.filter
def iso_date(value):
    """Show an ISO date string (as stored in a POP's JSON) as dd/mm/jjjj."""
    if not value:
        return ""
    try:
        return date_format(date.fromisoformat(str(value)), "SHORT_DATE_FORMAT")
    except ValueError:
        return value


@register.simple_tag
def pop_sections():
    return POP_SECTIONS


@register.filter
def minutes_as_hours(minutes):
    """150 -> "2,5 u" (nl-BE decimal comma)."""
    hours = (minutes or 0) / 60
    text = f"{hours:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} u"
