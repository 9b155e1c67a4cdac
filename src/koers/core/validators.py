"""Validators for Belgian identifiers and contact data, with Dutch error messages.

The checksums come from python-stdnum and phonenumbers; nothing here recomputes them.
"""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.be import ssn, vat
from stdnum.exceptions import ValidationError as StdnumError

_POSTAL_CODE = re.compile(r"^[1-9]\d{3}$")


def normalize_national_number(value: str) -> str:
    """Return the 11 digits of a valid national register (or BIS) number, or raise."""
    try:
        return ssn.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("Dit is geen geldig rijksregisternummer (11 cijfers, bv. 85.07.30-033.28)."),
            code="invalid_national_number",
        ) from exc


def format_national_number(digits: str) -> str:
    return ssn.format(digits)


def mask_national_number(digits: str) -> str:
    """Show only the last two (check) digits: enough to tell two people apart on screen."""
    return f"••.••.••-•••.{digits[-2:]}"


def normalize_enterprise_number(value: str) -> str:
    """Return a valid Belgian enterprise number as 10 digits, or raise."""
    try:
        return vat.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("Dit is geen geldig ondernemingsnummer (10 cijfers, bv. 0403.170.701)."),
            code="invalid_enterprise_number",
        ) from exc


def format_enterprise_number(digits: str) -> str:
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def normalize_phone(value: str, region: str = "BE") -> str:
    """Parse a phone number (Belgian unless it has a country code) into E.164, or raise."""
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Dit is geen geldig telefoonnummer."), code="invalid_phone"
        ) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError(_("Dit is geen geldig telefoonnummer."), code="invalid_phone")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    if not e164:
        return ""
    parsed = phonenumbers.parse(e164, None)
    if parsed.country_code == 32:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def validate_postal_code(value: str) -> None:
    """Belgian postal codes are four digits from 1000 to 9999."""
    if not _POSTAL_CODE.match(value or ""):
        raise ValidationError(
            _("Een Belgische postcode heeft vier cijfers (1000 tot 9999)."),
            code="invalid_postal_code",
        )
