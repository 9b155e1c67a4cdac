"""Links into Koers for e-mails (issue 16: a staff mail links to the page where the work is).
`KOERS_BASE_URL` is where users reach Koers (`make run` derives it from HOST and PORT)."""

from django.conf import settings
from django.urls import reverse


def absolute(name: str, *args) -> str:
    """The full address of a named page, e.g. `absolute("intake_lead_detail", 12)`."""
    return settings.KOERS_BASE_URL.rstrip("/") + reverse(name, args=args)
