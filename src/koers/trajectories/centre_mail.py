"""The centre's house style for mail to clients (INT-04, COM-01), as every programme uses it.

The intake programme keeps the centre's branding (name, address, signature, logo) and registers
how mail is written and sent with it (`IntakeConfig.ready()`); other programmes (e.g. vouchers'
evaluation invitations) use these functions and never import intake.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

from koers.core.models import Organisation


@dataclass(frozen=True)
class CentreMail:
    name: Callable[[Organisation], str]
    address: Callable[[Organisation], str]  # INT-04: the centre's own address, "" without
    sender: Callable[[Organisation], str]  # "<name> <address>", "" without an address
    signature: Callable[[Organisation], str]
    render_body: Callable[[Organisation, str], tuple[str, str]]  # (text, html) in house style
    send: Callable[..., bool]  # (organisation, *, subject, text, html, to, coach) -> sent


_registered: list[CentreMail] = []


def register_centre_mail(mail: CentreMail) -> None:
    _registered[:] = [mail]


def _mail() -> CentreMail:
    if not _registered:
        raise ImproperlyConfigured("No app registered the centre's house style (koers.intake).")
    return _registered[0]


def centre_name(organisation: Organisation) -> str:
    return _mail().name(organisation)


def centre_address(organisation: Organisation) -> str:
    return _mail().address(organisation)


def centre_sender(organisation: Organisation) -> str:
    return _mail().sender(organisation)


def centre_signature(organisation: Organisation) -> str:
    return _mail().signature(organisation)


def render_body(organisation: Organisation, body: str) -> tuple[str, str]:
    return _mail().render_body(organisation, body)


def send_centre_mail(organisation: Organisation, **message) -> bool:
    """INT-04: send `subject`, `text`, `html` to `to` from the centre's address, replies to
    `coach` (optional). Without a centre address nothing goes out. True when sent."""
    return _mail().send(organisation, **message)
